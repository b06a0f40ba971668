#pragma once
// Fewer points for a long curve without losing its spikes: points (in x order, evenly spaced, as
// batches are) are cut into buckets and each bucket keeps its lowest and highest point, in x order.
// A chart then draws about two points per pixel column whatever the length of the run.

#include <QList>
#include <QPointF>
#include <vector>

namespace ui {

QList<QPointF> decimate(const std::vector<QPointF> &points, int buckets);

// Every k-th point, for a curve that is smooth already (a moving average): at most about count
// points, the first and the last kept.
QList<QPointF> thin(const std::vector<QPointF> &points, int count);

} // namespace ui
