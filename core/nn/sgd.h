#pragma once
// Stochastic gradient descent with momentum, in Keras' form (keras.optimizers.SGD, not Nesterov):
// the heavy-ball method of B. T. Polyak, "Some methods of speeding up the convergence of iteration
// methods", USSR Computational Mathematics and Mathematical Physics 4(5), 1964; as used for deep
// nets by Sutskever, Martens, Dahl and Hinton, ICML 2013. Per parameter w, gradient g, velocity m:
//   momentum = 0:  w ← w - g · learning_rate
//   momentum > 0:  m ← m · momentum - g · learning_rate;   w ← w + m
// Hyperparameters: learning_rate (Keras default 0.01), momentum (0.0). Internal header.

#include "core/nn/rule.h"

#include <cstddef>
#include <cstdint>

namespace core::nn {

struct SgdRule {
    const float *weights;
    float *next;
    float *velocity; // unused when momentum is 0
    float learningRate;
    float momentum;

    void apply(std::size_t offset, int lanes, simd::Vec g, simd::FiniteCheck &bad) const
    {
        using namespace simd;
        Vec w = loadN(weights + offset, lanes);
        if (momentum != 0.0f) {
            // m · momentum - g · learning_rate, the second product fused (see simd.h).
            const Vec v =
                fnma(g, set1(learningRate), mul(loadN(velocity + offset, lanes), set1(momentum)));
            storeN(velocity + offset, v, lanes);
            w = add(w, v);
        } else {
            w = fnma(g, set1(learningRate), w);
        }
        storeN(next + offset, w, lanes);
        bad.addN(w, lanes);
    }

    void applyZero(std::size_t offset, int lanes, simd::FiniteCheck &bad) const
    {
        apply(offset, lanes, simd::zero(), bad);
    }

    bool operator()(std::size_t offset, std::int64_t n, const float *g) const
    {
        return applyRange(*this, offset, n, g);
    }
};

} // namespace core::nn
