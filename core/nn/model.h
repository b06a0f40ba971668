#pragma once
// A Sequential stack of Dense layers (keras.Sequential of keras.layers.Dense).
//
// The model is a value: copying it copies its weights (1.6 MB for the book's network), which is how
// a thread other than the training one gets weights to look at (see Trainer). All parameters sit in
// one flat array, layer by layer, kernel then bias.

#include "core/nn/layer.h"
#include "core/nn/matrix.h"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace core::nn {

class Engine;

class Sequential {
public:
    // An empty model (no layers, no inputs).
    Sequential() = default;
    // inputs features per sample, then the layers in order. Weights start at zero; call
    // initialize(). Throws ValueError for a width below 1.
    Sequential(int inputs, std::vector<DenseSpec> layers);

    // The book's network (listing 2.2): 784 inputs, Dense(512, relu), Dense(10, softmax).
    static Sequential bookMnist();

    // Glorot-uniform kernels and zero biases from a seed (the same seed, the same weights).
    void initialize(std::uint64_t seed);

    int inputs() const { return m_inputs; }
    // Width of the last layer (inputs() for a model without layers).
    int outputs() const;
    int layerCount() const { return static_cast<int>(m_layers.size()); }
    const Dense &layer(int i) const { return m_layers[static_cast<std::size_t>(i)]; }
    // Layer i's kernel (inputs x units, row-major) and bias (units).
    MatrixView kernel(int i) const;
    std::span<const float> bias(int i) const;
    std::span<float> mutableKernel(int i);
    std::span<float> mutableBias(int i);

    // 407,050 for the book's network.
    std::size_t parameterCount() const { return m_parameters.size(); }
    std::span<const float> parameters() const { return m_parameters.span(); }
    std::span<float> mutableParameters() { return m_parameters.span(); }

    // Same inputs, widths and activations.
    bool sameArchitecture(const Sequential &other) const;
    // Keras' model.summary() table.
    std::string summary() const;
    // "784 → Dense(512, relu) → Dense(10, softmax)".
    std::string describe() const;

private:
    friend class Engine; // swaps in the updated weights after each training step
    int m_inputs = 0;
    std::vector<Dense> m_layers;
    FloatBuffer m_parameters;
};

} // namespace core::nn
