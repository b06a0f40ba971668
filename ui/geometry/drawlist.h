#pragma once
// What the plane draws in one frame, in world coordinates and in painting order: thick segments
// (drawn by shaders/geometry/lines.*) and filled triangles (shaders/geometry/fill.*). Built on the
// CPU every frame (a few thousand segments at most), uploaded in one go, drawn in runs.

#include "core/geometry/warp.h"

#include <QColor>
#include <cstdint>
#include <vector>

namespace ui {

// One thick segment; laid out for glVertexAttribPointer (28 bytes).
struct SegmentInstance {
    float ax, ay, bx, by; // world
    std::uint8_t rgba[4]; // colour
    float width;          // logical pixels
    float dash;           // dash period in logical pixels, 0 for a solid line
};

// One corner of a filled triangle (24 bytes). edge[k] is this corner's distance, in logical
// pixels, to the triangle's side opposite corner k (0 unless k is this corner): interpolated, the
// smallest component is a fragment's distance to the nearest side, which the shader fades over a
// pixel. Sides inside a polygon get a huge distance, so they never fade.
struct FillVertex {
    float x, y; // world
    std::uint8_t rgba[4];
    float edge[3];
};

class DrawList {
public:
    enum class Kind { Segments, Fills };
    struct Run {
        Kind kind;
        int first; // index of the first segment or vertex
        int count;
    };

    // Arrow heads are sized in pixels, so the list needs the current world units per pixel.
    void setUnitsPerPixel(double unitsPerPixel) { m_unitsPerPixel = unitsPerPixel; }
    double unitsPerPixel() const { return m_unitsPerPixel; }
    void clear();

    void segment(const Eigen::Vector2d &a, const Eigen::Vector2d &b, const QColor &colour,
                 double width, double dash = 0.0);
    void polyline(const core::geometry::Polyline &line, bool closed, const QColor &colour,
                  double width, double dash = 0.0);
    // outer: bit k set when the side opposite corner k is on the shape's outline (anti-aliased).
    void triangle(const Eigen::Vector2d &a, const Eigen::Vector2d &b, const Eigen::Vector2d &c,
                  const QColor &colour, unsigned outer = 0b111);
    // A simple polygon, filled (ear clipping).
    void fillPolygon(const core::geometry::Polyline &polygon, const QColor &colour);
    // A circle of radius and line width in logical pixels (scaled by `scale`), e.g. a handle.
    void ring(const Eigen::Vector2d &centre, double radius, const QColor &colour, double width,
              double scale);
    // A filled disc, radius in logical pixels (the shader applies the presentation scale).
    void disc(const Eigen::Vector2d &centre, double radius, const QColor &colour);
    // A shaft from `from` to `to` with a filled head whose size is in logical pixels (scaled by
    // `scale`); short arrows shrink their head rather than point backwards.
    void arrow(const Eigen::Vector2d &from, const Eigen::Vector2d &to, const QColor &colour,
               double width, double scale, double dash = 0.0);

    const std::vector<SegmentInstance> &segments() const { return m_segments; }
    const std::vector<FillVertex> &fills() const { return m_fills; }
    const std::vector<Run> &runs() const { return m_runs; }

private:
    void extendRun(Kind kind, int index);

    std::vector<SegmentInstance> m_segments;
    std::vector<FillVertex> m_fills;
    std::vector<Run> m_runs;
    double m_unitsPerPixel = 0.01;
};

} // namespace ui
