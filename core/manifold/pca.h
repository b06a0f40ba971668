#pragma once
// Principal component analysis to show a layer wider than 3 in 3D, and keeping its picture steady
// while training: each new basis is aligned to the previous one (a component may come out with
// either sign; the sign that agrees with the previous frame is kept, so nothing jumps).

#include "core/nn/matrix.h"

#include <Eigen/Core>
#include <cstdint>

namespace core::manifold {

struct Projection {
    Eigen::VectorXd mean;     // dims: subtracted before projecting
    Eigen::MatrixXd basis;    // dims x components, orthonormal columns, by falling variance
    Eigen::VectorXd variance; // components: variance along each column (population, / N)
    double totalVariance = 0; // over all dims

    int dims() const { return static_cast<int>(basis.rows()); }
    int components() const { return static_cast<int>(basis.cols()); }
    // Fraction of the total variance the components keep (1 for the identity).
    double explained() const;
    // points (rows x dims) -> rows x components.
    nn::Matrix apply(nn::MatrixView points) const;
    // No projection: identity basis, zero mean, for dims <= 3.
    static Projection identity(int dims);
};

// The top `components` principal axes of points (rows x dims), from the covariance's
// self-adjoint eigen-decomposition in double precision. With dims <= components, the identity.
// maxSamples > 0 fits on every k-th row only (k = ceil(rows / maxSamples)).
Projection fitPca(nn::MatrixView points, int components = 3, std::int64_t maxSamples = 0);

// Flips each column of next whose dot product with the same column of previous is negative.
// Returns the number flipped. Bases of different shapes are left alone (returns 0).
int alignSigns(Projection &next, const Projection &previous);

// Keeps the picture steady when two components trade places (their variances crossed while
// training): orders next's columns (with their variances) as the permutation that best matches
// previous's columns (the largest sum of |cosines|), then aligns their signs. Returns whether
// the order changed. Bases of different shapes are left alone.
bool alignComponents(Projection &next, const Projection &previous);

} // namespace core::manifold
