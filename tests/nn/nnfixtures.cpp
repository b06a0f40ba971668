#include "nnfixtures.h"

#include "core/data/mnist.h"
#include "core/nn/activation.h"
#include "core/nn/random.h"
#include "core/nn/trainer.h"

#include <QFile>
#include <QtGlobal>
#include <cstring>

using namespace core::nn;

namespace nnfixtures {

namespace {

const core::MnistData &sample()
{
    static const core::MnistData data = core::mnistFromSample(
        readBytes(QStringLiteral(UNCRUMPLE_SAMPLE_DIR "/t10k-images-1000-idx3-ubyte.gz")),
        readBytes(QStringLiteral(UNCRUMPLE_SAMPLE_DIR "/t10k-labels-1000-idx1-ubyte.gz")));
    return data;
}

} // namespace

Dataset sampleTrain()
{
    return Dataset::fromTensors(sample().trainImages, sample().trainLabels, 255.0f);
}

Dataset sampleTest()
{
    return Dataset::fromTensors(sample().testImages, sample().testLabels, 255.0f);
}

Matrix randomInputs(std::int64_t rows, std::int64_t cols, std::uint64_t seed, double zeroShare)
{
    Random r(seed);
    Matrix x(rows, cols);
    for (std::int64_t i = 0; i < rows * cols; ++i)
        x.data()[i] = r.uniform01() < zeroShare ? 0.0f : r.uniform(-1.0f, 1.0f);
    return x;
}

bool sameBits(std::span<const float> a, std::span<const float> b)
{
    return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size_bytes()) == 0;
}

Sequential trainedOnSample(std::uint64_t seed, int threads, InputPath path, int epochs,
                           OptimizerConfig optimizer)
{
    Sequential model(784, {{64, Activation::Relu}, {10, Activation::Softmax}});
    model.initialize(seed);
    TrainOptions o;
    o.epochs = epochs;
    o.batchSize = 32;
    o.seed = seed;
    o.threads = threads;
    o.inputPath = path;
    Trainer trainer(model, optimizer, o);
    const TrainResult r = trainer.fit(sampleTrain());
    if (r.status != TrainStatus::Finished) qFatal("training failed: %s", r.message.c_str());
    return model;
}

} // namespace nnfixtures
