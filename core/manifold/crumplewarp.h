#pragma once
// The smooth invertible map that crumples the two sheets: a few steps of the flow
//   x <- x + h * v(x),   v(x)_k = sum_j a_jk sin(<f_j, x> + phase_j)
// (random sine waves). Each step is a diffeomorphism when h * Lip(v) < 1 (then x + h v(x) is
// injective: |(x + h v(x)) - (y + h v(y))| >= (1 - h Lip(v)) |x - y| > 0), so two sheets that start
// apart never cross. The step size is chosen so that h * Lip(v) <= 0.5 with
// Lip(v) <= sum_j |a_j| |f_j|, which also bounds how much the gap between the sheets can shrink.

#include "core/nn/random.h"

#include <Eigen/Core>
#include <cstdint>
#include <vector>

namespace core::manifold {

class CrumpleWarp {
public:
    // amount 0 is the identity; 1 the default crumpling; 2 badly crumpled (more steps, larger
    // waves). The waves come from seed.
    CrumpleWarp(double amount, std::uint64_t seed);

    Eigen::Vector3d apply(const Eigen::Vector3d &x) const;
    int steps() const { return m_steps; }
    double stepSize() const { return m_h; }
    // The bound on h * Lip(v) used to pick the step (at most 0.5).
    double contraction() const { return m_h * m_lipschitz; }

private:
    struct Wave {
        Eigen::Vector3d frequency;
        Eigen::Vector3d amplitude;
        double phase = 0.0;
    };
    std::vector<Wave> m_waves;
    int m_steps = 0;
    double m_h = 0.0;
    double m_lipschitz = 0.0;
};

} // namespace core::manifold
