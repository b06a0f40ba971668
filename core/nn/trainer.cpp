#include "core/nn/trainer.h"

#include "core/errors.h"
#include "core/nn/engine.h"
#include "core/nn/evaluator.h"

#include <chrono>
#include <cmath>
#include <limits>
#include <numeric>
#include <string>

namespace core::nn {

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point t0)
{
    return std::chrono::duration<double>(Clock::now() - t0).count();
}

std::string where(int epoch, int epochs, int step, int steps)
{
    return "epoch " + std::to_string(epoch) + "/" + std::to_string(epochs) + ", step " +
           std::to_string(step) + "/" + std::to_string(steps);
}

// Keeps shuffling independent of the initial weights drawn from the same seed.
constexpr std::uint64_t kShuffleStream = 0x53485546464c4531ull; // "SHUFFLE1"

} // namespace

void TrainOptions::validate() const
{
    if (epochs < 1) throw ValueError("epochs must be at least 1, got " + std::to_string(epochs));
    if (batchSize < 1)
        throw ValueError("batch size must be at least 1, got " + std::to_string(batchSize));
    if (threads < 0 || threads > 64)
        throw ValueError("threads must be between 1 and 64 (or 0 for every core), got " +
                         std::to_string(threads));
}

void TrainControl::pause()
{
    m_state.fetch_or(kPaused);
    m_state.notify_all();
}

void TrainControl::resume()
{
    m_state.fetch_and(~kPaused);
    m_state.notify_all();
}

void TrainControl::cancel()
{
    m_state.fetch_or(kCancelled);
    m_state.notify_all();
}

bool TrainControl::isPaused() const
{
    return (m_state.load() & kPaused) != 0;
}

bool TrainControl::isCancelled() const
{
    return (m_state.load() & kCancelled) != 0;
}

void TrainControl::reset()
{
    m_state.store(0);
    m_state.notify_all();
}

bool TrainControl::waitWhilePaused()
{
    for (;;) {
        const int s = m_state.load();
        if (s & kCancelled) return false;
        if (!(s & kPaused)) return true;
        m_state.wait(s);
    }
}

Trainer::Trainer(Sequential &model, OptimizerConfig optimizer, TrainOptions options)
    : m_model(model), m_optimizer(optimizer), m_options(options),
      m_threads(resolveThreads(options.threads)), m_random(options.seed ^ kShuffleStream)
{
    m_options.validate();
}

Trainer::~Trainer() = default;

Engine &Trainer::engineFor(std::int64_t capacity)
{
    if (!m_engine || !m_engine->fits(m_model, capacity, m_threads, m_sparse) ||
        m_engine->capacity() != capacity)
        m_engine = std::make_unique<Engine>(m_model, capacity, m_threads, m_sparse);
    return *m_engine;
}

Evaluation Trainer::evaluate(const Dataset &data)
{
    return nn::evaluate(m_model, data, m_threads, m_options.inputPath);
}

