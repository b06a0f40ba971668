#pragma once
// The linear classifier of the book's chapter 3 without its bias, so that its loss surface has two
// weights and is a picture: two Gaussian classes of 2-D points, prediction x·w, mean squared error
// against the 0/1 target. Full-batch and mini-batch gradients, the surface on a grid, the exact
// minimum, a shuffling batch sampler and a mini-batch SGD path (section 2.4.2's "mini-batch
// stochastic gradient descent").

#include "core/gradient/contours.h"
#include "core/gradient/descent.h"
#include "core/nn/random.h"

#include <Eigen/Core>
#include <cstdint>
#include <span>
#include <vector>

namespace core::gradient {

// Spread of the mini-batch gradient around the full gradient at one point.
struct GradientNoise {
    Eigen::Matrix2d covariance = Eigen::Matrix2d::Zero();
    // sqrt(trace(covariance)): the root-mean-square distance of a batch gradient from the full one.
    double rms = 0.0;
};

class LinearClassifier {
public:
    // perClass points of class 0 around [0, 3], then perClass of class 1 around [3, 0], both with
    // covariance [[1, 0.5], [0.5, 1]] (the book's np.random.multivariate_normal). Normal deviates
    // by Box-Muller from core::nn::Random (xoshiro256**): one seed gives the same points bit for
    // bit on one platform (std::log, std::cos and std::sqrt come from the C library).
    static LinearClassifier generate(int perClass, std::uint64_t seed = 1);
    // inputs: n × 2, targets: n (0 or 1, or any value). Throws core::ValueError when sizes differ.
    LinearClassifier(Eigen::MatrixX2d inputs, Eigen::VectorXd targets);

    const Eigen::MatrixX2d &inputs() const { return m_x; }
    const Eigen::VectorXd &targets() const { return m_y; }
    int size() const { return static_cast<int>(m_x.rows()); }

    // mean((x·w - y)²) and its gradient (2 / n) Xᵀ(Xw - y), over all points or over rows (a
    // mini-batch; repeats count twice; throws core::IndexError for a row out of range).
    LossGradient lossGradient(const Eigen::Vector2d &w) const;
    LossGradient lossGradient(const Eigen::Vector2d &w, std::span<const std::int32_t> rows) const;
    // The same per point: 2 x (x·w - y).
    Eigen::Vector2d pointGradient(const Eigen::Vector2d &w, int row) const;
    LossFunction lossFunction() const; // all points, for descend(); holds a copy of this

    // The loss from the quadratic form loss(w*) + (w - w*)ᵀ(XᵀX / n)(w - w*): O(1) per point.
    double loss(const Eigen::Vector2d &w) const;
    Grid lossGrid(double xMin, double xMax, double yMin, double yMax, int nx, int ny) const;

    // Least squares: XᵀX w = Xᵀy (NaN when XᵀX is singular), and the loss there.
    const Eigen::Vector2d &minimum() const { return m_minimum; }
    double minimumLoss() const { return m_minimumLoss; }
    // XᵀX / n: the loss's Hessian halved. Its eigenvalues set the valley's shape and the largest
    // stable SGD learning rate, 1 / λ_max.
    const Eigen::Matrix2d &secondMoment() const { return m_xtx; }

    // Covariance of the mean gradient of batchSize rows drawn without replacement (what one
    // shuffled batch is), exactly: S / B · (n - B) / (n - 1), S the points' gradient covariance.
    GradientNoise batchNoise(const Eigen::Vector2d &w, int batchSize) const;
    // The same estimated from `batches` random batches (for a check or a scatter of samples).
    GradientNoise sampledBatchNoise(const Eigen::Vector2d &w, int batchSize, int batches,
                                    std::uint64_t seed) const;

private:
    Eigen::MatrixX2d m_x;
    Eigen::VectorXd m_y;
    Eigen::Matrix2d m_xtx; // XᵀX / n
    Eigen::Vector2d m_minimum;
    double m_minimumLoss = 0.0;
};

// Row indices in batches of batchSize: a fresh shuffle each epoch, the last batch of an epoch
// shorter when batchSize does not divide n (as Keras' fit does).
class BatchSampler {
public:
    // Throws core::ValueError unless n >= 1 and batchSize >= 1 (batchSize is capped at n).
    BatchSampler(int n, int batchSize, std::uint64_t seed = 1);

    std::span<const std::int32_t> next();
    int epoch() const { return m_epoch; } // of the batch next() returned last, from 1
    int batchesPerEpoch() const;
    int batchSize() const { return m_batchSize; }

private:
    nn::Random m_random;
    std::vector<std::int32_t> m_order;
    int m_batchSize;
    std::size_t m_at;
    int m_epoch = 0;
};

// Mini-batch SGD on the classifier: plain SGD (core::nn::Optimizer, float32, momentum 0) with a
// BatchSampler. path.points[k] is the point before step k + 1; for each step k (0-based) taken,
// batches[k] are its rows, batchGradients[k] / batchLosses[k] the batch's gradient and loss at
// path.points[k] (what the step used), and path.gradients[k] / path.losses[k] the full ones (what
// gradient descent would have used). Stops on divergence as descend() does; the per-step vectors
// then include the diverging step, so steps() == path.divergedAt.
struct SgdPath {
    DescentPath path;
    std::vector<std::vector<std::int32_t>> batches;
    std::vector<Eigen::Vector2d> batchGradients;
    std::vector<double> batchLosses;
    std::vector<int> epochs;
    int steps() const { return static_cast<int>(batchGradients.size()); }
};

SgdPath miniBatchSgd(const LinearClassifier &model, const Eigen::Vector2d &start,
                     float learningRate, int batchSize, int steps, std::uint64_t seed = 1,
                     double bound = kDefaultBound);

} // namespace core::gradient
