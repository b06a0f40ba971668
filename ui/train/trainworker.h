#pragma once
// Runs the engine's Trainer (the very code path of `uncrumple train`) and evaluations off the GUI
// thread. Lives on TrainSession's QThread; everything it sends back is a copy. It trains the
// Train page's MNIST or any other data set (the Uncrumple page's points), from fresh weights or
// from given ones.
//
// Throttling, because the GUI thread shares the machine's two cores with training: batches go out
// in chunks at most every chunkMs, model copies (for the weight images, predictions and the drawn
// digit) at most every snapshotMs and at each epoch's end.

#include "ui/train/trainrecipe.h"
#include "ui/train/trainsnapshots.h"

#include "core/nn/dataset.h"

#include <QObject>
#include <QString>
#include <atomic>
#include <optional>

namespace core::nn {
class TrainControl;
}

namespace ui {

struct TrainJob {
    Recipe recipe;
    MnistSnapshot data;
    // Another data set, trained on instead of data's (with no test set).
    std::optional<core::nn::Dataset> samples;
    // Weights to continue from, as a second model.fit() would (the optimizer starts afresh);
    // null: fresh weights from the recipe's seed.
    ModelSnapshot initial;
    int chunkMs = 50; // 20 Hz, so the page's 12.5 Hz redraws (kRedrawMs) always have news
    int snapshotMs = 500;
    int minEpochMs = 0; // an epoch that took less waits out the rest (see TrainSession)
};

class TrainWorker : public QObject {
    Q_OBJECT
public:
    // control and pauseAtEpochEnd outlive the worker (the session owns them and waits for the
    // thread). When pauseAtEpochEnd is set at an epoch's end, the worker clears it, pauses the
    // run there and says so (pausedAtEpochEnd).
    TrainWorker(core::nn::TrainControl *control, std::atomic<bool> *pauseAtEpochEnd);

public slots:
    void train(const ui::TrainJob &job);
    // model.evaluate on data's test set, plus every test digit's prediction.
    void evaluate(const ui::ModelSnapshot &model, const ui::MnistSnapshot &data);

signals:
    void started(const ui::TrainStart &start);
    void batches(const ui::BatchChunk &chunk);
    void modelUpdated(const ui::ModelSnapshot &model);
    void epochEnded(const core::nn::EpochSummary &summary);
    void finished(const ui::TrainOutcome &outcome);
    void evaluated(const ui::EvaluationSnapshot &result);
    void failed(const QString &message);
    void pausedAtEpochEnd();

private:
    core::nn::TrainControl *m_control;
    std::atomic<bool> *m_pauseAtEpochEnd;
};

} // namespace ui

Q_DECLARE_METATYPE(ui::TrainJob)
