#pragma once
// Activation functions, named as Keras names them. Element-wise ones act on any block of a matrix;
// softmax acts on whole rows (one sample's outputs).

#include <cstdint>
#include <optional>
#include <string_view>

namespace core::nn {

enum class Activation : std::uint8_t { Linear, Relu, Sigmoid, Tanh, Softmax };

// "linear", "relu", "sigmoid", "tanh", "softmax".
std::string_view activationName(Activation activation);
std::optional<Activation> activationFromName(std::string_view name);

// True for softmax, whose outputs and derivative couple the entries of a row.
constexpr bool isRowWise(Activation activation)
{
    return activation == Activation::Softmax;
}

// y = f(x + bias) in place on rows x cols values (row i at x + i * stride); bias has cols entries
// (nullptr for none). Softmax needs whole rows. NaN propagates (relu(NaN) is NaN, as in
// TensorFlow).
void applyActivation(Activation activation, float *x, std::int64_t rows, std::int64_t cols,
                     std::int64_t stride, const float *bias);

// Back-propagates through the activation given its output y: in place, delta = dy ⊙ f'(x)
// (relu: y > 0; sigmoid: y (1 - y); tanh: 1 - y²; linear: 1), and for softmax, row by row,
// delta = y ⊙ (dy - <dy, y>). rows x cols values, strides for y and dy.
void activationBackward(Activation activation, const float *y, std::int64_t strideY, float *dy,
                        std::int64_t strideDy, std::int64_t rows, std::int64_t cols);

} // namespace core::nn
