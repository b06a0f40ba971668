#pragma once
// Optimizer paths on a loss of two parameters (section 2.4.3): where SGD, momentum,
// RMSprop and Adam go from a start, step by step, until they finish or diverge. The steps are the
// Train page's own optimizers (core::nn::Optimizer and its rules), so they run in float32 as
// Keras does: the start and every point are rounded to float, gradients are passed as float.

#include "core/nn/optimizer.h"

#include <Eigen/Core>
#include <cstdint>
#include <functional>
#include <limits>
#include <span>
#include <vector>

namespace core::gradient {

// A loss and its gradient at one point.
struct LossGradient {
    double loss = 0.0;
    Eigen::Vector2d gradient = Eigen::Vector2d::Zero();
};
using LossFunction = std::function<LossGradient(const Eigen::Vector2d &)>;

enum class Divergence : std::uint8_t {
    None,
    LossNotFinite,   // the loss or its gradient at the new point is NaN or infinite
    WeightNotFinite, // the update made a weight NaN or infinite (float overflow)
    OutOfBounds,     // a weight left [-bound, bound]
};

// points[k] is the point after k steps (points[0] the start), losses[k] and gradients[k] the loss
// and gradient there; all finite and inside the bound. When the path diverged, step divergedAt
// (1-based; 0: the start itself) produced the bad point, which is not kept: points.size() ==
// divergedAt.
struct DescentPath {
    std::vector<Eigen::Vector2d> points;
    std::vector<double> losses;
    std::vector<Eigen::Vector2d> gradients;
    Divergence divergence = Divergence::None;
    int divergedAt = -1; // -1: all steps taken
    bool diverged() const { return divergence != Divergence::None; }
    int steps() const { return points.empty() ? 0 : static_cast<int>(points.size()) - 1; }
};

inline constexpr double kDefaultBound = 1e6;

// Takes up to `steps` optimizer steps from start. Throws core::ValueError for an invalid config.
DescentPath descend(const LossFunction &f, const Eigen::Vector2d &start,
                    const nn::OptimizerConfig &config, int steps, double bound = kDefaultBound);

// One optimizer and its float weights, a step at a time (for a path driven from outside, e.g.
// mini-batches). After step() returns false, the weights are those before it; stop there.
class Stepper {
public:
    Stepper(const nn::OptimizerConfig &config, std::span<const double> start);

    // Returns false when the update would make a weight NaN or infinite.
    bool step(std::span<const double> gradient);
    std::span<const float> weights() const { return m_weights; }
    double weight(std::size_t i) const { return m_weights[i]; }
    std::int64_t iterations() const { return m_optimizer.iterations(); }

private:
    nn::Optimizer m_optimizer;
    std::vector<float> m_weights, m_next, m_gradient;
};

// Whether every weight is finite and within [-bound, bound]; the reason when not.
Divergence checkPoint(std::span<const double> weights, double bound);

} // namespace core::gradient
