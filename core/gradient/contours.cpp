#include "core/gradient/contours.h"

#include "core/errors.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>

namespace core::gradient {

std::pair<double, double> Grid::finiteRange() const
{
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    for (const double v : values) {
        if (!std::isfinite(v)) continue;
        lo = std::min(lo, v);
        hi = std::max(hi, v);
    }
    if (lo > hi) return {std::nan(""), std::nan("")};
    return {lo, hi};
}

namespace {

void requireShape(const Grid &g)
{
    if (g.nx < 2 || g.ny < 2)
        throw ValueError("a contour grid needs at least 2 × 2 samples, got " +
                         std::to_string(g.nx) + " × " + std::to_string(g.ny));
    if (g.values.size() != static_cast<std::size_t>(g.nx) * static_cast<std::size_t>(g.ny))
        throw ValueError("a " + std::to_string(g.nx) + " × " + std::to_string(g.ny) +
                         " grid needs as many values, got " + std::to_string(g.values.size()));
}

// Edges are numbered globally so that two cells sharing one find the same crossing: first the
// horizontal edges (i, j)-(i + 1, j), then the vertical ones (i, j)-(i, j + 1).
class EdgeIndex {
public:
    explicit EdgeIndex(const Grid &g) : m_g(g), m_horizontal((g.nx - 1) * g.ny) {}

    int count() const { return m_horizontal + m_g.nx * (m_g.ny - 1); }
    int horizontal(int i, int j) const { return j * (m_g.nx - 1) + i; }
    int vertical(int i, int j) const { return m_horizontal + j * m_g.nx + i; }

