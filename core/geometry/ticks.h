#pragma once
// Round numbers for axes, grids and dragging: steps of 1, 2 or 5 times a power of ten.

#include <vector>

namespace core::geometry {

// The smallest 1, 2 or 5 × 10^k that is at least rough (rough > 0; 1 otherwise).
double niceStep(double rough);

// Multiples of step in [lo, hi], at most maxCount of them (none when the range or step is bad).
std::vector<double> ticksBetween(double lo, double hi, double step, int maxCount = 1000);

// v rounded to the nearest multiple of step, with -0 turned into 0 (so it prints as "0").
double roundToStep(double v, double step);

} // namespace core::geometry
