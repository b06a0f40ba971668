#pragma once
// The lattice laid over the input's bounding box and carried through every layer and phase with the
// points: in 3D, lines along x, y and z through a k x k x k grid of knots; in 2D, the k + k lines
// of a square grid. Each line is sampled densely so that it bends smoothly when a layer warps it.

#include "core/manifold/labeledpoints.h"
#include "core/nn/matrix.h"

namespace core::manifold {

struct Lattice {
    nn::Matrix vertices; // lines() * samplesPerLine rows x dims, line by line
    int lineCount = 0;
    int samplesPerLine = 0;

    int lines() const { return lineCount; }
    // Rows [line * samplesPerLine, (line + 1) * samplesPerLine) of vertices form one polyline.
    std::int64_t firstVertex(int line) const
    {
        return static_cast<std::int64_t>(line) * samplesPerLine;
    }
};

// knots per axis >= 2 (16 for the page's 16³ lattice: 3 · 16² = 768 lines), samplesPerLine >= 2.
// The box is grown by margin (a fraction of each side) so the outermost points sit inside it.
// Throws ValueError for a box of other than 2 or 3 dimensions or counts out of range.
Lattice makeLattice(const BoundingBox &box, int knots, int samplesPerLine, double margin = 0.05);

} // namespace core::manifold