    // Where value == level along the edge, interpolated from its lower-left end.
    Eigen::Vector2d crossing(int edge, double level) const
    {
        int i0, j0, i1, j1;
        if (edge < m_horizontal) {
            i0 = edge % (m_g.nx - 1);
            j0 = edge / (m_g.nx - 1);
            i1 = i0 + 1;
            j1 = j0;
        } else {
            i0 = (edge - m_horizontal) % m_g.nx;
            j0 = (edge - m_horizontal) / m_g.nx;
            i1 = i0;
            j1 = j0 + 1;
        }
        const double a = m_g.at(i0, j0), b = m_g.at(i1, j1);
        const double t = std::clamp((level - a) / (b - a), 0.0, 1.0);
        const Eigen::Vector2d p0 = m_g.point(i0, j0), p1 = m_g.point(i1, j1);
        return p0 + t * (p1 - p0);
    }

private:
    const Grid &m_g;
    int m_horizontal;
};

struct Segment {
    int a, b; // edge ids
};

std::vector<Segment> cellSegments(const Grid &g, const EdgeIndex &edges, double level)
{
    std::vector<Segment> out;
    for (int j = 0; j + 1 < g.ny; ++j) {
        for (int i = 0; i + 1 < g.nx; ++i) {
            // Corners counter-clockwise from the lower left; edge k joins corner k and k + 1.
            const double v[4] = {g.at(i, j), g.at(i + 1, j), g.at(i + 1, j + 1), g.at(i, j + 1)};
            if (!(std::isfinite(v[0]) && std::isfinite(v[1]) && std::isfinite(v[2]) &&
                  std::isfinite(v[3])))
                continue;
            int c = 0;
            for (int k = 0; k < 4; ++k)
                c |= (v[k] >= level ? 1 : 0) << k;
            if (c == 0 || c == 15) continue;
            const int e[4] = {edges.horizontal(i, j), edges.vertical(i + 1, j),
                              edges.horizontal(i, j + 1), edges.vertical(i, j)};
            if (c == 5 || c == 10) {
                const bool centerIn = (v[0] + v[1] + v[2] + v[3]) / 4.0 >= level;
                // Cut off corners 1 and 3 (edges 0-1 and 2-3) or corners 0 and 2 (3-0 and 1-2):
                // those that are not joined through the centre.
                if ((c == 5) == centerIn) {
                    out.push_back({e[0], e[1]});
                    out.push_back({e[2], e[3]});
                } else {
                    out.push_back({e[3], e[0]});
                    out.push_back({e[1], e[2]});
                }
                continue;
            }
            // Exactly two edges have ends on different sides.
            int found[2], n = 0;
            for (int k = 0; k < 4; ++k)
                if (((c >> k) & 1) != ((c >> ((k + 1) % 4)) & 1)) found[n++] = e[k];
            out.push_back({found[0], found[1]});
        }
    }
    return out;
}

void dropRepeats(Polyline &line)
{
    auto &p = line.points;
    p.erase(std::unique(p.begin(), p.end()), p.end());
    if (line.closed && p.size() > 1 && p.front() == p.back()) p.pop_back();
}

} // namespace

Grid sampleGrid(const std::function<double(const Eigen::Vector2d &)> &f, double xMin, double xMax,
                double yMin, double yMax, int nx, int ny)
{
    Grid g;
    g.xMin = xMin;
    g.xMax = xMax;
    g.yMin = yMin;
    g.yMax = yMax;
    g.nx = nx;
    g.ny = ny;
    if (nx < 2 || ny < 2) requireShape(g);
    g.values.resize(static_cast<std::size_t>(nx) * static_cast<std::size_t>(ny));
    for (int j = 0; j < ny; ++j)
        for (int i = 0; i < nx; ++i)
            g.values[static_cast<std::size_t>(j) * nx + i] = f(g.point(i, j));
    return g;
}

std::vector<Polyline> contourLines(const Grid &grid, double level)
{
    requireShape(grid);
    std::vector<Polyline> lines;
    if (!std::isfinite(level)) return lines;
    const EdgeIndex edges(grid);
    const std::vector<Segment> segs = cellSegments(grid, edges, level);

    // Each edge touches at most two segments, one from each cell beside it.
    std::vector<std::int32_t> first(static_cast<std::size_t>(edges.count()), -1);
    std::vector<std::int32_t> second(first.size(), -1);
    for (std::size_t s = 0; s < segs.size(); ++s)
        for (const int e : {segs[s].a, segs[s].b}) {
            auto &slot = first[static_cast<std::size_t>(e)] < 0 ? first : second;
            slot[static_cast<std::size_t>(e)] = static_cast<std::int32_t>(s);
        }
    std::vector<char> used(segs.size(), 0);

    auto walk = [&](int startEdge, int seg) {
        Polyline line;
        line.points.push_back(edges.crossing(startEdge, level));
        int edge = startEdge;
        while (seg >= 0) {
            used[static_cast<std::size_t>(seg)] = 1;
            const Segment &s = segs[static_cast<std::size_t>(seg)];
            edge = s.a == edge ? s.b : s.a;
            if (edge == startEdge) {
                line.closed = true;
                break;
            }
            line.points.push_back(edges.crossing(edge, level));
            const auto at = static_cast<std::size_t>(edge);
            const int other = first[at] == seg ? second[at] : first[at];
            seg = other >= 0 && !used[static_cast<std::size_t>(other)] ? other : -1;
        }
        dropRepeats(line);
        lines.push_back(std::move(line));
    };

    // Open lines first, from an end (an edge with a single segment), so each is walked whole.
    for (std::size_t s = 0; s < segs.size(); ++s)
        for (const int e : {segs[s].a, segs[s].b})
            if (!used[s] && second[static_cast<std::size_t>(e)] < 0) walk(e, static_cast<int>(s));
    for (std::size_t s = 0; s < segs.size(); ++s)
        if (!used[s]) walk(segs[s].a, static_cast<int>(s));
    return lines;
}

std::vector<Contour> contours(const Grid &grid, std::span<const double> levels)
{
    std::vector<Contour> out;
    out.reserve(levels.size());
    for (const double level : levels)
        out.push_back({level, contourLines(grid, level)});
    return out;
}

std::vector<double> chooseLevels(double min, double max, int count, LevelSpacing spacing)
{
    std::vector<double> levels;
    if (!(std::isfinite(min) && std::isfinite(max) && max > min) || count <= 0) return levels;
    const double range = max - min;
    for (int k = 1; k <= count; ++k) {
        const double f = static_cast<double>(k) / (count + 1);
        double offset;
        if (spacing == LevelSpacing::Sqrt) {
            offset = range * f * f;
        } else {
            const double lo = std::log(1e-3),
                         hi = std::log(static_cast<double>(count) / (count + 1));
            const double t = count == 1 ? 1.0 : static_cast<double>(k - 1) / (count - 1);
            offset = range * std::exp(lo + t * (hi - lo));
        }
        const double level = min + offset;
        // A range near the limits of double can round two levels together: keep them distinct.
        if (level > min && level < max && (levels.empty() || level > levels.back()))
            levels.push_back(level);
    }
    return levels;
}

std::vector<double> chooseLevels(const Grid &grid, int count, LevelSpacing spacing)
{
    const auto [lo, hi] = grid.finiteRange();
    return chooseLevels(lo, hi, count, spacing);
}

} // namespace core::gradient
