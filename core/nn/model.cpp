#include "core/nn/model.h"

#include "core/errors.h"
#include "core/nn/random.h"

#include <algorithm>
#include <cstdio>

namespace core::nn {

namespace {

std::string withThousands(std::size_t n)
{
    std::string digits = std::to_string(n);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

std::string padded(std::string s, std::size_t width)
{
    if (s.size() < width) s.append(width - s.size(), ' ');
    return s;
}

} // namespace

Sequential::Sequential(int inputs, std::vector<DenseSpec> layers) : m_inputs(inputs)
{
    if (inputs < 1)
        throw ValueError("a model needs at least 1 input, got " + std::to_string(inputs));
    std::size_t offset = 0;
    int width = inputs;
    for (std::size_t i = 0; i < layers.size(); ++i) {
        const DenseSpec &spec = layers[i];
        if (spec.units < 1)
            throw ValueError("layer " + std::to_string(i + 1) + ": units must be at least 1, got " +
                             std::to_string(spec.units));
        Dense d;
        d.inputs = width;
        d.units = spec.units;
        d.activation = spec.activation;
        d.kernelOffset = offset;
        d.biasOffset = offset + d.kernelSize();
        offset += d.parameterCount();
        m_layers.push_back(d);
        width = spec.units;
    }
    m_parameters = FloatBuffer(offset);
}

Sequential Sequential::bookMnist()
{
    return Sequential(784, {{512, Activation::Relu}, {10, Activation::Softmax}});
}

void Sequential::initialize(std::uint64_t seed)
{
    Random random(seed);
    for (int i = 0; i < layerCount(); ++i) {
        const Dense &d = layer(i);
        glorotUniform(m_parameters.span().subspan(d.kernelOffset, d.kernelSize()), d.inputs,
                      d.units, random);
        std::fill_n(m_parameters.data() + d.biasOffset, d.units, 0.0f);
    }
}

int Sequential::outputs() const
{
    return m_layers.empty() ? m_inputs : m_layers.back().units;
}

MatrixView Sequential::kernel(int i) const
{
    const Dense &d = layer(i);
    return {m_parameters.data() + d.kernelOffset, d.inputs, d.units, d.units};
}

std::span<const float> Sequential::bias(int i) const
{
    const Dense &d = layer(i);
    return {m_parameters.data() + d.biasOffset, static_cast<std::size_t>(d.units)};
}

std::span<float> Sequential::mutableKernel(int i)
{
    const Dense &d = layer(i);
    return {m_parameters.data() + d.kernelOffset, d.kernelSize()};
}

std::span<float> Sequential::mutableBias(int i)
{
    const Dense &d = layer(i);
    return {m_parameters.data() + d.biasOffset, static_cast<std::size_t>(d.units)};
}

bool Sequential::sameArchitecture(const Sequential &other) const
{
    if (m_inputs != other.m_inputs || m_layers.size() != other.m_layers.size()) return false;
    for (std::size_t i = 0; i < m_layers.size(); ++i)
        if (m_layers[i].units != other.m_layers[i].units ||
            m_layers[i].activation != other.m_layers[i].activation)
            return false;
    return true;
}

std::string Sequential::summary() const
{
    const std::string rule(65, '_');
    const std::string doubleRule(65, '=');
    std::string s = "Model: \"sequential\"\n" + rule + "\n";
    s += padded(" Layer (type)", 29) + padded("Output Shape", 26) + "Param #\n" + doubleRule + "\n";
    for (int i = 0; i < layerCount(); ++i) {
        const Dense &d = layer(i);
        const std::string name = i == 0 ? "dense" : "dense_" + std::to_string(i);
        s += padded(" " + name + " (Dense)", 29) +
             padded("(None, " + std::to_string(d.units) + ")", 26) +
             std::to_string(d.parameterCount()) + "\n\n";
    }
    if (!m_layers.empty()) s.resize(s.size() - 1);
    s += doubleRule + "\n";
    s += "Total params: " + withThousands(parameterCount()) + "\n";
    s += "Trainable params: " + withThousands(parameterCount()) + "\n";
    s += "Non-trainable params: 0\n" + rule + "\n";
    return s;
}

std::string Sequential::describe() const
{
    std::string s = std::to_string(m_inputs);
    for (const Dense &d : m_layers)
        s += " → Dense(" + std::to_string(d.units) + ", " +
             std::string(activationName(d.activation)) + ")";
    return s;
}

} // namespace core::nn
