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

#include "core/nn/simd.h"

#include <algorithm>
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

    bool operator()(std::size_t offset, std::int64_t n, const float *g) const
    {
        using namespace simd;
        const Vec a = set1(alpha), oneMinusB1 = set1(1.0f - beta1), oneMinusB2 = set1(1.0f - beta2),
                  eps = set1(epsilon);
        const float *w = weights + offset;
        float *out = next + offset;
        float *m = firstMoment + offset;
        float *v = secondMoment + offset;
        FiniteCheck bad;
        for (std::int64_t j = 0; j < n; j += kLanes) {
            const int lanes = static_cast<int>(std::min<std::int64_t>(kLanes, n - j));
            const Vec gj = g ? loadN(g + j, lanes) : zero();
            Vec mj = loadN(m + j, lanes);
            Vec vj = loadN(v + j, lanes);
            mj = add(mj, mul(sub(gj, mj), oneMinusB1));
            vj = add(vj, mul(sub(mul(gj, gj), vj), oneMinusB2));
            const Vec wj = sub(loadN(w + j, lanes), div(mul(mj, a), add(sqrt(vj), eps)));
            storeN(m + j, mj, lanes);
            storeN(v + j, vj, lanes);
            storeN(out + j, wj, lanes);
            bad.addN(wj, lanes);
        }
        return bad.any();
    }
};

} // namespace core::nn
