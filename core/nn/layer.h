#pragma once
// The Dense layer: y = activation(x · kernel + bias), as keras.layers.Dense computes it.
//   x       samples x inputs
//   kernel  inputs x units, row-major (Keras' layout)
//   bias    units
//   y       samples x units
// A layer's parameters live in its Sequential's single parameter array (kernel first, then bias),
// so that optimizers, serialization and checksums see one flat vector.

#include "core/nn/activation.h"

#include <cstddef>
#include <cstdint>
#include <span>

namespace core::nn {

class Random;

// How the first layer reads its input. Sparse skips exact zeros (MNIST is 81% zeros) and gives the
// same bits as Dense; Auto picks Sparse when the data are mostly zeros.
enum class InputPath : std::uint8_t { Auto, Dense, Sparse };

// What a layer is, as one writes it: Dense(512, activation="relu").
struct DenseSpec {
    int units = 0;
    Activation activation = Activation::Linear;
};

// Where a layer's parameters are inside its model.
struct Dense {
    int inputs = 0;
    int units = 0;
    Activation activation = Activation::Linear;
    std::size_t kernelOffset = 0;
    std::size_t biasOffset = 0;

    std::size_t kernelSize() const { return static_cast<std::size_t>(inputs) * units; }
    std::size_t parameterCount() const { return kernelSize() + static_cast<std::size_t>(units); }
};

// Glorot & Bengio (AISTATS 2010) uniform initialisation, Keras' default for Dense kernels:
// U(-limit, limit) with limit = sqrt(6 / (inputs + units)); kernel has inputs x units entries.
void glorotUniform(std::span<float> kernel, int inputs, int units, Random &random);

} // namespace core::nn
