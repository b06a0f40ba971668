#include "core/gradient/descent.h"

#include "core/errors.h"

#include <cmath>

namespace core::gradient {

Stepper::Stepper(const nn::OptimizerConfig &config, std::span<const double> start)
    : m_optimizer(config), m_weights(start.begin(), start.end()), m_next(start.size()),
      m_gradient(start.size())
{
    m_optimizer.prepare(start.size());
}

bool Stepper::step(std::span<const double> gradient)
{
    if (gradient.size() != m_weights.size())
        throw ValueError("Stepper::step: expected " + std::to_string(m_weights.size()) +
                         " gradient components, got " + std::to_string(gradient.size()));
    for (std::size_t i = 0; i < gradient.size(); ++i)
        m_gradient[i] = static_cast<float>(gradient[i]);
    const auto n = static_cast<std::int64_t>(m_weights.size());
    const bool bad = m_optimizer.step(m_weights.data(), m_next.data(), [&](const auto &rule) {
        return rule(0, n, m_gradient.data());
    });
    if (bad) return false;
    m_weights.swap(m_next);
    return true;
}

Divergence checkPoint(std::span<const double> weights, double bound)
{
    for (const double w : weights) {
        if (!std::isfinite(w)) return Divergence::WeightNotFinite;
        if (std::fabs(w) > bound) return Divergence::OutOfBounds;
    }
    return Divergence::None;
}

namespace {

bool finite(const LossGradient &lg)
{
    return std::isfinite(lg.loss) && lg.gradient.allFinite();
}

void requireSteps(int steps)
{
    if (steps < 0) throw ValueError("steps must be >= 0, got " + std::to_string(steps));
}

} // namespace

DescentPath descend(const LossFunction &f, const Eigen::Vector2d &start,
                    const nn::OptimizerConfig &config, int steps, double bound)
{
    requireSteps(steps);
    DescentPath path;
    const double s[2] = {start.x(), start.y()};
    Stepper stepper(config, s);
    for (int k = 0; k <= steps; ++k) {
        if (k > 0 && !stepper.step(std::span<const double>(path.gradients.back().data(), 2))) {
            path.divergence = Divergence::WeightNotFinite;
        } else {
            const Eigen::Vector2d p(stepper.weight(0), stepper.weight(1));
            path.divergence = checkPoint(std::span<const double>(p.data(), 2), bound);
            if (path.divergence == Divergence::None) {
                const LossGradient lg = f(p);
                if (finite(lg)) {
                    path.points.push_back(p);
                    path.losses.push_back(lg.loss);
                    path.gradients.push_back(lg.gradient);
                    continue;
                }
                path.divergence = Divergence::LossNotFinite;
            }
        }
        path.divergedAt = k;
        break;
    }
    return path;
}

} // namespace core::gradient
