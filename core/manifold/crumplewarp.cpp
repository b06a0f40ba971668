#include "core/manifold/crumplewarp.h"

#include "core/manifold/sampling.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace core::manifold {

namespace {

// Four waves, mostly vertical (they lift and sink the sheets) with some sideways sway (which folds
// them over at large amounts), of 0.6 to 1.1 periods across the sheets' 2-unit side: crumpled, but
// a 3-unit network can still follow the folds.
constexpr int kWaves = 4;
constexpr double kFlowTime = 0.4; // per unit of amount
// Each step satisfies h * Lip(v) <= kMaxContraction (< 1: injective, see the header).
constexpr double kMaxContraction = 0.5;

// Salt so that the waves and the points drawn from the same seed are independent.
constexpr std::uint64_t kWaveStream = 0x4352554d504c4531ull; // "CRUMPLE1"

} // namespace

CrumpleWarp::CrumpleWarp(double amount, std::uint64_t seed)
{
    amount = std::max(0.0, amount);
    nn::Random random(seed ^ kWaveStream);
    const double pi = std::numbers::pi;
    for (int j = 0; j < kWaves; ++j) {
        Wave w;
        const double angle = uniform(random, 0.0, 2.0 * pi);
        const double k = 2.0 * pi * uniform(random, 0.3, 0.55);
        w.frequency =
            k * Eigen::Vector3d(std::cos(angle), std::sin(angle), uniform(random, -0.15, 0.15));
        const double lift = uniform(random, 0.6, 1.0) * (uniform(random) < 0.5 ? -1.0 : 1.0);
        w.amplitude = Eigen::Vector3d(uniform(random, -0.3, 0.3), uniform(random, -0.3, 0.3), lift);
        w.phase = uniform(random, 0.0, 2.0 * pi);
        m_lipschitz += w.amplitude.norm() * w.frequency.norm();
        m_waves.push_back(w);
    }
    const double time = kFlowTime * amount;
    if (time > 0.0) {
        m_steps = std::max(1, static_cast<int>(std::ceil(time * m_lipschitz / kMaxContraction)));
        m_h = time / m_steps;
    }
}

Eigen::Vector3d CrumpleWarp::apply(const Eigen::Vector3d &x) const
{
    Eigen::Vector3d p = x;
    for (int s = 0; s < m_steps; ++s) {
        Eigen::Vector3d v = Eigen::Vector3d::Zero();
        for (const Wave &w : m_waves)
            v += w.amplitude * std::sin(w.frequency.dot(p) + w.phase);
        p += m_h * v;
    }
    return p;
}

} // namespace core::manifold
