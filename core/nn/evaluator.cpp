#include "core/nn/evaluator.h"

#include "core/errors.h"
#include "core/nn/engine.h"

#include <cmath>
#include <limits>
#include <numeric>
#include <string>
#include <vector>

namespace core::nn {

bool useSparse(InputPath path, const Dataset &data, std::int64_t batchSize)
{
    const bool sparse = path == InputPath::Sparse ||
                        (path == InputPath::Auto && data.zeroFraction() >= kSparseZeroFraction &&
                         batchSize <= Engine::kMaxSparseBatch);
    if (sparse) data.sparse();
    return sparse;
}

void checkCompatible(const Sequential &model, const Dataset &data, const char *what)
{
    const std::string w(what);
    if (model.layerCount() < 1) throw ValueError(w + ": the model has no layers");
    if (model.layer(model.layerCount() - 1).activation != Activation::Softmax)
        throw ValueError(
            w +
            ": sparse categorical crossentropy needs a softmax output layer, "
            "the last layer is " +
            std::string(activationName(model.layer(model.layerCount() - 1).activation)));
    if (data.features() != model.inputs() && data.size() > 0)
        throw ValueError(w + ": the model takes " + std::to_string(model.inputs()) +
                         " inputs but the samples have " + std::to_string(data.features()) +
                         " features");
    if (data.classes() > model.outputs())
        throw ValueError(w + ": label " + std::to_string(data.classes() - 1) +
                         " is out of range for a model with " + std::to_string(model.outputs()) +
                         " outputs");
}

Evaluation evaluateWith(Engine &engine, const Sequential &model, const Dataset &data)
{
    Evaluation ev;
    ev.classes = model.outputs();
    ev.samples = data.size();
    const auto k = static_cast<std::size_t>(ev.classes);
    ev.confusion.assign(k * k, 0);
    std::vector<std::int32_t> rows(static_cast<std::size_t>(engine.capacity()));
    const auto labels = data.labels();
    double lossSum = 0.0;
    std::int64_t correct = 0;
    for (std::int64_t first = 0; first < data.size(); first += engine.capacity()) {
        const std::int64_t count = std::min(engine.capacity(), data.size() - first);
        std::iota(rows.begin(), rows.begin() + count, static_cast<std::int32_t>(first));
        BatchSource batch;
        batch.dataset = &data;
        batch.rows = rows.data();
        batch.count = count;
        engine.infer(model, batch, labels.data() + first, nullptr, 0);
        for (std::int64_t i = 0; i < count; ++i) {
            const auto si = static_cast<std::size_t>(i);
            lossSum += engine.rowLoss()[si];
            const int y = labels[static_cast<std::size_t>(first + i)];
            const int p = engine.predicted()[si];
            correct += p == y;
            ++ev.confusion[static_cast<std::size_t>(y) * k + static_cast<std::size_t>(p)];
        }
    }
    if (ev.samples > 0) {
        ev.loss = lossSum / static_cast<double>(ev.samples);
        ev.accuracy = static_cast<double>(correct) / static_cast<double>(ev.samples);
    }
    ev.classAccuracy.assign(k, std::numeric_limits<double>::quiet_NaN());
    for (std::size_t y = 0; y < k; ++y) {
        std::int64_t total = 0;
        for (std::size_t p = 0; p < k; ++p)
            total += ev.confusion[y * k + p];
        if (total > 0)
            ev.classAccuracy[y] =
                static_cast<double>(ev.confusion[y * k + y]) / static_cast<double>(total);
    }
    return ev;
}

} // namespace core::nn
