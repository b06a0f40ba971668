#pragma once
// The 2D data sets, all in about [-1.5, 1.5]², labels alternating 0, 1.

#include "core/manifold/labeledpoints.h"

#include <cstdint>

namespace core::manifold {

// Two spirals of kSpiralTurns turns each, the radius growing from 0.15 to 1.4 with the angle, the
// second turned by half a turn.
inline constexpr double kSpiralTurns = 0.85;
LabeledPoints twoSpirals(int points, double noise, std::uint64_t seed);
// scikit-learn's make_moons, as the Geometry page draws it (core::geometry::moonsCloud).
LabeledPoints twoMoons(int points, double noise, std::uint64_t seed);
// Two concentric circles, radius 0.5 (label 0) and 1.2 (label 1), uniform in angle.
LabeledPoints twoCircles(int points, double noise, std::uint64_t seed);
// Uniform in [-1, 1]², label 1 where x · y < 0, at least 0.1 from the axes (a clean gap).
LabeledPoints xorQuadrants(int points, double noise, std::uint64_t seed);

} // namespace core::manifold
