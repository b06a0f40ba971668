#pragma once
// 2D affine maps x -> W·x + b, the geometry of section 2.3.6 (Figures 2.9-2.12).
// Conventions: points are column vectors (2 by 1), so a map acts as W·x + b and "a then b" is
// b.after(a). Angles are in radians, counter-clockwise, with y pointing up.

#include <Eigen/Core>

namespace core::geometry {

struct Affine2 {
    Eigen::Matrix2d W = Eigen::Matrix2d::Identity(); // the linear part, 2 by 2
    Eigen::Vector2d b = Eigen::Vector2d::Zero();     // the shift, 2 by 1

    static Affine2 identity() { return {}; }

    Eigen::Vector2d apply(const Eigen::Vector2d &x) const { return W * x + b; }
    // This map applied after first: x -> this(first(x)).
    Affine2 after(const Affine2 &first) const { return {W * first.W, W * first.b + b}; }
    // det W: how the map scales signed areas (negative: orientation flips).
    double determinant() const { return W.determinant(); }
    bool isInvertible(double tolerance = 1e-12) const;
    // The inverse map; throws core::ValueError when W is singular (NumPy: "Singular matrix").
    Affine2 inverse() const;
};

// R(θ) = [[cos θ, -sin θ], [sin θ, cos θ]] (Figure 2.10): rotates counter-clockwise by θ radians.
Affine2 rotation(double theta);
// diag(sx, sy) (Figure 2.11). Negative factors mirror; zero collapses an axis.
Affine2 scaling(double sx, double sy);
// x -> x + t (Figure 2.9).
Affine2 translation(const Eigen::Vector2d &t);

} // namespace core::geometry
