#include "ui/common/pngfile.h"

#include <QImage>
#include <QImageWriter>
#include <QSaveFile>

namespace ui {

QString writePngAtomically(const QImage &image, const QString &path)
{
    if (image.isNull()) return QStringLiteral("there is no image to write");
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) return file.errorString();
    QImageWriter writer(&file, "png");
    if (!writer.write(image)) {
        file.cancelWriting();
        return writer.errorString();
    }
    if (!file.commit()) return file.errorString();
    return {};
}

} // namespace ui