TrainResult Trainer::fit(const Dataset &train, const Dataset *test)
{
    checkCompatible(m_model, train, "fit");
    if (test) checkCompatible(m_model, *test, "fit (test set)");
    if (train.size() == 0) throw ValueError("fit: the training set is empty");
    if (train.size() > std::numeric_limits<std::int32_t>::max())
        throw ValueError("fit: too many samples");
    const std::int64_t n = train.size();
    const std::int64_t batchSize = std::min<std::int64_t>(m_options.batchSize, n);
    m_sparse = useSparse(m_options.inputPath, train, batchSize);
    if (test && m_sparse) test->sparse();

    const int steps = static_cast<int>((n + batchSize - 1) / batchSize);
    const int epochs = m_options.epochs;
    Engine &engine = engineFor(batchSize);
    m_optimizer.prepare(m_model.parameterCount());
    engine.beginTraining(m_model);

    std::vector<std::int32_t> order(static_cast<std::size_t>(n));
    std::iota(order.begin(), order.end(), 0);
    std::vector<std::int32_t> batchLabels(static_cast<std::size_t>(batchSize));
    const auto labels = train.labels();

    TrainResult result;
    const Clock::time_point start = Clock::now();
    double paused = 0.0;
    auto elapsed = [&] { return secondsSince(start) - paused; };
    auto stop = [&](TrainStatus status, std::string message) {
        result.status = status;
        result.message = std::move(message);
    };

    for (int epoch = 1; epoch <= epochs && result.status == TrainStatus::Finished; ++epoch) {
        const double epochStart = elapsed();
        if (m_options.shuffle) m_random.shuffle(order);
        double lossSum = 0.0;
        std::int64_t correct = 0, seen = 0;
        for (int step = 1; step <= steps; ++step) {
            if (m_control) {
                bool go = true;
                if (m_control->isPaused()) {
                    const Clock::time_point p0 = Clock::now();
                    go = m_control->waitWhilePaused();
                    paused += secondsSince(p0);
                }
                if (!go || m_control->isCancelled()) {
                    stop(TrainStatus::Cancelled,
                         "cancelled before " + where(epoch, epochs, step, steps));
                    break;
                }
            }
            const std::int64_t first = static_cast<std::int64_t>(step - 1) * batchSize;
            const std::int64_t count = std::min(batchSize, n - first);
            const std::int32_t *rows = order.data() + first;
            for (std::int64_t i = 0; i < count; ++i)
                batchLabels[static_cast<std::size_t>(i)] =
                    labels[static_cast<std::size_t>(rows[i])];
            BatchSource batch;
            batch.dataset = &train;
            batch.rows = rows;
            batch.count = count;
            const StepOutcome outcome = m_optimizer.step(
                m_model.parameters().data(), engine.nextWeights(), [&](const auto &rule) {
                    return engine.trainStep(m_model, batch, batchLabels.data(), rule);
                });
            double batchLoss = 0.0;
            std::int64_t batchCorrect = 0;
            for (std::int64_t i = 0; i < count; ++i) {
                const auto si = static_cast<std::size_t>(i);
                batchLoss += engine.rowLoss()[si];
                batchCorrect += engine.predicted()[si] == batchLabels[si];
            }
            if (!outcome.lossFinite) {
                engine.restorePrevious(m_model);
                const bool wasFirst = result.steps == 0;
                stop(TrainStatus::Diverged,
                     "the loss became " + std::string(std::isnan(batchLoss) ? "nan" : "inf") +
                         " at " + where(epoch, epochs, step, steps) +
                         (wasFirst ? "; the model keeps its initial weights"
                                   : "; training stopped and the weights of the previous step "
                                     "(the last finite loss) were restored"));
                break;
            }
            if (!outcome.weightsFinite) {
                stop(TrainStatus::Diverged,
                     "the update at " + where(epoch, epochs, step, steps) +
                         " made a weight infinite or nan; training stopped and the weights "
                         "before it were kept");
                break;
            }
            engine.commit(m_model);
            ++result.steps;
            lossSum += batchLoss;
            correct += batchCorrect;
            seen += count;
            if (m_onBatch) {
                BatchProgress p;
                p.epoch = epoch;
                p.epochs = epochs;
                p.step = step;
                p.stepsPerEpoch = steps;
                p.loss = lossSum / static_cast<double>(seen);
                p.accuracy = static_cast<double>(correct) / static_cast<double>(seen);
                p.samplesSeen = seen;
                p.elapsedSeconds = elapsed();
                p.epochSeconds = p.elapsedSeconds - epochStart;
                if (!m_onBatch(p)) {
                    stop(TrainStatus::Cancelled, "stopped by the batch callback after " +
                                                     where(epoch, epochs, step, steps));
                    break;
                }
            }
        }
        if (result.status != TrainStatus::Finished) break;
        EpochSummary s;
        s.epoch = epoch;
        s.epochs = epochs;
        s.steps = steps;
        s.loss = lossSum / static_cast<double>(seen);
        s.accuracy = static_cast<double>(correct) / static_cast<double>(seen);
        s.seconds = elapsed() - epochStart;
        if (test && m_options.testEachEpoch) {
            const double t0 = elapsed();
            const Evaluation ev = evaluateWith(engine, m_model, *test);
            s.tested = true;
            s.testLoss = ev.loss;
            s.testAccuracy = ev.accuracy;
            s.testSeconds = elapsed() - t0;
        }
        result.epochs.push_back(s);
        if (m_onEpoch && !m_onEpoch(s))
            stop(TrainStatus::Cancelled, "stopped by the epoch callback after epoch " +
                                             std::to_string(epoch) + "/" + std::to_string(epochs));
    }
    result.seconds = elapsed();
    return result;
}

} // namespace core::nn
