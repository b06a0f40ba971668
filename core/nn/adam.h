#pragma once
// Adam: D. P. Kingma and J. Ba, "Adam: A Method for Stochastic Optimization", ICLR 2015
// (arXiv:1412.6980), in Keras' form (keras.optimizers.Adam, not AMSGrad), which folds the bias
// corrections into the step size. At step t = 1, 2, ... for parameter w, gradient g, first and
// second moments m and v (starting at 0):
//   alpha = learning_rate · sqrt(1 - beta_2^t) / (1 - beta_1^t)
//   m ← m + (g - m) · (1 - beta_1)
//   v ← v + (g² - v) · (1 - beta_2)
//   w ← w - m · alpha / (sqrt(v) + epsilon)
// Hyperparameters: learning_rate (Keras default 0.001), beta_1, the decay of the first moment
// (0.9), beta_2, of the second moment (0.999), epsilon (1e-7). Internal header.

#include "core/nn/rule.h"

#include <cstddef>
#include <cstdint>

namespace core::nn {

struct AdamRule {
    const float *weights;
    float *next;
    float *firstMoment;
    float *secondMoment;
    float alpha; // learning_rate · sqrt(1 - beta_2^t) / (1 - beta_1^t) for this step
    float beta1;
    float beta2;
    float epsilon;

    void apply(std::size_t offset, int lanes, simd::Vec g, simd::FiniteCheck &bad) const
    {
        using namespace simd;
        // m + (g - m) · (1 - beta_1) and v + (g² - v) · (1 - beta_2), fused (see simd.h).
        const Vec m = fma(sub(g, loadN(firstMoment + offset, lanes)), set1(1.0f - beta1),
                          loadN(firstMoment + offset, lanes));
        const Vec v = fma(fms(g, g, loadN(secondMoment + offset, lanes)), set1(1.0f - beta2),
                          loadN(secondMoment + offset, lanes));
        const Vec w = sub(loadN(weights + offset, lanes),
                          div(mul(m, set1(alpha)), add(sqrt(v), set1(epsilon))));
        storeN(firstMoment + offset, m, lanes);
        storeN(secondMoment + offset, v, lanes);
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
