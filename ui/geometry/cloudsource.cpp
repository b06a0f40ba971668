#include "ui/geometry/cloudsource.h"

#include "core/data/mnist.h"
#include "ui/common/palette.h"
#include "ui/geometry/planetheme.h"

#include <algorithm>

namespace ui {

namespace {

// test_images[0], the 7 of MNIST. The embedded sample holds the first 1,000 test digits but uses
// the first 800 as its stand-in training set, so there it is trainImages[0].
std::vector<std::uint8_t> firstTestDigit(const MnistSnapshot &mnist)
{
    std::vector<std::uint8_t> pixels(28 * 28, 0);
    if (!mnist) return pixels;
    const core::Tensor &images = mnist->isFullSet ? mnist->testImages : mnist->trainImages;
    if (images.ndim() == 3 && images.shape()[0] > 0 && images.shape()[1] == 28 &&
        images.shape()[2] == 28)
        for (std::size_t i = 0; i < pixels.size(); ++i)
            pixels[i] = static_cast<std::uint8_t>(images.flatAt(static_cast<std::int64_t>(i)));
    return pixels;
}

} // namespace

std::shared_ptr<const core::geometry::PointCloud> makeCloud(CloudKind kind, int count,
                                                            const MnistSnapshot &mnist)
{
    using core::geometry::PointCloud;
    // Even 100,000 points take a few milliseconds to generate: no thread needed.
    switch (kind) {
    case CloudKind::None:
        return nullptr;
    case CloudKind::Smiley:
        return std::make_shared<PointCloud>(core::geometry::smileyCloud(count));
    case CloudKind::Letter:
        return std::make_shared<PointCloud>(core::geometry::letterCloud(count));
    case CloudKind::Moons:
        return std::make_shared<PointCloud>(core::geometry::moonsCloud(count));
    case CloudKind::Digit:
        return std::make_shared<PointCloud>(
            core::geometry::imageCloud(firstTestDigit(mnist), 28, 28, count));
    }
    return nullptr;
}

QColor cloudColour(CloudKind kind, std::uint8_t label, const PlaneTheme &theme)
{
    switch (kind) {
    case CloudKind::Smiley:
        return label == 0 ? QColor(0xED, 0xC9, 0x48) : QColor(0x3A, 0x3A, 0x3A);
    case CloudKind::Letter:
        return QColor(0xB0, 0x7A, 0xA1);
    case CloudKind::Digit: {
        QColor ink = theme.text; // MNIST's binary map: ink on the ground, whatever the theme
        ink.setAlphaF(0.25f + 0.75f * std::min(label, std::uint8_t(7)) / 7.0f);
        return ink;
    }
    case CloudKind::Moons:
        // The colours of digits 0 and 1, as classes 0 and 1 are on every page.
        return palette::digit(label == 0 ? 0 : 1);
    case CloudKind::None:
        break;
    }
    return theme.text;
}

} // namespace ui
