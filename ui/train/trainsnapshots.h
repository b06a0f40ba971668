#pragma once
// The values that cross from the training thread to the GUI thread by queued signals: copies, never
// pointers into the weights the engine is writing. Registered as metatypes by TrainSession.

#include "core/nn/inference.h"
#include "core/nn/model.h"
#include "core/nn/trainer.h"
#include "ui/shell/dataloader.h"

#include <QMetaType>
#include <memory>
#include <vector>

namespace ui {

// An immutable copy of the model (Sequential is a value: 1.6 MB for the book's network).
using ModelSnapshot = std::shared_ptr<const core::nn::Sequential>;

// One batch, as the raw curves plot it: this batch's own loss and accuracy (not the epoch's running
// mean that Keras' progress bar shows; that is in BatchChunk::latest).
struct BatchPoint {
    int epoch = 0; // 1-based
    int step = 0;  // 1-based
    int steps = 0; // per epoch
    float loss = 0.0f;
    float accuracy = 0.0f;
};

// The batches since the last chunk, and the progress after the last of them.
struct BatchChunk {
    std::vector<BatchPoint> points;
    core::nn::BatchProgress latest;
};

struct TrainStart {
    int stepsPerEpoch = 0;
    int epochs = 0;
    int threads = 0;
    qint64 trainSamples = 0;
    qint64 testSamples = 0;
};

struct TrainOutcome {
    core::nn::TrainStatus status = core::nn::TrainStatus::Finished;
    QString message;
    double seconds = 0.0;
    qint64 steps = 0;
};

// model.evaluate(test_images, test_labels) and, for listing the digits of a confusion-matrix cell,
// every test digit's predicted class and its probability.
struct EvaluationResult {
    core::nn::Evaluation evaluation;
    std::vector<std::uint8_t> predicted;
    std::vector<float> confidence;
    MnistSnapshot data; // whose test set
    double seconds = 0.0;
};
using EvaluationSnapshot = std::shared_ptr<const EvaluationResult>;

} // namespace ui

Q_DECLARE_METATYPE(ui::ModelSnapshot)
Q_DECLARE_METATYPE(ui::BatchChunk)
Q_DECLARE_METATYPE(ui::TrainStart)
Q_DECLARE_METATYPE(ui::TrainOutcome)
Q_DECLARE_METATYPE(ui::EvaluationSnapshot)
Q_DECLARE_METATYPE(core::nn::EpochSummary)
