#include "ui/common/tensorimage.h"

#include "core/errors.h"
#include "core/tensor/indexing.h"
#include "core/tensor/tensor.h"
#include "ui/common/palette.h"

#include <QPainter>
#include <algorithm>

namespace ui {

namespace {
QRgb colourOf(const core::Tensor &t, double v)
{
    return t.dtype() == core::DType::UInt8 ? palette::binary(static_cast<std::uint8_t>(v))
                                           : palette::binaryF(static_cast<float>(v));
}
} // namespace

QImage imageOf2d(const core::Tensor &t, int scale)
{
    const int rows = static_cast<int>(t.shape()[0]);
    const int cols = static_cast<int>(t.shape()[1]);
    QImage small(std::max(cols, 1), std::max(rows, 1), QImage::Format_RGB32);
    small.fill(Qt::white);
    std::int64_t index[2];
    for (int r = 0; r < rows; ++r) {
        auto *line = reinterpret_cast<QRgb *>(small.scanLine(r));
        for (int c = 0; c < cols; ++c) {
            index[0] = r;
            index[1] = c;
            line[c] = colourOf(t, t.at(index));
        }
    }
    if (scale <= 1) return small;
    return small.scaled(small.width() * scale, small.height() * scale, Qt::IgnoreAspectRatio,
                        Qt::FastTransformation);
}

QImage imageOfTensor(const core::Tensor &t, int scale, int columns, int maxImages)
{
    scale = std::max(scale, 1);
    if (t.ndim() == 2) return imageOf2d(t, scale);
    if (t.ndim() == 1) return imageOf2d(t.reshape({1, t.size()}), scale);
    if (t.ndim() != 3)
        throw core::ValueError("cannot draw an array of rank " + std::to_string(t.ndim()) +
                               ": expected rank 1, 2 or 3");
    const int count = static_cast<int>(std::min<std::int64_t>(t.shape()[0], maxImages));
    const int cols = std::max(1, std::min(columns, count));
    const int gridRows = std::max(1, (count + cols - 1) / cols);
    const int w = static_cast<int>(t.shape()[2]) * scale;
    const int h = static_cast<int>(t.shape()[1]) * scale;
    QImage out(cols * (w + 1) + 1, gridRows * (h + 1) + 1, QImage::Format_RGB32);
    out.fill(QColor(0xB0, 0xB0, 0xB0));
    QPainter p(&out);
    for (int i = 0; i < count; ++i) {
        const core::IndexItem item[] = {std::int64_t{i}};
        p.drawImage(1 + (i % cols) * (w + 1), 1 + (i / cols) * (h + 1),
                    imageOf2d(core::index(t, item), scale));
    }
    return out;
}

} // namespace ui
