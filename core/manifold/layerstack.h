#pragma once
// Every layer's output for every point, and the two stages inside each layer that the page's
// passage animates:  linear = x · W,  shifted = x · W + b,  activated = f(x · W + b).
// Computed in float32 with core::nn's activation functions, in one fixed order, so the passage's
// endpoints (passage.h) equal these values bit for bit. They agree with nn::predict() to rounding
// (about 1e-6), not bit for bit: the engine's matrix kernels sum in a different order.

#include "core/nn/matrix.h"
#include "core/nn/model.h"

#include <vector>

namespace core::manifold {

struct LayerValues {
    nn::Matrix linear;    // points x units: x · W
    nn::Matrix shifted;   // points x units: x · W + b
    nn::Matrix activated; // points x units: f(x · W + b), the layer's output
};

// One layer (0-based index into model) applied to inputs (points x that layer's inputs).
LayerValues forwardLayer(const nn::Sequential &model, int layer, nn::MatrixView inputs);

class LayerStack {
public:
    LayerStack() = default;
    // inputs: points x model.inputs(). Throws ValueError on a width mismatch.
    LayerStack(const nn::Sequential &model, nn::MatrixView inputs);

    int layers() const { return static_cast<int>(m_layers.size()); }
    std::int64_t points() const { return m_input.rows(); }
    // Stage 0 is the input; stage i (1..layers()) is layer i's output.
    const nn::Matrix &stage(int i) const;
    const nn::Matrix &input() const { return m_input; }
    // Layer i, 1-based like stage(i).
    const LayerValues &layer(int i) const;

private:
    nn::Matrix m_input;
    std::vector<LayerValues> m_layers;
};

} // namespace core::manifold
