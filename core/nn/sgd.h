#pragma once
// Stochastic gradient descent with momentum, in Keras' form (keras.optimizers.SGD, not Nesterov):
// the heavy-ball method of B. T. Polyak, "Some methods of speeding up the convergence of iteration
// methods", USSR Computational Mathematics and Mathematical Physics 4(5), 1964; as used for deep
// nets by Sutskever, Martens, Dahl and Hinton, ICML 2013. Per parameter w, gradient g, velocity m:
//   momentum = 0:  w ← w - g · learning_rate
//   momentum > 0:  m ← m · momentum - g · learning_rate;   w ← w + m
// Hyperparameters: learning_rate (Keras default 0.01), momentum (0.0). Internal header.

#include "core/nn/simd.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>

namespace core::nn {

struct SgdRule {
    const float *weights;
    float *next;
    float *velocity; // unused when momentum is 0
    float learningRate;
    float momentum;

    bool operator()(std::size_t offset, std::int64_t n, const float *g) const
    {
        using namespace simd;
        const Vec lr = set1(learningRate), mu = set1(momentum);
        const float *w = weights + offset;
        float *out = next + offset;
        float *v = momentum != 0.0f ? velocity + offset : nullptr;
        FiniteCheck bad;
        for (std::int64_t j = 0; j < n; j += kLanes) {
            const int lanes = static_cast<int>(std::min<std::int64_t>(kLanes, n - j));
            const Vec gj = g ? loadN(g + j, lanes) : zero();
            Vec wj = loadN(w + j, lanes);
            if (momentum != 0.0f) {
                const Vec vj = sub(mul(loadN(v + j, lanes), mu), mul(gj, lr));
                storeN(v + j, vj, lanes);
                wj = add(wj, vj);
            } else {
                wj = sub(wj, mul(gj, lr));
            }
            storeN(out + j, wj, lanes);
            bad.addN(wj, lanes);
        }
        return bad.any();
    }
};

} // namespace core::nn
