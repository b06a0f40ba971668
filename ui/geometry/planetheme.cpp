#include "ui/geometry/planetheme.h"

#include "ui/common/palette.h"

#include <QPalette>
#include <array>

namespace ui {

QColor mixColours(const QColor &a, const QColor &b, double t)
{
    auto mix = [t](int x, int y) { return static_cast<int>(x + (y - x) * t + 0.5); };
    return QColor(mix(a.red(), b.red()), mix(a.green(), b.green()), mix(a.blue(), b.blue()));
}

QColor PlaneTheme::vector(int index) const
{
    // Amber, violet, blue, brown, pink, teal: apart from e1 green and e2 red in hue, and readable
    // on white and on near-black.
    static const std::array<QRgb, 6> light = {0xD98A00, 0x8E44AD, 0x2F6FD0,
                                              0x8C5A2B, 0xC2409A, 0x138D7E};
    static const std::array<QRgb, 6> darkSet = {0xFFB238, 0xC28BE0, 0x6FA8FF,
                                                0xC89563, 0xF07CC8, 0x3CC9B5};
    const auto &set = dark ? darkSet : light;
    return QColor::fromRgb(set[static_cast<std::size_t>(index) % set.size()]);
}

PlaneTheme PlaneTheme::fromPalette(const QPalette &palette)
{
    PlaneTheme t;
    const QColor window = palette.color(QPalette::Window);
    t.dark = window.lightness() < 128;
    t.background = t.dark ? QColor(0x16, 0x18, 0x1C) : QColor(0xFF, 0xFF, 0xFF);
    t.text = t.dark ? QColor(0xE8, 0xE8, 0xE8) : QColor(0x20, 0x20, 0x20);
    t.mutedText = mixColours(t.background, t.text, 0.6);
    t.minorGrid = mixColours(t.background, t.text, t.dark ? 0.07 : 0.05);
    t.majorGrid = mixColours(t.background, t.text, t.dark ? 0.15 : 0.12);
    t.axis = mixColours(t.background, t.text, 0.45);
    const QColor blue = palette::accent();
    t.warpedGrid = mixColours(t.background, blue, t.dark ? 0.55 : 0.5);
    t.warpedAxis = t.dark ? blue.lighter(115) : blue.darker(110);
    t.squareEdge = t.dark ? QColor(0xF2, 0xC9, 0x4C) : QColor(0xD4, 0xA0, 0x17);
    t.squareFill = t.squareEdge;
    t.squareFill.setAlphaF(t.dark ? 0.28f : 0.3f);
    t.e1 = palette::e1();
    t.e2 = palette::e2();
    t.sum = t.dark ? QColor(0xE0, 0xE0, 0xE0) : QColor(0x45, 0x45, 0x45);
    return t;
}

} // namespace ui
