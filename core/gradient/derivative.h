#pragma once
// Numerical derivatives (section 2.4.1): the slope a page draws as a tangent, and the check that
// an analytic gradient is right.

#include <Eigen/Core>
#include <functional>

namespace core::gradient {

// (f(x + h) - f(x - h)) / 2h: error O(h²) for a smooth f.
double centralDifference(const std::function<double(double)> &f, double x, double h = 1e-5);

// The gradient of f at w, each component by a central difference.
Eigen::Vector2d numericGradient(const std::function<double(const Eigen::Vector2d &)> &f,
                                const Eigen::Vector2d &w, double h = 1e-5);

} // namespace core::gradient
