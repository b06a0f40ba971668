#pragma once
// The passage from a layer's input to its output in three phases, each with its own s in [0, 1]
// (ease it with core::geometry::easeInOut for the animation):
//   Linear      x̃ · M(s)                     (linearpath.h: never singular on the way)
//   Shift       x W + s b
//   Activation  (1 - s)(x W + b) + s f(x W + b)  (softmax included: each point moves on a line)
// Frames have dimension() coordinates (max of the two widths, plus one while a mirror image
// turns, see linearpath.h); a stage's coordinates beyond its width are 0.
// The endpoints are exact: Linear at 0 is the layer's input, Linear at 1 and Shift at 0 are
// LayerStack's `linear`, Shift at 1 and Activation at 0 its `shifted`, Activation at 1 its output,
// bit for bit. The lattice (lattice.h) goes through the same frames as the points.

#include "core/manifold/layerstack.h"
#include "core/manifold/linearpath.h"
#include "core/nn/activation.h"
#include "core/nn/matrix.h"
#include "core/nn/model.h"

#include <Eigen/Core>
#include <cstdint>

namespace core::manifold {

enum class Phase : std::uint8_t { Linear, Shift, Activation };
inline constexpr int kPhases = 3;

class Passage {
public:
    Passage() = default;
    // layer: 1 to model.layerCount() (the passage from stage layer - 1 to stage layer).
    Passage(const nn::Sequential &model, int layer);

    int layer() const { return m_layer; }
    int inputWidth() const { return m_path.inputs(); }
    int outputWidth() const { return m_path.units(); }
    int dimension() const { return m_path.dimension(); }
    nn::Activation activation() const { return m_activation; }
    const LinearPath &linearPath() const { return m_path; }
    // b padded to dimension() (for a shader: Shift adds s · bias()).
    const Eigen::VectorXd &bias() const { return m_bias; }

    // The points of stack (a LayerStack of the same model) at (phase, s): stack.points() x
    // dimension(), written to out (resized when its shape differs).
    void frame(const LayerStack &stack, Phase phase, double s, nn::Matrix &out) const;
    nn::Matrix frame(const LayerStack &stack, Phase phase, double s) const;
    // t in [0, 3]: phase floor(t) (2 at t = 3), s = t - phase, no easing.
    nn::Matrix frameAt(const LayerStack &stack, double t) const;

private:
    int m_layer = 0;
    nn::Activation m_activation = nn::Activation::Linear;
    LinearPath m_path;
    Eigen::VectorXd m_bias;
};

} // namespace core::manifold
