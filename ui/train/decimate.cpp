#include "ui/train/decimate.h"

#include <algorithm>
#include <cmath>

namespace ui {

namespace {

// The column of x; points outside the range join the first or the last.
struct Columns {
    double xMin, scale;
    int count;
    Columns(double lo, double hi, int columns)
        : xMin(lo), scale(hi > lo ? columns / (hi - lo) : 0.0), count(std::max(1, columns))
    {}
    int of(double x) const
    {
        const double c = std::floor((x - xMin) * scale);
        return c >= count ? count - 1 : c >= 0 ? static_cast<int>(c) : 0; // also NaN: 0
    }
};

} // namespace

QList<QPointF> decimate(const std::vector<QPointF> &points, double xMin, double xMax, int columns)
{
    const auto n = static_cast<qsizetype>(points.size());
    const Columns grid(xMin, xMax, columns);
    if (n <= 2 * grid.count) return QList<QPointF>(points.begin(), points.end());
    QList<QPointF> out;
    out.reserve(2 * grid.count + 2);
    for (qsizetype first = 0; first < n;) {
        const int column = grid.of(points[static_cast<std::size_t>(first)].x());
        qsizetype lo = first, hi = first, last = first + 1;
        for (; last < n && grid.of(points[static_cast<std::size_t>(last)].x()) == column; ++last) {
            if (points[static_cast<std::size_t>(last)].y() <
                points[static_cast<std::size_t>(lo)].y())
                lo = last;
            if (points[static_cast<std::size_t>(last)].y() >
                points[static_cast<std::size_t>(hi)].y())
                hi = last;
        }
        out.append(points[static_cast<std::size_t>(std::min(lo, hi))]);
        if (lo != hi) out.append(points[static_cast<std::size_t>(std::max(lo, hi))]);
        first = last;
    }
    // The newest point stays exact: it is the one the eye follows during training.
    if (out.constLast() != points.back()) out.append(points.back());
    return out;
}

QList<QPointF> thin(const std::vector<QPointF> &points, double xMin, double xMax, int columns)
{
    const auto n = static_cast<qsizetype>(points.size());
    const Columns grid(xMin, xMax, columns);
    if (n <= grid.count) return QList<QPointF>(points.begin(), points.end());
    QList<QPointF> out;
    out.reserve(grid.count + 1);
    int previous = -1;
    for (const QPointF &p : points) {
        const int column = grid.of(p.x());
        if (column == previous) continue;
        out.append(p);
        previous = column;
    }
    if (out.constLast() != points.back()) out.append(points.back());
    return out;
}

} // namespace ui
