#pragma once
// Training, as keras.Model.fit does it: epochs of shuffled mini-batches, progress after every batch
// and every epoch, an optional test evaluation after each epoch.
//
// Threading contract (the Train page runs fit() in a worker QThread):
//  - fit() runs on the calling thread and uses options.threads threads in all (itself included).
//  - The callbacks run on the calling thread between batches, when no weight is being written:
//    inside them model() may be read, e.g. to copy the first layer's kernel for display, or copied
//    whole (Sequential is a value) to predict drawn digits elsewhere. Outside the callbacks the
//    weights change under the reader.
//  - A TrainControl may be used from any thread: pause() holds training before the next batch
//    (paused time is not counted as training time), resume() continues, cancel() stops before the
//    next batch, also while paused. A callback returning false stops as cancel() does.
//  - A batch whose loss is NaN or infinite, or an update that makes a weight so, stops training
//    with status Diverged and a message; the model keeps the last weights whose loss was finite.
//    (The optimizer state is not rolled back: continue with a new Trainer.)

#include "core/nn/dataset.h"
#include "core/nn/inference.h"
#include "core/nn/layer.h"
#include "core/nn/model.h"
#include "core/nn/optimizer.h"
#include "core/nn/random.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace core::nn {

class Engine;

struct TrainOptions {
    int epochs = 5;
    int batchSize = 128;        // 60,000 samples: 469 steps, the last of 96
    std::uint64_t seed = 0;     // the shuffles (the weights come from Sequential::initialize)
    int threads = 0;            // 0: every core
    bool shuffle = true;        // reshuffle before every epoch
    bool testEachEpoch = false; // evaluate the test set after each epoch (Keras' validation_data)
    InputPath inputPath = InputPath::Auto;

    // Throws ValueError naming the first option out of range.
    void validate() const;
};

// A plain-value snapshot after one batch.
struct BatchProgress {
    int epoch = 0; // 1-based
    int epochs = 0;
    int step = 0; // 1-based within the epoch
    int stepsPerEpoch = 0;
    double loss = 0.0;            // means over the epoch so far, weighted by batch size, as
    double accuracy = 0.0;        // Keras' progress bar shows them
    std::int64_t samplesSeen = 0; // in this epoch
    double epochSeconds = 0.0;    // since the epoch began, pauses excluded
    double elapsedSeconds = 0.0;  // since fit() began, pauses excluded
};

struct EpochSummary {
    int epoch = 0;
    int epochs = 0;
    int steps = 0;
    double loss = 0.0;
    double accuracy = 0.0;
    double seconds = 0.0; // the epoch's batches, pauses and test evaluation excluded
    bool tested = false;
    double testLoss = 0.0;
    double testAccuracy = 0.0;
    double testSeconds = 0.0;
};

enum class TrainStatus { Finished, Cancelled, Diverged };

struct TrainResult {
    TrainStatus status = TrainStatus::Finished;
    std::string message;              // why training stopped early
    std::vector<EpochSummary> epochs; // the completed epochs
    std::int64_t steps = 0;           // batches applied
    double seconds = 0.0;             // pauses excluded
};

// Pause, resume and cancel from any thread.
class TrainControl {
public:
    void pause();
    void resume();
    void cancel();
    bool isPaused() const;
    bool isCancelled() const;
    // Clears both, for a new run.
    void reset();

    // Trainer side: blocks while paused; false once cancelled.
    bool waitWhilePaused();

private:
    static constexpr int kPaused = 1;
    static constexpr int kCancelled = 2;
    std::atomic<int> m_state{0};
};

class Trainer {
public:
    // Return false to stop training.
    using BatchCallback = std::function<bool(const BatchProgress &)>;
    using EpochCallback = std::function<bool(const EpochSummary &)>;

    // model must outlive the Trainer. Throws ValueError for bad options or hyperparameters.
    Trainer(Sequential &model, OptimizerConfig optimizer = {}, TrainOptions options = {});
    ~Trainer();
    Trainer(const Trainer &) = delete;
    Trainer &operator=(const Trainer &) = delete;

    void setBatchCallback(BatchCallback callback) { m_onBatch = std::move(callback); }
    void setEpochCallback(EpochCallback callback) { m_onEpoch = std::move(callback); }
    void setControl(TrainControl *control) { m_control = control; }

    // Trains for options().epochs epochs. Calling it again continues (optimizer state and
    // shuffling carry on, like a second model.fit). test may be null.
    TrainResult fit(const Dataset &train, const Dataset *test = nullptr);
    // Evaluates with the trainer's threads and input path.
    Evaluation evaluate(const Dataset &data);

    const Sequential &model() const { return m_model; }
    const Optimizer &optimizer() const { return m_optimizer; }
    const TrainOptions &options() const { return m_options; }
    // Threads in use (options.threads resolved).
    int threads() const { return m_threads; }
    // Whether the last fit() read its inputs through the sparse path.
    bool sparseInput() const { return m_sparse; }

private:
    Engine &engineFor(std::int64_t capacity);

    Sequential &m_model;
    Optimizer m_optimizer;
    TrainOptions m_options;
    int m_threads;
    bool m_sparse = false;
    Random m_random;
    std::unique_ptr<Engine> m_engine;
    BatchCallback m_onBatch;
    EpochCallback m_onEpoch;
    TrainControl *m_control = nullptr;
};

} // namespace core::nn
