#pragma once
// Where a CurveChart puts its title, axes and plot, from its size, fonts and ranges: a pure
// function, so that the chart recomputes it only when one of those changes (not when a curve
// does) and tests can check it without painting.

#include <QFont>
#include <QRectF>
#include <QSize>
#include <QString>
#include <vector>

namespace ui {

struct ChartTick {
    double value = 0.0;
    QString label;
};

struct ChartLayoutInput {
    QSize size;
    QFont font;        // labels and axis titles
    QFont titleFont;   // the chart's title (bold)
    QString titleText; // title and keys as one plain line: decides one or two title lines
    QString xTitle;
    QString yTitle;
    double xMin = 0.0, xMax = 1.0, xInterval = 1.0;
    double yLow = 0.0, yHigh = 1.0; // the values the y axis must show
};

struct ChartLayout {
    QRectF title;
    int titleLines = 1;
    QRectF plot;
    bool xTitleShown = true;
    bool yTitleShown = true;
    double yMin = 0.0, yMax = 1.0; // the y axis, widened to whole ticks
    std::vector<ChartTick> xTicks;
    std::vector<ChartTick> yTicks;
};

constexpr double kChartMargin = 8.0;
constexpr double kChartTickLength = 4.0;

ChartLayout layoutChart(const ChartLayoutInput &in);

} // namespace ui
