#include "core/manifold/passage.h"

#include "core/errors.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace core::manifold {

namespace {

// Copies rows x width values of src into out's first width columns, zeros in the rest.
void padded(const nn::Matrix &src, nn::Matrix &out)
{
    const std::int64_t width = src.cols(), d = out.cols();
    for (std::int64_t i = 0; i < src.rows(); ++i) {
        float *o = out.row(i);
        std::copy_n(src.row(i), width, o);
        std::fill(o + width, o + d, 0.0f);
    }
}

} // namespace

Passage::Passage(const nn::Sequential &model, int layer) : m_layer(layer)
{
    if (layer < 1 || layer > model.layerCount())
        throw IndexError("layer " + std::to_string(layer) + " is out of range for a network of " +
                         std::to_string(model.layerCount()) + " layers");
    const nn::MatrixView w = model.kernel(layer - 1);
    Eigen::MatrixXd kernel(w.rows, w.cols);
    for (std::int64_t i = 0; i < w.rows; ++i)
        for (std::int64_t j = 0; j < w.cols; ++j)
            kernel(i, j) = w(i, j);
    m_path = LinearPath(kernel);
    m_activation = model.layer(layer - 1).activation;
    m_bias = Eigen::VectorXd::Zero(m_path.dimension());
    const auto b = model.bias(layer - 1);
    for (std::size_t j = 0; j < b.size(); ++j)
        m_bias(static_cast<Eigen::Index>(j)) = b[j];
}

void Passage::frame(const LayerStack &stack, Phase phase, double s, nn::Matrix &out) const
{
    if (m_layer < 1 || m_layer > stack.layers())
        throw ValueError("the layer stack has no layer " + std::to_string(m_layer));
    const std::int64_t n = stack.points();
    const int d = dimension();
    if (out.rows() != n || out.cols() != d) out = nn::Matrix(n, d);
    s = std::isfinite(s) ? std::clamp(s, 0.0, 1.0) : 0.0;
    const LayerValues &v = stack.layer(m_layer);
    const int units = outputWidth();
    switch (phase) {
    case Phase::Linear: {
        if (s == 0.0) return padded(stack.stage(m_layer - 1), out);
        if (s == 1.0) return padded(v.linear, out);
        const Eigen::MatrixXd m = m_path.at(s);
        const nn::Matrix &x = stack.stage(m_layer - 1);
        const int in = inputWidth();
        for (std::int64_t i = 0; i < n; ++i) {
            const float *xi = x.row(i);
            float *o = out.row(i);
            for (int j = 0; j < d; ++j) {
                double sum = 0.0;
                for (int k = 0; k < in; ++k)
                    sum += xi[k] * m(k, j);
                o[j] = static_cast<float>(sum);
            }
        }
        return;
    }
    case Phase::Shift: {
        if (s == 0.0) return padded(v.linear, out);
        if (s == 1.0) return padded(v.shifted, out);
        padded(v.linear, out);
        for (std::int64_t i = 0; i < n; ++i) {
            float *o = out.row(i);
            for (int j = 0; j < units; ++j)
                o[j] = static_cast<float>(o[j] + s * m_bias(j));
        }
        return;
    }
    case Phase::Activation:
        break;
    }
    if (s == 0.0) return padded(v.shifted, out);
    if (s == 1.0) return padded(v.activated, out);
    padded(v.shifted, out);
    for (std::int64_t i = 0; i < n; ++i) {
        float *o = out.row(i);
        const float *a = v.activated.row(i);
        for (int j = 0; j < units; ++j)
            o[j] = static_cast<float>((1.0 - s) * o[j] + s * a[j]);
    }
}

nn::Matrix Passage::frame(const LayerStack &stack, Phase phase, double s) const
{
    nn::Matrix out;
    frame(stack, phase, s, out);
    return out;
}

nn::Matrix Passage::frameAt(const LayerStack &stack, double t) const
{
    t = std::isfinite(t) ? std::clamp(t, 0.0, static_cast<double>(kPhases)) : 0.0;
    const int phase = std::min(kPhases - 1, static_cast<int>(std::floor(t)));
    return frame(stack, static_cast<Phase>(phase), t - phase);
}

} // namespace core::manifold
