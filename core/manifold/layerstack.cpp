#include "core/manifold/layerstack.h"

#include "core/errors.h"
#include "core/nn/activation.h"

#include <algorithm>
#include <string>

namespace core::manifold {

namespace {

nn::Matrix copyOf(nn::MatrixView m)
{
    nn::Matrix out(m.rows, m.cols);
    for (std::int64_t i = 0; i < m.rows; ++i)
        std::copy_n(m.row(i), m.cols, out.row(i));
    return out;
}

} // namespace

LayerValues forwardLayer(const nn::Sequential &model, int layer, nn::MatrixView inputs)
{
    const nn::Dense &d = model.layer(layer);
    if (inputs.cols != d.inputs)
        throw ValueError("layer " + std::to_string(layer + 1) + " takes " +
                         std::to_string(d.inputs) + " inputs, got " + std::to_string(inputs.cols));
    const nn::MatrixView w = model.kernel(layer);
    const auto b = model.bias(layer);
    const std::int64_t n = inputs.rows;
    LayerValues v{nn::Matrix(n, d.units), nn::Matrix(n, d.units), nn::Matrix(n, d.units)};
    for (std::int64_t i = 0; i < n; ++i) {
        const float *x = inputs.row(i);
        float *z = v.linear.row(i);
        for (int k = 0; k < d.inputs; ++k) {
            const float xk = x[k];
            const float *wk = w.row(k);
            for (int j = 0; j < d.units; ++j)
                z[j] += xk * wk[j];
        }
        float *s = v.shifted.row(i);
        for (int j = 0; j < d.units; ++j)
            s[j] = z[j] + b[static_cast<std::size_t>(j)];
    }
    std::copy_n(v.shifted.data(), n * d.units, v.activated.data());
    nn::applyActivation(d.activation, v.activated.data(), n, d.units, d.units, nullptr);
    return v;
}

LayerStack::LayerStack(const nn::Sequential &model, nn::MatrixView inputs)
{
    if (inputs.cols != model.inputs())
        throw ValueError("the network takes " + std::to_string(model.inputs()) +
                         " coordinates a point, got " + std::to_string(inputs.cols));
    m_input = copyOf(inputs);
    m_layers.reserve(static_cast<std::size_t>(model.layerCount()));
    for (int l = 0; l < model.layerCount(); ++l)
        m_layers.push_back(
            forwardLayer(model, l, l == 0 ? m_input.view() : m_layers.back().activated.view()));
}

const nn::Matrix &LayerStack::stage(int i) const
{
    return i == 0 ? m_input : layer(i).activated;
}

const LayerValues &LayerStack::layer(int i) const
{
    if (i < 1 || i > layers())
        throw IndexError("layer " + std::to_string(i) + " is out of range for a network of " +
                         std::to_string(layers()) + " layers");
    return m_layers[static_cast<std::size_t>(i) - 1];
}

} // namespace core::manifold
