#include "core/nn/activation.h"

#include "core/nn/simd.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace core::nn {

namespace {

constexpr std::array<std::string_view, 5> kNames = {"linear", "relu", "sigmoid", "tanh", "softmax"};

void softmaxRow(float *x, std::int64_t n)
{
    float m = x[0];
    for (std::int64_t j = 1; j < n; ++j)
        m = std::max(m, x[j]);
    float sum = 0.0f;
    for (std::int64_t j = 0; j < n; ++j) {
        x[j] = std::exp(x[j] - m);
        sum += x[j];
    }
    for (std::int64_t j = 0; j < n; ++j)
        x[j] /= sum;
}

} // namespace

std::string_view activationName(Activation activation)
{
    return kNames[static_cast<std::size_t>(activation)];
}

std::optional<Activation> activationFromName(std::string_view name)
{
    for (std::size_t i = 0; i < kNames.size(); ++i)
        if (kNames[i] == name) return static_cast<Activation>(i);
    return std::nullopt;
}

void applyActivation(Activation activation, float *x, std::int64_t rows, std::int64_t cols,
                     std::int64_t stride, const float *bias)
{
    using namespace simd;
    for (std::int64_t i = 0; i < rows; ++i) {
        float *r = x + i * stride;
        if (activation == Activation::Relu || activation == Activation::Linear) {
            const bool relu = activation == Activation::Relu;
            for (std::int64_t j = 0; j < cols; j += kLanes) {
                const int n = static_cast<int>(std::min<std::int64_t>(kLanes, cols - j));
                Vec v = loadN(r + j, n);
                if (bias) v = add(v, loadN(bias + j, n));
                if (relu) v = max(zero(), v); // max(0, NaN) is NaN
                storeN(r + j, v, n);
            }
            continue;
        }
        if (bias)
            for (std::int64_t j = 0; j < cols; ++j)
                r[j] += bias[j];
        switch (activation) {
        case Activation::Sigmoid:
            for (std::int64_t j = 0; j < cols; ++j)
                r[j] = 1.0f / (1.0f + std::exp(-r[j]));
            break;
        case Activation::Tanh:
            for (std::int64_t j = 0; j < cols; ++j)
                r[j] = std::tanh(r[j]);
            break;
        case Activation::Softmax:
            if (cols > 0) softmaxRow(r, cols);
            break;
        case Activation::Linear:
        case Activation::Relu:
            break;
        }
    }
}

void activationBackward(Activation activation, const float *y, std::int64_t strideY, float *dy,
                        std::int64_t strideDy, std::int64_t rows, std::int64_t cols)
{
    using namespace simd;
    for (std::int64_t i = 0; i < rows; ++i) {
        const float *yr = y + i * strideY;
        float *d = dy + i * strideDy;
        switch (activation) {
        case Activation::Linear:
            break;
        case Activation::Relu:
            for (std::int64_t j = 0; j < cols; j += kLanes) {
                const int n = static_cast<int>(std::min<std::int64_t>(kLanes, cols - j));
                storeN(d + j, whereGreaterZero(loadN(yr + j, n), loadN(d + j, n)), n);
            }
            break;
        case Activation::Sigmoid:
            for (std::int64_t j = 0; j < cols; ++j)
                d[j] *= yr[j] * (1.0f - yr[j]);
            break;
        case Activation::Tanh:
            for (std::int64_t j = 0; j < cols; ++j)
                d[j] *= 1.0f - yr[j] * yr[j];
            break;
        case Activation::Softmax: {
            float dot = 0.0f;
            for (std::int64_t j = 0; j < cols; ++j)
                dot += d[j] * yr[j];
            for (std::int64_t j = 0; j < cols; ++j)
                d[j] = yr[j] * (d[j] - dot);
            break;
        }
        }
    }
}

} // namespace core::nn
