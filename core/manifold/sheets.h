#pragma once
// Figure 2.14's two sheets of coloured paper crumpled together: two parallel squares
// [-1, 1]² at z = ±0.2 (label 0 below, 1 above) bent by one CrumpleWarp, then noise.

#include "core/manifold/labeledpoints.h"

#include <cstdint>

namespace core::manifold {

inline constexpr double kSheetHalfGap = 0.2;

LabeledPoints crumpledSheets(int points, double noise, double crumple, std::uint64_t seed);

} // namespace core::manifold
