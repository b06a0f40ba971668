#include "ui/common/palette.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace ui::palette {

QColor e1()
{
    return QColor(0x83, 0xC1, 0x67);
}
QColor e2()
{
    return QColor(0xFC, 0x62, 0x55);
}
QColor accent()
{
    return QColor(0x29, 0xAB, 0xCA);
}
QColor positive()
{
    return QColor(0xB2, 0x18, 0x2B);
}
QColor negative()
{
    return QColor(0x21, 0x66, 0xAC);
}

QColor axis(int index)
{
    static const std::array<QColor, 6> hues = {QColor(0x1F, 0x5F, 0xA8), QColor(0xB0, 0x3A, 0x2E),
                                               QColor(0x2E, 0x7D, 0x32), QColor(0x7B, 0x3F, 0xA0),
                                               QColor(0x9A, 0x5B, 0x00), QColor(0x00, 0x6E, 0x7A)};
    return hues[static_cast<std::size_t>(std::abs(index)) % hues.size()];
}

QColor trainCurve(bool projector)
{
    return projector ? QColor(0x0B, 0x63, 0xA5) : accent(); // 6.3:1 on white; accent is 2.7:1
}
QColor testCurve(bool projector)
{
    return projector ? QColor(0xC8, 0x32, 0x1F) : e2(); // 5.3:1; e2 is 3.0:1
}
QColor lossCurve(bool projector)
{
    return testCurve(projector); // the Train page's red: 5.3:1 on a projector
}
QColor accuracyCurve(bool projector)
{
    return projector ? QColor(0x2E, 0x7D, 0x32) : e1(); // 5.1:1 on white
}
QColor rawCurve(bool projector)
{
    QColor c = trainCurve(projector);
    c.setAlpha(projector ? 160 : 90); // over white: 2.9:1, and 1.4:1 on a monitor
    return c;
}

QColor digit(int label)
{
    // Tableau 10's hues, darkened where they were too light to read as text on white (orange,
    // teal, green, yellow, pink), brown with more colour, and indigo for 9 instead of a grey: both
    // looked like the grey index beside them. Each reads at 3:1 or more on white and window grey.
    static const std::array<QRgb, 10> colours = {0x4E79A7, 0xC85A00, 0xE15759, 0x2C8C86, 0x45892F,
                                                 0x957800, 0xA0649A, 0xC2368A, 0x8C5A3C, 0x2B2F8F};
    return QColor::fromRgb(colours[static_cast<std::size_t>(std::clamp(label, 0, 9))]);
}

QRgb binaryF(float v)
{
    const float c = std::isfinite(v) ? std::clamp(v, 0.0f, 1.0f) : 0.0f;
    return binary(static_cast<std::uint8_t>(std::lround(c * 255.0f)));
}

QRgb diverging(float v, float maxAbs)
{
    const float t = maxAbs > 0 && std::isfinite(v) ? std::clamp(v / maxAbs, -1.0f, 1.0f) : 0.0f;
    const QColor end = t >= 0 ? positive() : negative();
    const float a = std::fabs(t);
    auto mix = [a](int c) { return static_cast<int>(std::lround(255.0f + (c - 255.0f) * a)); };
    return qRgb(mix(end.red()), mix(end.green()), mix(end.blue()));
}

} // namespace ui::palette
