#include "core/manifold/pca.h"

#include "core/errors.h"

#include <Eigen/Eigenvalues>
#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>
#include <vector>

namespace core::manifold {

double Projection::explained() const
{
    if (totalVariance <= 0.0) return 1.0;
    return std::min(1.0, variance.sum() / totalVariance);
}

nn::Matrix Projection::apply(nn::MatrixView points) const
{
    if (points.cols != dims())
        throw ValueError("the projection takes " + std::to_string(dims()) +
                         " coordinates a point, got " + std::to_string(points.cols));
    const int k = components(), d = dims();
    nn::Matrix out(points.rows, k);
    for (std::int64_t i = 0; i < points.rows; ++i) {
        const float *x = points.row(i);
        for (int c = 0; c < k; ++c) {
            double sum = 0.0;
            for (int j = 0; j < d; ++j)
                sum += (x[j] - mean(j)) * basis(j, c);
            out(i, c) = static_cast<float>(sum);
        }
    }
    return out;
}

Projection Projection::identity(int dims)
{
    Projection p;
    p.mean = Eigen::VectorXd::Zero(dims);
    p.basis = Eigen::MatrixXd::Identity(dims, dims);
    p.variance = Eigen::VectorXd::Zero(dims);
    return p;
}

Projection fitPca(nn::MatrixView points, int components, std::int64_t maxSamples)
{
    const int d = static_cast<int>(points.cols);
    if (components < 1) throw ValueError("PCA needs at least 1 component");
    if (d <= components) return Projection::identity(d);
    const std::int64_t stride =
        maxSamples > 0 ? std::max<std::int64_t>(1, (points.rows + maxSamples - 1) / maxSamples) : 1;
    Eigen::VectorXd mean = Eigen::VectorXd::Zero(d);
    std::int64_t used = 0;
    for (std::int64_t i = 0; i < points.rows; i += stride, ++used)
        for (int j = 0; j < d; ++j)
            mean(j) += points(i, j);
    if (used == 0) throw ValueError("PCA needs at least one point");
    mean /= static_cast<double>(used);
    Eigen::MatrixXd cov = Eigen::MatrixXd::Zero(d, d);
    Eigen::VectorXd x(d);
    for (std::int64_t i = 0; i < points.rows; i += stride) {
        for (int j = 0; j < d; ++j)
            x(j) = points(i, j) - mean(j);
        cov.selfadjointView<Eigen::Lower>().rankUpdate(x);
    }
    cov = cov.selfadjointView<Eigen::Lower>();
    cov /= static_cast<double>(used);
    Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eig(cov);
    // Ascending eigenvalues: the last `components` columns, largest first.
    Projection p;
    p.mean = mean;
    p.basis.resize(d, components);
    p.variance.resize(components);
    for (int c = 0; c < components; ++c) {
        p.basis.col(c) = eig.eigenvectors().col(d - 1 - c);
        p.variance(c) = std::max(0.0, eig.eigenvalues()(d - 1 - c));
    }
    p.totalVariance = std::max(0.0, cov.trace());
    // A deterministic sign without a previous frame: the largest entry of each axis positive.
    for (int c = 0; c < components; ++c) {
        Eigen::Index at = 0;
        p.basis.col(c).cwiseAbs().maxCoeff(&at);
        if (p.basis(at, c) < 0) p.basis.col(c) = -p.basis.col(c);
    }
    return p;
}

int alignSigns(Projection &next, const Projection &previous)
{
    if (next.basis.rows() != previous.basis.rows() || next.basis.cols() != previous.basis.cols())
        return 0;
    int flipped = 0;
    for (int c = 0; c < next.components(); ++c)
        if (next.basis.col(c).dot(previous.basis.col(c)) < 0) {
            next.basis.col(c) = -next.basis.col(c);
            ++flipped;
        }
    return flipped;
}

bool alignComponents(Projection &next, const Projection &previous)
{
    if (next.basis.rows() != previous.basis.rows() || next.basis.cols() != previous.basis.cols())
        return false;
    const int k = next.components();
    std::vector<int> order(static_cast<std::size_t>(k)), best;
    std::iota(order.begin(), order.end(), 0);
    double bestScore = -1.0;
    // Every order of the columns: k is 3 (6 orders) where this is used.
    do {
        double score = 0.0;
        for (int c = 0; c < k; ++c)
            score += std::abs(
                next.basis.col(order[static_cast<std::size_t>(c)]).dot(previous.basis.col(c)));
        if (score > bestScore + 1e-12) {
            bestScore = score;
            best = order;
        }
    } while (k <= 6 && std::next_permutation(order.begin(), order.end()));
    bool moved = false;
    const Eigen::MatrixXd basis = next.basis;
    const Eigen::VectorXd variance = next.variance;
    for (int c = 0; c < k; ++c) {
        const int from = best[static_cast<std::size_t>(c)];
        moved = moved || from != c;
        next.basis.col(c) = basis.col(from);
        if (variance.size() == k) next.variance(c) = variance(from);
    }
    alignSigns(next, previous);
    return moved;
}

} // namespace core::manifold
