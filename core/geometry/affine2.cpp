#include "core/geometry/affine2.h"

#include "core/errors.h"

#include <Eigen/LU>
#include <algorithm>
#include <cmath>

namespace core::geometry {

bool Affine2::isInvertible(double tolerance) const
{
    // Relative to the entries' size, so that a tiny but well-conditioned map still counts.
    const double size = std::max(1.0, W.cwiseAbs().maxCoeff());
    return std::abs(determinant()) > tolerance * size * size;
}

Affine2 Affine2::inverse() const
{
    if (!isInvertible())
        throw ValueError("Singular matrix: det W = " + std::to_string(determinant()) +
                         ", so the map has no inverse");
    const Eigen::Matrix2d inv = W.inverse();
    return {inv, -inv * b};
}

Affine2 rotation(double theta)
{
    const double c = std::cos(theta), s = std::sin(theta);
    Affine2 a;
    a.W << c, -s, s, c;
    return a;
}

Affine2 scaling(double sx, double sy)
{
    Affine2 a;
    a.W << sx, 0.0, 0.0, sy;
    return a;
}

Affine2 translation(const Eigen::Vector2d &t)
{
    Affine2 a;
    a.b = t;
    return a;
}

} // namespace core::geometry
