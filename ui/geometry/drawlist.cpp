#include "ui/geometry/drawlist.h"

#include "ui/common/glfloat.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace ui {

namespace {

void pack(const QColor &c, std::uint8_t out[4])
{
    out[0] = static_cast<std::uint8_t>(c.red());
    out[1] = static_cast<std::uint8_t>(c.green());
    out[2] = static_cast<std::uint8_t>(c.blue());
    out[3] = static_cast<std::uint8_t>(c.alpha());
}

bool finite(const Eigen::Vector2d &p)
{
    return std::isfinite(p.x()) && std::isfinite(p.y());
}

} // namespace

void DrawList::clear()
{
    m_segments.clear();
    m_fills.clear();
    m_runs.clear();
}

void DrawList::extendRun(Kind kind, int index)
{
    if (!m_runs.empty() && m_runs.back().kind == kind)
        ++m_runs.back().count;
    else
        m_runs.push_back({kind, index, 1});
}

void DrawList::segment(const Eigen::Vector2d &a, const Eigen::Vector2d &b, const QColor &colour,
                       double width, double dash)
{
    if (!finite(a) || !finite(b)) return;
    SegmentInstance s{};
    s.ax = glFloat(a.x());
    s.ay = glFloat(a.y());
    s.bx = glFloat(b.x());
    s.by = glFloat(b.y());
    pack(colour, s.rgba);
    s.width = glFloat(width);
    s.dash = glFloat(dash);
    extendRun(Kind::Segments, static_cast<int>(m_segments.size()));
    m_segments.push_back(s);
}

void DrawList::polyline(const core::geometry::Polyline &line, bool closed, const QColor &colour,
                        double width, double dash)
{
    for (std::size_t i = 0; i + 1 < line.size(); ++i)
        segment(line[i], line[i + 1], colour, width, dash);
    if (closed && line.size() > 2) segment(line.back(), line.front(), colour, width, dash);
}

void DrawList::triangle(const Eigen::Vector2d &a, const Eigen::Vector2d &b,
                        const Eigen::Vector2d &c, const QColor &colour, unsigned outer)
{
    if (!finite(a) || !finite(b) || !finite(c)) return;
    const Eigen::Vector2d *corners[3] = {&a, &b, &c};
    const double twiceArea = std::abs((b - a).x() * (c - a).y() - (b - a).y() * (c - a).x());
    constexpr float kInside = 1e5f;
    for (int k = 0; k < 3; ++k) {
        const Eigen::Vector2d &p = *corners[k];
        FillVertex v{};
        v.x = glFloat(p.x());
        v.y = glFloat(p.y());
        pack(colour, v.rgba);
        for (int e = 0; e < 3; ++e) {
            if (!(outer & (1u << e))) {
                v.edge[e] = kInside;
            } else if (e == k) {
                // The height over the opposite side, in logical pixels.
                const double side = (*corners[(k + 1) % 3] - *corners[(k + 2) % 3]).norm();
                v.edge[e] = side > 0 ? glFloat(twiceArea / side / m_unitsPerPixel) : 0.f;
            } else {
                v.edge[e] = 0.f;
            }
        }
        // A run of fills counts vertices; three per triangle.
        extendRun(Kind::Fills, static_cast<int>(m_fills.size()));
        m_fills.push_back(v);
    }
}

void DrawList::fillPolygon(const core::geometry::Polyline &polygon, const QColor &colour)
{
    const int n = static_cast<int>(polygon.size());
    // A side of a triangle is on the outline when it joins neighbours of the polygon.
    auto outline = [n](int i, int j) { return (i + 1) % n == j || (j + 1) % n == i; };
    for (const auto &t : core::geometry::triangulate(polygon)) {
        const unsigned outer = (outline(t[1], t[2]) ? 1u : 0u) | (outline(t[2], t[0]) ? 2u : 0u) |
                               (outline(t[0], t[1]) ? 4u : 0u);
        triangle(polygon[static_cast<std::size_t>(t[0])], polygon[static_cast<std::size_t>(t[1])],
                 polygon[static_cast<std::size_t>(t[2])], colour, outer);
    }
}

void DrawList::ring(const Eigen::Vector2d &centre, double radius, const QColor &colour,
                    double width, double scale)
{
    const double r = radius * scale * m_unitsPerPixel;
    core::geometry::Polyline circle;
    constexpr int kSides = 32;
    for (int i = 0; i < kSides; ++i) {
        const double a = 2.0 * std::numbers::pi * i / kSides;
        circle.emplace_back(centre.x() + r * std::cos(a), centre.y() + r * std::sin(a));
    }
    polyline(circle, true, colour, width);
}

void DrawList::disc(const Eigen::Vector2d &centre, double radius, const QColor &colour)
{
    // A segment of no length is a round dot with a soft edge; the shader applies the scale.
    segment(centre, centre, colour, 2.0 * radius);
}

void DrawList::arrow(const Eigen::Vector2d &from, const Eigen::Vector2d &to, const QColor &colour,
                     double width, double scale, double dash)
{
    const Eigen::Vector2d d = to - from;
    const double length = d.norm();
    if (!(length > 0.0) || !std::isfinite(length)) return;
    const Eigen::Vector2d dir = d / length;
    const Eigen::Vector2d across(-dir.y(), dir.x());
    // A head of about 4.5 line widths, never longer than 40 % of the arrow.
    const double headLength = std::min(m_unitsPerPixel * scale * (8.0 + 2.6 * width), 0.4 * length);
    const double headHalfWidth = headLength * 0.55;
    const Eigen::Vector2d base = to - dir * headLength;
    // The shaft stops inside the head, so its round cap does not poke out of the tip.
    segment(from, to - dir * headLength * 0.6, colour, width, dash);
    triangle(to, base + across * headHalfWidth, base - across * headHalfWidth, colour);
}

} // namespace ui
