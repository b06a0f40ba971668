#include "core/geometry/segmentclip.h"

#include <algorithm>

namespace core::geometry {

bool clipSegment(double ax, double ay, double bx, double by, const Box &box, double *t0, double *t1)
{
    double lo = 0, hi = 1;
    const double dx = bx - ax, dy = by - ay;
    const double p[4] = {-dx, dx, -dy, dy};
    const double q[4] = {ax - box.left, box.right - ax, ay - box.top, box.bottom - ay};
    for (int i = 0; i < 4; ++i) {
        if (p[i] == 0) {
            if (q[i] < 0) return false;
            continue;
        }
        const double t = q[i] / p[i];
        if (p[i] < 0)
            lo = std::max(lo, t);
        else
            hi = std::min(hi, t);
        if (lo > hi) return false;
    }
    *t0 = lo;
    *t1 = hi;
    return true;
}

} // namespace core::geometry
