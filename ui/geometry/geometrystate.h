#pragma once
// Everything the user can change on the Geometry page, as one value: undo keeps snapshots of it,
// reset restores defaults(), and equality tells whether an edit changed anything.

#include "core/geometry/chain.h"

#include <vector>

namespace ui {

enum class CloudKind { None, Smiley, Letter, Digit, Moons };

struct GeometryState {
    static constexpr int kMaxVectors = 6;
    static constexpr int kMaxSteps = 12; // within the point shader's 16 stages

    std::vector<Eigen::Vector2d> vectors; // arrows from the origin, before the chain
    core::geometry::Chain chain;          // applied first to last
    bool showSum = true;                  // v1 + v2 as a parallelogram (Figure 2.8)
    bool showGrid = true;                 // the warped grid
    bool showSquare = true;               // the unit square and its image
    CloudKind cloud = CloudKind::None;
    int cloudCount = 10000;

    // Figure 2.12-like start: two vectors, their sum, and one affine map.
    static GeometryState defaults();

    bool operator==(const GeometryState &other) const;
};

} // namespace ui
