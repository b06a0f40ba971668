#include "core/gradient/linearclassifier.h"

#include "core/errors.h"

#include <Eigen/LU>
#include <algorithm>
#include <cmath>
#include <numbers>
#include <string>

namespace core::gradient {

namespace {

// Uniform in (0, 1) with 53 random bits, never 0 (Box-Muller takes its log).
double open01(nn::Random &random)
{
    return (static_cast<double>(random.next() >> 11) + 0.5) * 0x1.0p-53;
}

bool finite(const LossGradient &lg)
{
    return std::isfinite(lg.loss) && lg.gradient.allFinite();
}

} // namespace

LinearClassifier LinearClassifier::generate(int perClass, std::uint64_t seed)
{
    if (perClass < 1)
        throw ValueError("the classifier needs at least one point per class, got " +
                         std::to_string(perClass));
    nn::Random random(seed);
    const Eigen::Index n = 2 * static_cast<Eigen::Index>(perClass);
    Eigen::MatrixX2d x(n, 2);
    Eigen::VectorXd y(n);
    // Cholesky factor of [[1, 0.5], [0.5, 1]]: L Lᵀ = cov, so L z has that covariance.
    const double l11 = std::sqrt(0.75);
    for (Eigen::Index i = 0; i < n; ++i) {
        const bool positive = i >= perClass;
        const double radius = std::sqrt(-2.0 * std::log(open01(random)));
        const double angle = 2.0 * std::numbers::pi * open01(random);
        const double z0 = radius * std::cos(angle), z1 = radius * std::sin(angle);
        x(i, 0) = (positive ? 3.0 : 0.0) + z0;
        x(i, 1) = (positive ? 0.0 : 3.0) + 0.5 * z0 + l11 * z1;
        y[i] = positive ? 1.0 : 0.0;
    }
    return LinearClassifier(std::move(x), std::move(y));
}

LinearClassifier::LinearClassifier(Eigen::MatrixX2d inputs, Eigen::VectorXd targets)
    : m_x(std::move(inputs)), m_y(std::move(targets))
{
    if (m_x.rows() != m_y.size())
        throw ValueError("the classifier has " + std::to_string(m_x.rows()) + " points but " +
                         std::to_string(m_y.size()) + " targets");
    if (m_x.rows() == 0) throw ValueError("the classifier needs at least one point");
    const double n = static_cast<double>(m_x.rows());
    m_xtx = m_x.transpose() * m_x / n;
    const Eigen::Vector2d xty = m_x.transpose() * m_y / n;
    const Eigen::FullPivLU<Eigen::Matrix2d> lu(m_xtx);
    m_minimum = lu.isInvertible() ? Eigen::Vector2d(lu.solve(xty))
                                  : Eigen::Vector2d::Constant(std::nan(""));
    m_minimumLoss = m_minimum.allFinite() ? lossGradient(m_minimum).loss : std::nan("");
}

LossGradient LinearClassifier::lossGradient(const Eigen::Vector2d &w) const
{
    const Eigen::VectorXd r = m_x * w - m_y;
    const double n = static_cast<double>(m_x.rows());
    return {r.squaredNorm() / n, 2.0 / n * (m_x.transpose() * r)};
}

LossGradient LinearClassifier::lossGradient(const Eigen::Vector2d &w,
                                            std::span<const std::int32_t> rows) const
{
    if (rows.empty()) throw ValueError("a mini-batch needs at least one row");
    LossGradient out;
    for (const std::int32_t i : rows) {
        if (i < 0 || i >= m_x.rows())
            throw IndexError("row " + std::to_string(i) + " is out of range for " +
                             std::to_string(m_x.rows()) + " points");
        const double r = m_x.row(i).dot(w) - m_y[i];
        out.loss += r * r;
        out.gradient += 2.0 * r * m_x.row(i).transpose();
    }
    const double n = static_cast<double>(rows.size());
    out.loss /= n;
    out.gradient /= n;
    return out;
}

Eigen::Vector2d LinearClassifier::pointGradient(const Eigen::Vector2d &w, int row) const
{
    if (row < 0 || row >= m_x.rows())
        throw IndexError("row " + std::to_string(row) + " is out of range for " +
                         std::to_string(m_x.rows()) + " points");
    return 2.0 * (m_x.row(row).dot(w) - m_y[row]) * m_x.row(row).transpose();
}

LossFunction LinearClassifier::lossFunction() const
{
    return [self = *this](const Eigen::Vector2d &w) { return self.lossGradient(w); };
}

double LinearClassifier::loss(const Eigen::Vector2d &w) const
{
    // Centred on the minimum, the form does not subtract large numbers near it.
    if (m_minimum.allFinite()) {
        const Eigen::Vector2d d = w - m_minimum;
        return std::max(0.0, m_minimumLoss + d.dot(m_xtx * d));
    }
    return lossGradient(w).loss;
}

Grid LinearClassifier::lossGrid(double xMin, double xMax, double yMin, double yMax, int nx,
                                int ny) const
{
    return sampleGrid([this](const Eigen::Vector2d &w) { return loss(w); }, xMin, xMax, yMin, yMax,
                      nx, ny);
}

GradientNoise LinearClassifier::batchNoise(const Eigen::Vector2d &w, int batchSize) const
{
    if (batchSize < 1)
        throw ValueError("batch size must be >= 1, got " + std::to_string(batchSize));
    const Eigen::Index n = m_x.rows();
    const Eigen::Vector2d mean = lossGradient(w).gradient;
    Eigen::Matrix2d s = Eigen::Matrix2d::Zero();
    for (Eigen::Index i = 0; i < n; ++i) {
        const Eigen::Vector2d d = pointGradient(w, static_cast<int>(i)) - mean;
        s += d * d.transpose();
    }
    s /= static_cast<double>(n);
    GradientNoise out;
    const double b = std::min<double>(batchSize, static_cast<double>(n));
    // Drawing without replacement shrinks the variance by (n - B) / (n - 1); zero for a full batch.
    if (n > 1)
        out.covariance = s / b * ((static_cast<double>(n) - b) / (static_cast<double>(n) - 1));
    out.rms = std::sqrt(std::max(0.0, out.covariance.trace()));
    return out;
}

GradientNoise LinearClassifier::sampledBatchNoise(const Eigen::Vector2d &w, int batchSize,
                                                  int batches, std::uint64_t seed) const
{
    if (batchSize < 1 || batches < 1)
        throw ValueError("batch size and batch count must be >= 1, got " +
                         std::to_string(batchSize) + " and " + std::to_string(batches));
    const int n = size(), b = std::min(batchSize, n);
    const Eigen::Vector2d mean = lossGradient(w).gradient;
    nn::Random random(seed);
    std::vector<std::int32_t> rows(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i)
        rows[static_cast<std::size_t>(i)] = i;
    GradientNoise out;
    for (int k = 0; k < batches; ++k) {
        // The first b of a partial Fisher-Yates shuffle: b rows without replacement.
        for (int t = 0; t < b; ++t)
            std::swap(rows[static_cast<std::size_t>(t)],
                      rows[static_cast<std::size_t>(t) +
                           random.below(static_cast<std::uint64_t>(n - t))]);
        const Eigen::Vector2d d =
            lossGradient(w, std::span<const std::int32_t>(rows.data(), static_cast<std::size_t>(b)))
                .gradient -
            mean;
        out.covariance += d * d.transpose();
    }
    out.covariance /= static_cast<double>(batches);
    out.rms = std::sqrt(out.covariance.trace());
    return out;
}

BatchSampler::BatchSampler(int n, int batchSize, std::uint64_t seed)
    : m_random(seed), m_batchSize(std::min(batchSize, n))
{
    if (n < 1 || batchSize < 1)
        throw ValueError("a batch sampler needs n >= 1 and batch size >= 1, got " +
                         std::to_string(n) + " and " + std::to_string(batchSize));
    m_order.resize(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i)
        m_order[static_cast<std::size_t>(i)] = i;
    m_at = m_order.size();
}

std::span<const std::int32_t> BatchSampler::next()
{
    if (m_at >= m_order.size()) {
        m_random.shuffle(m_order);
        m_at = 0;
        ++m_epoch;
    }
    const std::size_t count =
        std::min(static_cast<std::size_t>(m_batchSize), m_order.size() - m_at);
    const std::span<const std::int32_t> batch(m_order.data() + m_at, count);
    m_at += count;
    return batch;
}

int BatchSampler::batchesPerEpoch() const
{
    const int n = static_cast<int>(m_order.size());
    return (n + m_batchSize - 1) / m_batchSize;
}

SgdPath miniBatchSgd(const LinearClassifier &model, const Eigen::Vector2d &start,
                     float learningRate, int batchSize, int steps, std::uint64_t seed, double bound)
{
    if (steps < 0) throw ValueError("steps must be >= 0, got " + std::to_string(steps));
    SgdPath out;
    DescentPath &path = out.path;
    const double s[2] = {start.x(), start.y()};
    Stepper stepper(nn::OptimizerConfig::sgd(learningRate, 0.0f), s);
    BatchSampler sampler(model.size(), batchSize, seed);
    auto diverge = [&](Divergence why, int k) {
        path.divergence = why;
        path.divergedAt = k;
    };
    for (int k = 0; k <= steps; ++k) {
        if (k > 0) {
            const std::span<const std::int32_t> batch = sampler.next();
            const LossGradient b = model.lossGradient(path.points.back(), batch);
            out.batches.emplace_back(batch.begin(), batch.end());
            out.batchGradients.push_back(b.gradient);
            out.batchLosses.push_back(b.loss);
            out.epochs.push_back(sampler.epoch());
            if (!finite(b)) {
                diverge(Divergence::LossNotFinite, k);
                break;
            }
            if (!stepper.step(std::span<const double>(b.gradient.data(), 2))) {
                diverge(Divergence::WeightNotFinite, k);
                break;
            }
        }
        const Eigen::Vector2d p(stepper.weight(0), stepper.weight(1));
        if (const Divergence d = checkPoint(std::span<const double>(p.data(), 2), bound);
            d != Divergence::None) {
            diverge(d, k);
            break;
        }
        const LossGradient full = model.lossGradient(p);
        if (!finite(full)) {
            diverge(Divergence::LossNotFinite, k);
            break;
        }
        path.points.push_back(p);
        path.losses.push_back(full.loss);
        path.gradients.push_back(full.gradient);
    }
    return out;
}

} // namespace core::gradient
