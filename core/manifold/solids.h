#pragma once
// The other 3D data sets: two interleaved helices, and nested spheres (a ball's surface inside a
// larger sphere's), which no network of width 3 can untangle (a layer of width 3 maps R³ onto
// itself continuously and, where W is invertible, one to one: the inner sphere stays enclosed) but
// width 4 can (there is room to lift the inner sphere out).

#include "core/manifold/labeledpoints.h"

#include <cstdint>

namespace core::manifold {

// Radius 1, 1.5 turns over a height of 3, the second helix turned by half a turn. Labels 0, 1.
LabeledPoints twoHelices(int points, double noise, std::uint64_t seed);
// Uniform on spheres of radius 0.45 (label 0) and 1 (label 1).
LabeledPoints nestedSpheres(int points, double noise, std::uint64_t seed);

} // namespace core::manifold
