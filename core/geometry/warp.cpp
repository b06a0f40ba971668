#include "core/geometry/warp.h"

#include <algorithm>
#include <cmath>

namespace core::geometry {

namespace {

// Appends to out the points strictly inside p -> q where a coordinate changes sign, in order along
// the piece, with that coordinate set to exactly 0 (so the ReLU maps it onto the axis).
void appendAxisCrossings(const Eigen::Vector2d &p, const Eigen::Vector2d &q, Polyline &out)
{
    struct Crossing {
        double u;
        int axis;
    };
    std::array<Crossing, 2> found{};
    int count = 0;
    for (int axis = 0; axis < 2; ++axis) {
        const double a = p[axis], b = q[axis];
        if ((a < 0.0 && b > 0.0) || (a > 0.0 && b < 0.0))
            found[static_cast<std::size_t>(count++)] = {a / (a - b), axis};
    }
    if (count == 2 && found[0].u > found[1].u) std::swap(found[0], found[1]);
    for (int i = 0; i < count; ++i) {
        const Crossing &c = found[static_cast<std::size_t>(i)];
        Eigen::Vector2d point = p + c.u * (q - p);
        point[c.axis] = 0.0;
        out.push_back(point);
    }
}

double cross(const Eigen::Vector2d &a, const Eigen::Vector2d &b, const Eigen::Vector2d &c)
{
    return (b.x() - a.x()) * (c.y() - a.y()) - (b.y() - a.y()) * (c.x() - a.x());
}

} // namespace

Polyline warpPolyline(const Stages &stages, const Polyline &line, bool closed)
{
    Polyline current = line;
    for (const Stage &stage : stages) {
        for (Eigen::Vector2d &p : current)
            p = stage.W * p + stage.b;
        if (stage.relu <= 0.0 || current.empty()) continue;
        Polyline split;
        split.reserve(current.size() * 2);
        const std::size_t n = current.size();
        const std::size_t pieces = closed ? n : n - 1;
        for (std::size_t i = 0; i < n; ++i) {
            split.push_back(current[i]);
            if (i < pieces) appendAxisCrossings(current[i], current[(i + 1) % n], split);
        }
        for (Eigen::Vector2d &p : split)
            p = (1.0 - stage.relu) * p + stage.relu * p.cwiseMax(0.0);
        current = std::move(split);
    }
    return current;
}

double signedArea(const Polyline &polygon)
{
    double twice = 0.0;
    const std::size_t n = polygon.size();
    for (std::size_t i = 0; i < n; ++i) {
        const Eigen::Vector2d &a = polygon[i], &b = polygon[(i + 1) % n];
        twice += a.x() * b.y() - b.x() * a.y();
    }
    return 0.5 * twice;
}

std::vector<std::array<int, 3>> triangulate(const Polyline &polygon)
{
    std::vector<std::array<int, 3>> triangles;
    const int n = static_cast<int>(polygon.size());
    if (n < 3) return triangles;
    std::vector<int> ring(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i)
        ring[static_cast<std::size_t>(i)] = i;
    // Ears must turn the same way as the polygon.
    const double orientation = signedArea(polygon) >= 0.0 ? 1.0 : -1.0;
    auto at = [&](int k) -> const Eigen::Vector2d & {
        return polygon[static_cast<std::size_t>(ring[static_cast<std::size_t>(k)])];
    };

    int guard = 0;
    while (ring.size() > 3) {
        const int m = static_cast<int>(ring.size());
        bool clipped = false;
        for (int k = 0; k < m && !clipped; ++k) {
            const int prev = (k + m - 1) % m, next = (k + 1) % m;
            const Eigen::Vector2d &a = at(prev), &b = at(k), &c = at(next);
            if (orientation * cross(a, b, c) <= 0.0) continue; // reflex or flat corner
            bool empty = true;
            for (int j = 0; j < m && empty; ++j) {
                if (j == prev || j == k || j == next) continue;
                const Eigen::Vector2d &p = at(j);
                empty =
                    !(orientation * cross(a, b, p) >= 0.0 && orientation * cross(b, c, p) >= 0.0 &&
                      orientation * cross(c, a, p) >= 0.0);
            }
            if (!empty) continue;
            triangles.push_back({ring[static_cast<std::size_t>(prev)],
                                 ring[static_cast<std::size_t>(k)],
                                 ring[static_cast<std::size_t>(next)]});
            ring.erase(ring.begin() + k);
            clipped = true;
        }
        if (!clipped) {
            // Only degenerate input (collinear runs, a polygon folded flat by a full ReLU) gets
            // here: cut any corner; the triangles it leaves have no area to draw.
            triangles.push_back({ring[0], ring[1], ring[2]});
            ring.erase(ring.begin() + 1);
        }
        if (++guard > n * n) break;
    }
    if (ring.size() == 3) triangles.push_back({ring[0], ring[1], ring[2]});
    return triangles;
}

Polyline unitSquare()
{
    return {{0.0, 0.0}, {1.0, 0.0}, {1.0, 1.0}, {0.0, 1.0}};
}

} // namespace core::geometry
