#pragma once
// Fewer points for a long curve without losing its spikes: the chart's x range [xMin, xMax] is cut
// into columns, and each column keeps its lowest and highest point, in x order. A chart then draws
// about two points per pixel column whatever the length of the run.
//
// The columns are fixed in x, not in the number of points, so as a run grows only its newest
// column changes: the chart repaints that strip alone (CurveChart::setCurve).

#include <QList>
#include <QPointF>
#include <vector>

namespace ui {

// points in x order. Short curves (at most two points a column) are kept whole; the last point
// is always kept, exactly.
QList<QPointF> decimate(const std::vector<QPointF> &points, double xMin, double xMax, int columns);

// The first point of each column, and the last point: for a curve that is smooth already (a moving
// average).
QList<QPointF> thin(const std::vector<QPointF> &points, double xMin, double xMax, int columns);

} // namespace ui
