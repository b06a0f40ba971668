#pragma once
// RMSprop: T. Tieleman and G. Hinton, "Lecture 6.5 - rmsprop: Divide the gradient by a running
// average of its recent magnitude", COURSERA: Neural Networks for Machine Learning, 2012.
// In Keras' form (keras.optimizers.RMSprop, momentum 0, not centered), per parameter w with
// gradient g and velocity v (starting at 0):
//   v ← rho · v + (1 - rho) · g²
//   w ← w - learning_rate · g / (sqrt(v) + epsilon)          (epsilon outside the square root)
// Hyperparameters: learning_rate (Keras default 0.001), rho, the decay of the running average
// (0.9), epsilon (1e-7). Internal header: the engine applies the rule to ranges of parameters.

#include "core/nn/rule.h"

#include <cstddef>
#include <cstdint>

namespace core::nn {

struct RmspropRule {
    const float *weights; // current parameters
    float *next;          // where the updated ones go (may equal weights)
    float *velocity;
    float learningRate;
    float rho;
    float epsilon;

    void apply(std::size_t offset, int lanes, simd::Vec g, simd::FiniteCheck &bad) const
    {
        using namespace simd;
        // rho · v + (1 - rho) · g², fused (see simd.h).
        const Vec v =
            fma(set1(rho), loadN(velocity + offset, lanes), mul(set1(1.0f - rho), mul(g, g)));
        const Vec w = sub(loadN(weights + offset, lanes),
                          div(mul(set1(learningRate), g), add(sqrt(v), set1(epsilon))));
        storeN(velocity + offset, v, lanes);
        storeN(next + offset, w, lanes);
        bad.addN(w, lanes);
    }

    // g = 0: rho · v + 0 rounds as rho · v, and w moves by lr · 0 / (sqrt(v) + eps) = 0.
    void applyZero(std::size_t offset, int lanes, simd::FiniteCheck &bad) const
    {
        using namespace simd;
        storeN(velocity + offset, mul(set1(rho), loadN(velocity + offset, lanes)), lanes);
        const Vec w = loadN(weights + offset, lanes);
        storeN(next + offset, w, lanes);
        bad.addN(w, lanes);
    }

    bool operator()(std::size_t offset, std::int64_t n, const float *g) const
    {
        return applyRange(*this, offset, n, g);
    }
};

} // namespace core::nn
