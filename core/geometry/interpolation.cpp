#include "core/geometry/interpolation.h"

#include <Eigen/LU>
#include <algorithm>
#include <cmath>

namespace core::geometry {

double easeInOut(double s)
{
    s = std::clamp(s, 0.0, 1.0);
    return s * s * (3.0 - 2.0 * s);
}

bool straightPathCollapses(const Eigen::Matrix2d &W)
{
    // det((1 - s)I + sW) = (1 - s)² + s(1 - s)·tr W + s²·det W, a quadratic in s that is 1 at s =
    // 0. With d = det W, tr = tr W: q(s) = 1 + s(tr - 2) + s²(1 - tr + d). Look for a root in (0,
    // 1).
    const double tr = W.trace(), d = W.determinant();
    const double a = 1.0 - tr + d, b = tr - 2.0;
    auto q = [&](double s) { return 1.0 + b * s + a * s * s; };
    if (q(1.0) <= 0.0) return true;
    if (a > 0.0) {
        const double vertex = -b / (2.0 * a);
        if (vertex > 0.0 && vertex < 1.0 && q(vertex) <= 0.0) return true;
    }
    return false;
}

Eigen::Matrix2d interpolateMatrix(const Eigen::Matrix2d &W, double s)
{
    const Eigen::Matrix2d I = Eigen::Matrix2d::Identity();
    if (W.determinant() <= 0.0 || !straightPathCollapses(W)) return (1.0 - s) * I + s * W;
    // Polar decomposition of a 2 by 2 matrix with det > 0: the nearest rotation has angle
    // atan2(W10 - W01, W00 + W11), and P = R(-φ)·W is symmetric positive definite.
    const double phi = std::atan2(W(1, 0) - W(0, 1), W(0, 0) + W(1, 1));
    auto rot = [](double a) {
        Eigen::Matrix2d r;
        r << std::cos(a), -std::sin(a), std::sin(a), std::cos(a);
        return r;
    };
    const Eigen::Matrix2d P = rot(-phi) * W;
    return rot(s * phi) * ((1.0 - s) * I + s * P);
}

Eigen::Matrix2d interpolateLinear(const Transform &step, double s)
{
    s = std::clamp(s, 0.0, 1.0);
    switch (step.kind) {
    case TransformKind::Translation:
        return Eigen::Matrix2d::Identity();
    case TransformKind::Rotation:
        return rotation(s * step.angle).W;
    case TransformKind::Scaling:
        // (1 - s) + s·sx rather than 1 + s·(sx - 1): exactly sx at s = 1.
        return scaling((1.0 - s) + s * step.scale.x(), (1.0 - s) + s * step.scale.y()).W;
    case TransformKind::Affine:
    case TransformKind::AffineRelu:
        // Exactly W at the end, not a rounded product.
        return s >= 1.0 ? step.W : interpolateMatrix(step.W, s);
    }
    return Eigen::Matrix2d::Identity();
}

} // namespace core::geometry
