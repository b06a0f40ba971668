#include "ui/train/trainworker.h"

#include "core/data/mnist.h"
#include "core/nn/dataset.h"
#include "core/nn/inference.h"
#include "core/nn/trainer.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <exception>
#include <thread>

namespace ui {

namespace {

using Clock = std::chrono::steady_clock;

double millisecondsSince(Clock::time_point t)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

ModelSnapshot copyOf(const core::nn::Sequential &model)
{
    return std::make_shared<const core::nn::Sequential>(model);
}

// The engine's data sets, x / 255 as the book prepares them (the same as the train verb's).
core::nn::Dataset trainSet(const core::MnistData &d)
{
    return core::nn::Dataset::fromTensors(d.trainImages, d.trainLabels, 255.0f);
}
core::nn::Dataset testSet(const core::MnistData &d)
{
    return core::nn::Dataset::fromTensors(d.testImages, d.testLabels, 255.0f);
}

// Turns the running means of Keras' progress bar back into each batch's own loss and accuracy.
class BatchDeltas {
public:
    BatchPoint next(const core::nn::BatchProgress &p)
    {
        if (p.step == 1) m_seen = 0, m_lossSum = 0.0, m_correct = 0;
        const double lossSum = p.loss * static_cast<double>(p.samplesSeen);
        const auto correct = static_cast<std::int64_t>(
            std::llround(p.accuracy * static_cast<double>(p.samplesSeen)));
        const auto n = static_cast<double>(std::max<std::int64_t>(1, p.samplesSeen - m_seen));
        BatchPoint b;
        b.epoch = p.epoch;
        b.step = p.step;
        b.steps = p.stepsPerEpoch;
        b.loss = static_cast<float>((lossSum - m_lossSum) / n);
        b.accuracy = static_cast<float>(static_cast<double>(correct - m_correct) / n);
        m_seen = p.samplesSeen;
        m_lossSum = lossSum;
        m_correct = correct;
        return b;
    }

private:
    std::int64_t m_seen = 0;
    double m_lossSum = 0.0;
    std::int64_t m_correct = 0;
};

} // namespace

TrainWorker::TrainWorker(core::nn::TrainControl *control, std::atomic<bool> *pauseAtEpochEnd)
    : m_control(control), m_pauseAtEpochEnd(pauseAtEpochEnd)
{}

void TrainWorker::train(const ui::TrainJob &job)
{
    using namespace core::nn;
    try {
        if (!job.data && !job.samples) throw std::runtime_error("no data set is loaded");
        const Dataset train = job.samples ? *job.samples : trainSet(*job.data);
        std::optional<Dataset> test;
        if (!job.samples) test = testSet(*job.data);
        Sequential model(train.features(), job.recipe.layers);
        if (job.initial) {
            if (!job.initial->sameArchitecture(model))
                throw std::runtime_error("the weights to continue from do not fit the network");
            model = *job.initial;
        } else {
            model.initialize(job.recipe.options.seed);
        }
        Trainer trainer(model, job.recipe.optimizer, job.recipe.options);
        trainer.setControl(m_control);

        TrainStart start;
        const std::int64_t batch =
            std::min<std::int64_t>(job.recipe.options.batchSize, train.size());
        start.stepsPerEpoch =
            static_cast<int>((train.size() + batch - 1) / std::max<std::int64_t>(1, batch));
        start.epochs = job.recipe.options.epochs;
        start.threads = trainer.threads();
        start.trainSamples = train.size();
        start.testSamples = test ? test->size() : 0;
        emit started(start);
        emit modelUpdated(copyOf(model));

        // The callbacks run between batches on this thread; they must stay cheap (a clock read and
        // a push_back) except when a throttle interval has passed.
        BatchDeltas deltas;
        BatchChunk chunk;
        Clock::time_point lastChunk = Clock::now(), lastSnapshot = lastChunk;
        trainer.setBatchCallback([&](const BatchProgress &p) {
            chunk.points.push_back(deltas.next(p));
            if (millisecondsSince(lastChunk) >= job.chunkMs || p.step == p.stepsPerEpoch) {
                chunk.latest = p;
                emit batches(chunk);
                chunk.points.clear();
                lastChunk = Clock::now();
            }
            if (millisecondsSince(lastSnapshot) >= job.snapshotMs) {
                emit modelUpdated(copyOf(trainer.model()));
                lastSnapshot = Clock::now();
            }
            return true;
        });
        Clock::time_point epochStart = Clock::now();
        trainer.setEpochCallback([&](const EpochSummary &s) {
            // Paced: waits out the epoch's minimum time in short naps, so a cancel is prompt.
            while (job.minEpochMs > 0 && !m_control->isCancelled() &&
                   millisecondsSince(epochStart) < job.minEpochMs)
                std::this_thread::sleep_for(std::chrono::milliseconds(2));
            epochStart = Clock::now();
            emit epochEnded(s);
            emit modelUpdated(copyOf(trainer.model()));
            lastSnapshot = Clock::now();
            // Pausing here holds the run before the next epoch's first batch.
            if (s.epoch < s.epochs && m_pauseAtEpochEnd && m_pauseAtEpochEnd->exchange(false)) {
                m_control->pause();
                emit pausedAtEpochEnd();
            }
            return true;
        });

        const TrainResult result = trainer.fit(train, test ? &*test : nullptr);
        // After a divergence the engine has put back the last weights whose loss was finite.
        emit modelUpdated(copyOf(model));
        TrainOutcome outcome;
        outcome.status = result.status;
        outcome.message = QString::fromStdString(result.message);
        outcome.seconds = result.seconds;
        outcome.steps = result.steps;
        emit finished(outcome);
    } catch (const std::exception &e) {
        emit failed(QString::fromStdString(e.what()));
    }
}

void TrainWorker::evaluate(const ui::ModelSnapshot &model, const ui::MnistSnapshot &data)
{
    using namespace core::nn;
    try {
        if (!model || !data) throw std::runtime_error("there is no model to evaluate");
        const Clock::time_point t0 = Clock::now();
        const Dataset test = testSet(*data);
        auto result = std::make_shared<EvaluationResult>();
        result->evaluation = core::nn::evaluate(*model, test);
        result->data = data;

        // Every digit's prediction, in blocks to keep the float copy small.
        const std::int64_t n = test.size();
        result->predicted.resize(static_cast<std::size_t>(n));
        result->confidence.resize(static_cast<std::size_t>(n));
        constexpr std::int64_t kBlock = 1000;
        Matrix inputs(std::min(n, kBlock), test.features());
        const int threads = resolveThreads(0);
        for (std::int64_t first = 0; first < n; first += kBlock) {
            const std::int64_t count = std::min(kBlock, n - first);
            test.copyRows(first, count, inputs.data());
            const Matrix p = predict(*model, inputs.view().middleRows(0, count), threads);
            for (std::int64_t i = 0; i < count; ++i) {
                const float *row = p.row(i);
                const auto best = std::max_element(row, row + p.cols()) - row;
                result->predicted[static_cast<std::size_t>(first + i)] =
                    static_cast<std::uint8_t>(best);
                result->confidence[static_cast<std::size_t>(first + i)] = row[best];
            }
        }
        result->seconds = millisecondsSince(t0) / 1000.0;
        emit evaluated(result);
    } catch (const std::exception &e) {
        emit failed(QString::fromStdString(e.what()));
    }
}

} // namespace ui
