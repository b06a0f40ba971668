#pragma once
// Liang-Barsky: which part of a segment lies inside an axis-aligned box. The Gradient page cuts
// descent paths to its plot with it, the Uncrumple view the lattice's lines to its image.

namespace core::geometry {

struct Box {
    double left, top, right, bottom; // left <= right, top <= bottom
};

// The parameters t0 <= t1 in [0, 1] of the part of (ax, ay) -> (bx, by) inside box, its edges
// included; false when no part is.
bool clipSegment(double ax, double ay, double bx, double by, const Box &box, double *t0,
                 double *t1);

} // namespace core::geometry
