#pragma once
// Writes a PNG atomically: to a temporary file beside the target, renamed over it only when the
// whole image is written. A failed export never leaves half a file or clobbers an earlier one.

#include <QString>

class QImage;

namespace ui {

// Returns an empty string on success, otherwise why the file could not be written.
QString writePngAtomically(const QImage &image, const QString &path);

} // namespace ui
