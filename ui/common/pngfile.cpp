#include "ui/common/pngfile.h"

#include "core/errors.h"
#include "core/nn/atomicfile.h"

#include <QBuffer>
#include <QFile>
#include <QImage>
#include <QImageWriter>
#include <span>
#include <string>

namespace ui {

QString writePngAtomically(const QImage &image, const QString &path)
{
    if (image.isNull()) return QStringLiteral("there is no image to write");
    // Encoded in memory first: libpng reports a failed write by a long jump that leaks Qt's
    // buffer, and a file error is plainer from a plain write anyway.
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "png");
    if (!writer.write(image)) return writer.errorString();
    // Written by the engine's atomic write, not QSaveFile: on a full disk QSaveFile (Qt 6.4)
    // committed an empty file over the old one and reported success.
    const std::string name = QFile::encodeName(path).toStdString();
    try {
        core::nn::writeFileAtomically(name, std::as_bytes(std::span(png.constData(), png.size())));
    } catch (const core::FormatError &e) {
        // "cannot write PATH: why": the callers name the path themselves.
        std::string why = e.what();
        const std::string prefix = "cannot write " + name + ": ";
        if (why.rfind(prefix, 0) == 0) why.erase(0, prefix.size());
        return QString::fromStdString(why);
    }
    return {};
}

} // namespace ui
