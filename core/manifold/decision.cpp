#include "core/manifold/decision.h"

#include "core/errors.h"
#include "core/manifold/layerstack.h"

#include <string>

namespace core::manifold {

DecisionPlane decisionPlane(const nn::Sequential &model)
{
    const int layers = model.layerCount();
    if (layers < 2 || model.outputs() != 2 ||
        model.layer(layers - 1).activation != nn::Activation::Softmax)
        throw ValueError("the separating plane needs a hidden layer and a 2-unit softmax output");
    const nn::MatrixView w = model.kernel(layers - 1);
    const auto b = model.bias(layers - 1);
    DecisionPlane plane;
    plane.normal.resize(w.rows);
    for (std::int64_t i = 0; i < w.rows; ++i)
        plane.normal(i) = static_cast<double>(w(i, 1)) - w(i, 0);
    plane.offset = static_cast<double>(b[1]) - b[0];
    return plane;
}

DecisionGrid decisionGrid(const nn::Sequential &model, int stage, const BoundingBox &box, int cols,
                          int rows)
{
    if (stage < 0 || stage >= model.layerCount())
        throw ValueError("decision regions need a stage from 0 to " +
                         std::to_string(model.layerCount() - 1) + ", got " + std::to_string(stage));
    const int width = stage == 0 ? model.inputs() : model.layer(stage - 1).units;
    if (width != 2 || box.low.size() != 2)
        throw ValueError("decision regions are drawn in a 2D space; stage " +
                         std::to_string(stage) + " has " + std::to_string(width) + " coordinates");
    if (cols < 1 || rows < 1 || static_cast<std::int64_t>(cols) * rows > (1 << 24))
        throw ValueError("a decision grid needs 1 to 16M cells");
    nn::Matrix x(static_cast<std::int64_t>(cols) * rows, 2);
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < cols; ++c) {
            float *p = x.row(static_cast<std::int64_t>(r) * cols + c);
            p[0] = static_cast<float>(box.low(0) + (c + 0.5) / cols * (box.high(0) - box.low(0)));
            p[1] = static_cast<float>(box.low(1) + (r + 0.5) / rows * (box.high(1) - box.low(1)));
        }
    nn::Matrix out = std::move(x);
    for (int l = stage; l < model.layerCount(); ++l)
        out = std::move(forwardLayer(model, l, out).activated);
    DecisionGrid grid;
    grid.cols = cols;
    grid.rows = rows;
    grid.box = box;
    grid.probability.resize(static_cast<std::size_t>(out.rows()));
    for (std::int64_t i = 0; i < out.rows(); ++i)
        grid.probability[static_cast<std::size_t>(i)] = out(i, 1);
    return grid;
}

} // namespace core::manifold
