#include "ui/train/decimate.h"

#include <algorithm>

namespace ui {

QList<QPointF> decimate(const std::vector<QPointF> &points, int buckets)
{
    const auto n = static_cast<qsizetype>(points.size());
    buckets = std::max(1, buckets);
    if (n <= 2 * buckets) return QList<QPointF>(points.begin(), points.end());
    QList<QPointF> out;
    out.reserve(2 * buckets + 2);
    for (int b = 0; b < buckets; ++b) {
        const qsizetype first = n * b / buckets, last = n * (b + 1) / buckets;
        if (first >= last) continue;
        qsizetype lo = first, hi = first;
        for (qsizetype i = first + 1; i < last; ++i) {
            if (points[static_cast<std::size_t>(i)].y() < points[static_cast<std::size_t>(lo)].y())
                lo = i;
            if (points[static_cast<std::size_t>(i)].y() > points[static_cast<std::size_t>(hi)].y())
                hi = i;
        }
        out.append(points[static_cast<std::size_t>(std::min(lo, hi))]);
        if (lo != hi) out.append(points[static_cast<std::size_t>(std::max(lo, hi))]);
    }
    // The newest point stays exact: it is the one the eye follows during training.
    if (out.constLast() != points.back()) out.append(points.back());
    return out;
}

QList<QPointF> thin(const std::vector<QPointF> &points, int count)
{
    const auto n = static_cast<qsizetype>(points.size());
    count = std::max(2, count);
    if (n <= count) return QList<QPointF>(points.begin(), points.end());
    const qsizetype step = (n + count - 1) / count;
    QList<QPointF> out;
    out.reserve(count + 1);
    for (qsizetype i = 0; i < n; i += step)
        out.append(points[static_cast<std::size_t>(i)]);
    if (out.constLast() != points.back()) out.append(points.back());
    return out;
}

} // namespace ui
