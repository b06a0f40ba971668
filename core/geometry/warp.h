#pragma once
// Warping lines and shapes through the stages of a chain. Affine stages keep straight pieces
// straight, so only the vertices move; a ReLU stage bends a piece where it crosses an axis, so the
// crossing is inserted as a new vertex first. The result is exact, with no fixed subdivision.

#include "core/geometry/chain.h"

#include <array>
#include <vector>

namespace core::geometry {

using Polyline = std::vector<Eigen::Vector2d>;

// The image of a polyline (closed: the last vertex joins the first; the result then lists every
// vertex once, without repeating the first).
Polyline warpPolyline(const Stages &stages, const Polyline &line, bool closed = false);

// Shoelace formula: positive for a counter-clockwise polygon, negative for clockwise.
double signedArea(const Polyline &polygon);

// Triangles covering a simple polygon (ear clipping, O(n²), meant for a few dozen vertices), as
// index triples into polygon. Degenerate (zero-area) polygons give triangles of zero area, never
// an endless loop.
std::vector<std::array<int, 3>> triangulate(const Polyline &polygon);

// The unit square 0 ≤ x, y ≤ 1, counter-clockwise from the origin: (0,0), (1,0), (1,1), (0,1).
Polyline unitSquare();

} // namespace core::geometry
