#pragma once
// RMSprop: T. Tieleman and G. Hinton, "Lecture 6.5 - rmsprop: Divide the gradient by a running
// average of its recent magnitude", COURSERA: Neural Networks for Machine Learning, 2012.
// In Keras' form (keras.optimizers.RMSprop, momentum 0, not centered), per parameter w with
// gradient g and velocity v (starting at 0):
//   v ← rho · v + (1 - rho) · g²
//   w ← w - learning_rate · g / (sqrt(v) + epsilon)          (epsilon outside the square root)
// Hyperparameters: learning_rate (Keras default 0.001), rho, the decay of the running average
// (0.9), epsilon (1e-7). Internal header: the engine applies the rule to ranges of parameters.

#include "core/nn/simd.h"

#include <algorithm>
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

    // Updates parameters [offset, offset + n) for gradient g (nullptr: all zeros). Returns true
    // when an updated weight is NaN or infinite.
    bool operator()(std::size_t offset, std::int64_t n, const float *g) const
    {
        using namespace simd;
        const Vec lr = set1(learningRate), r = set1(rho), oneMinusRho = set1(1.0f - rho),
                  eps = set1(epsilon);
        const float *w = weights + offset;
        float *out = next + offset;
        float *v = velocity + offset;
        FiniteCheck bad;
        for (std::int64_t j = 0; j < n; j += kLanes) {
            const int lanes = static_cast<int>(std::min<std::int64_t>(kLanes, n - j));
            Vec vj = loadN(v + j, lanes);
            Vec wj = loadN(w + j, lanes);
            if (g) {
                const Vec gj = loadN(g + j, lanes);
                vj = add(mul(r, vj), mul(oneMinusRho, mul(gj, gj)));
                wj = sub(wj, div(mul(lr, gj), add(sqrt(vj), eps)));
            } else {
                // g = 0: (1 - rho) · 0 adds nothing and w moves by lr · 0 / (sqrt(v) + eps) = 0.
                vj = mul(r, vj);
            }
            storeN(v + j, vj, lanes);
            storeN(out + j, wj, lanes);
            bad.addN(wj, lanes);
        }
        return bad.any();
    }
};

} // namespace core::nn
