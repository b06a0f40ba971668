#include "core/nn/inference.h"

#include "core/errors.h"
#include "core/nn/engine.h"
#include "core/nn/evaluator.h"
#include "core/nn/kernels.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <string>
#include <thread>

namespace core::nn {

int resolveThreads(int threads)
{
    if (threads <= 0) threads = static_cast<int>(std::thread::hardware_concurrency());
    return std::clamp(threads, 1, Engine::kMaxThreads);
}

Evaluation evaluate(const Sequential &model, const Dataset &data, int threads, InputPath path)
{
    checkCompatible(model, data, "evaluate");
    const std::int64_t batch = std::clamp<std::int64_t>(data.size(), 1, 1024);
    Engine engine(model, batch, resolveThreads(threads), useSparse(path, data, batch));
    return evaluateWith(engine, model, data);
}

Matrix predict(const Sequential &model, MatrixView inputs, int threads)
{
    if (model.layerCount() < 1) throw ValueError("predict: the model has no layers");
    if (inputs.cols != model.inputs())
        throw ValueError("predict: expected inputs of width " + std::to_string(model.inputs()) +
                         ", got " + std::to_string(inputs.cols));
    Matrix out(inputs.rows, model.outputs());
    if (inputs.rows == 0) return out;
    const std::int64_t chunk = std::min<std::int64_t>(inputs.rows, 1024);
    const int t = inputs.rows < 256 ? 1 : resolveThreads(threads);
    Engine engine(model, chunk, t, false);
    for (std::int64_t first = 0; first < inputs.rows; first += chunk) {
        BatchSource batch;
        batch.matrix = inputs;
        batch.first = first;
        batch.count = std::min(chunk, inputs.rows - first);
        engine.infer(model, batch, nullptr, out.row(first), out.cols());
    }
    return out;
}

Gradients computeGradients(const Sequential &model, MatrixView inputs,
                           std::span<const std::int32_t> labels, InputPath path)
{
    if (model.layerCount() < 1) throw ValueError("gradients: the model has no layers");
    if (inputs.cols != model.inputs() || inputs.rows != static_cast<std::int64_t>(labels.size()) ||
        inputs.rows < 1)
        throw ValueError("gradients: expected " + std::to_string(labels.size()) + " x " +
                         std::to_string(model.inputs()) + " inputs, got " +
                         std::to_string(inputs.rows) + " x " + std::to_string(inputs.cols));
    if (model.layer(model.layerCount() - 1).activation != Activation::Softmax)
        throw ValueError("gradients: the loss needs a softmax output layer");
    for (auto y : labels)
        if (y < 0 || y >= model.outputs())
            throw ValueError("gradients: label " + std::to_string(y) + " is out of range for " +
                             std::to_string(model.outputs()) + " classes");
    // Through a Dataset so that the sparse path can be exercised as well.
    Matrix copy(inputs.rows, inputs.cols);
    for (std::int64_t i = 0; i < inputs.rows; ++i)
        std::copy_n(inputs.row(i), inputs.cols, copy.row(i));
    const Dataset data = Dataset::fromMatrix(std::move(copy), {labels.begin(), labels.end()});
    const bool sparse = path == InputPath::Sparse;
    if (sparse) data.sparse();
    Engine engine(model, inputs.rows, 1, sparse);
    std::vector<std::int32_t> rows(static_cast<std::size_t>(inputs.rows));
    std::iota(rows.begin(), rows.end(), 0);
    BatchSource batch;
    batch.dataset = &data;
    batch.rows = rows.data();
    batch.count = inputs.rows;

    Gradients g;
    g.parameters.assign(model.parameterCount(), 0.0f);
    engine.trainStep(model, batch, labels.data(), GradientRule{g.parameters.data()});
    double sum = 0.0;
    for (std::int64_t i = 0; i < inputs.rows; ++i)
        sum += engine.rowLoss()[static_cast<std::size_t>(i)];
    g.loss = sum / static_cast<double>(inputs.rows);

    // ∂loss/∂x = delta_1 · W_1ᵀ.
    const Dense &first = model.layer(0);
    Matrix kernelT(first.units, first.inputs);
    kernels::transpose(model.kernel(0).data, first.inputs, first.units, first.units, kernelT.data(),
                       first.inputs);
    g.inputs = Matrix(inputs.rows, inputs.cols);
    kernels::gemm(inputs.rows, first.inputs, first.units, engine.delta(0), engine.deltaStride(0), 1,
                  kernelT.data(), first.inputs, g.inputs.data(), first.inputs, false);
    return g;
}

} // namespace core::nn
