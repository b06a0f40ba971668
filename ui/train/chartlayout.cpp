#include "ui/train/chartlayout.h"

#include "ui/train/niceaxis.h"

#include <QFontMetricsF>
#include <algorithm>
#include <cmath>

namespace ui {

namespace {

constexpr int kMostXTicks = 200; // a label every few pixels is unreadable anyway

QString tickLabel(double v)
{
    return QString::number(std::abs(v) < 1e-12 ? 0.0 : v, 'g', 6);
}

// Whole multiples of interval within [min, max]: epochs 1, 2, 3 ... even for [0.5, 5.5].
std::vector<ChartTick> xTicksOf(double min, double max, double interval)
{
    std::vector<ChartTick> ticks;
    if (!(interval > 0.0) || !(max > min) || !std::isfinite(max - min)) return ticks;
    const double first = std::ceil(min / interval - 1e-9);
    const double last = std::floor(max / interval + 1e-9);
    const double count = last - first + 1.0;
    // Beyond 2^53 whole steps cannot be counted in doubles: no ticks rather than a hang.
    if (!(count >= 1.0) || !std::isfinite(count) || std::fabs(first) > 0x1p52 ||
        std::fabs(last) > 0x1p52)
        return ticks;
    // Counted in whole steps (not by adding interval), and thinned when there are too many.
    const double stride = std::ceil(count / kMostXTicks);
    for (int i = 0; i <= kMostXTicks; ++i) {
        const double k = first + i * stride;
        if (k > last) break;
        ticks.push_back({k * interval, tickLabel(k * interval)});
    }
    return ticks;
}

} // namespace

ChartLayout layoutChart(const ChartLayoutInput &in)
{
    ChartLayout l;
    const QFontMetricsF fm(in.font), bold(in.titleFont);
    const double line = fm.height();
    const double w = in.size.width(), h = in.size.height();

    // On a narrow chart the keys go to a second line rather than being cut.
    l.titleLines = bold.horizontalAdvance(in.titleText) < w - 16 ? 1 : 2;
    l.title = QRectF(kChartMargin, kChartMargin, std::max(1.0, w - 2 * kChartMargin),
                     l.titleLines * bold.height() + 2);

    // A short chart (presentation mode on a laptop) gives the x axis title's line to the plot.
    l.xTitleShown = h >= 11 * line;
    const double top = l.title.bottom() + 0.6 * line; // half the top label sticks out above
    const double bottom = h - kChartMargin - (l.xTitleShown ? line : 0.0) - line - kChartTickLength;
    const double plotHeight = std::max(1.0, bottom - top);

    // About one y tick per two text lines of the plot, at most six.
    const int room = std::clamp(static_cast<int>(plotHeight / (2.0 * line)) + 1, 2, 6);
    NiceRange r;
    for (int intervals = room - 1; intervals >= 1; --intervals) {
        r = niceRange(in.yLow, in.yHigh, intervals);
        if (std::lround((r.max - r.min) / r.interval) + 1 <= room) break;
    }
    l.yMin = r.min;
    l.yMax = r.max;
    // niceRange keeps the count finite and small; the clamp is for safety's sake.
    const long yCount = std::clamp<long>(std::lround((r.max - r.min) / r.interval) + 1, 2, 64);
    double labelWidth = 0.0;
    for (long i = 0; i < yCount; ++i) {
        const double v = i + 1 == yCount ? r.max : r.min + static_cast<double>(i) * r.interval;
        l.yTicks.push_back({v, tickLabel(v)});
        labelWidth = std::max(labelWidth, fm.horizontalAdvance(l.yTicks.back().label));
    }

    // The y title stands on its side; a title longer than the plot is left out, not cut (the
    // chart's own title names the metric).
    l.yTitleShown = fm.horizontalAdvance(in.yTitle) + 4 <= plotHeight;
    const double left =
        kChartMargin + (l.yTitleShown ? line + 4 : 0.0) + labelWidth + 3 + kChartTickLength;

    l.xTicks = xTicksOf(in.xMin, in.xMax, in.xInterval);
    const double lastHalf =
        l.xTicks.empty() ? 0.0 : fm.horizontalAdvance(l.xTicks.back().label) / 2.0;
    const double right = kChartMargin + std::max(lastHalf, 4.0);
    l.plot = QRectF(left, top, std::max(1.0, w - right - left), plotHeight);
    return l;
}

} // namespace ui
