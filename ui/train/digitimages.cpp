#include "ui/train/digitimages.h"

#include "core/data/mnist.h"
#include "ui/common/palette.h"

namespace ui {

bool hasDigitImages(const core::MnistData &data)
{
    const auto &shape = data.testImages.shape();
    return shape.size() == 3 && shape[1] == 28 && shape[2] == 28;
}

QImage testDigitImage(const core::MnistData &data, qint64 index)
{
    if (!hasDigitImages(data) || index < 0 || index >= data.testImages.shape()[0]) return {};
    const auto *pixels = data.testImages.data<std::uint8_t>() + index * 784;
    QImage img(28, 28, QImage::Format_RGB32);
    for (int r = 0; r < 28; ++r) {
        auto *line = reinterpret_cast<QRgb *>(img.scanLine(r));
        for (int c = 0; c < 28; ++c)
            line[c] = palette::binary(pixels[r * 28 + c]);
    }
    return img;
}

} // namespace ui
