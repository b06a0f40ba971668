#include "core/nn/loss.h"

#include <cmath>

namespace core::nn {

RowLoss softmaxCrossEntropy(float *z, int classes, int label, float *grad, float gradScale)
{
    // A NaN logit becomes the maximum so that it reaches the loss (training stops on it).
    int predicted = 0;
    float m = z[0];
    for (int k = 1; k < classes; ++k)
        if (z[k] > m || (std::isnan(z[k]) && !std::isnan(m))) {
            m = z[k];
            predicted = k;
        }
    // exp(z_y - m) may underflow to 0 while z_y - m is finite: keep the shifted logit itself.
    const float shiftedLabel = z[label] - m;
    float sum = 0.0f;
    for (int k = 0; k < classes; ++k) {
        z[k] = std::exp(z[k] - m);
        sum += z[k];
    }
    for (int k = 0; k < classes; ++k)
        z[k] /= sum;
    if (grad)
        for (int k = 0; k < classes; ++k)
            grad[k] = (z[k] - (k == label ? 1.0f : 0.0f)) * gradScale;
    return {std::log(sum) - shiftedLabel, predicted};
}

} // namespace core::nn
