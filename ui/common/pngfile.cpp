#include "ui/common/pngfile.h"

#include <QBuffer>
#include <QImage>
#include <QImageWriter>
#include <QSaveFile>

namespace ui {

QString writePngAtomically(const QImage &image, const QString &path)
{
    if (image.isNull()) return QStringLiteral("there is no image to write");
    // Encoded in memory first: libpng reports a failed write by a long jump that leaks Qt's
    // buffer, and a file error is plainer from QSaveFile anyway.
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "png");
    if (!writer.write(image)) return writer.errorString();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) return file.errorString();
    if (file.write(png) != png.size()) {
        const QString error = file.errorString();
        file.cancelWriting();
        return error;
    }
    if (!file.commit()) return file.errorString();
    return {};
}

} // namespace ui
