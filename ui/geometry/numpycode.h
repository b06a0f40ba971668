#pragma once
// The NumPy code that does what the Geometry page shows: the chain as a function T, the user's
// vectors through it, the determinant, and the point cloud. Column vectors, W @ x + b, as the
// book writes dot(W, x) + b.

#include "ui/geometry/geometrystate.h"

#include <QString>

namespace ui {

// activeStep marks the step being animated with a comment (-1: none).
QString numpyCode(const GeometryState &state, int activeStep = -1);

} // namespace ui
