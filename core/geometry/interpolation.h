#pragma once
// Animating a step from the identity to its transform. Each phase (linear part, shift, ReLU) runs
// its own parameter s from 0 to 1; these functions say where the map is at s.

#include "core/geometry/transform.h"

namespace core::geometry {

// Smoothstep 3s² - 2s³, clamped to [0, 1]: eases in and out, so a phase starts and ends at rest.
double easeInOut(double s);

// The linear part at s: the identity at 0, W at 1.
// - rotation: R(s·θ), so 270° turns the long way round instead of shrinking through 0;
// - scaling: (1 - s)·I + s·diag(sx, sy), each axis stretching at a steady rate;
// - affine: (1 - s)·I + s·W, where every point moves on a straight line (as in 3Blue1Brown's
//   videos), unless that path collapses the plane on the way (det ≤ 0 for some s) although W
//   itself keeps orientation (det W > 0), e.g. W close to a rotation by 150°. Then the polar
//   decomposition W = R(φ)·P is followed instead, R(s·φ)·((1 - s)·I + s·P), which stays invertible.
Eigen::Matrix2d interpolateLinear(const Transform &step, double s);

// The general-matrix rule above, on its own.
Eigen::Matrix2d interpolateMatrix(const Eigen::Matrix2d &W, double s);

// True when (1 - s)·I + s·W is singular or flips orientation for some s in (0, 1).
bool straightPathCollapses(const Eigen::Matrix2d &W);

} // namespace core::geometry
