#pragma once
// Runs the engine's Trainer (the very code path of `uncrumple train`) and evaluations off the GUI
// thread. Lives on TrainSession's QThread; everything it sends back is a copy.
//
// Throttling, because the GUI thread shares the machine's two cores with training: batches go out
// in chunks at most every chunkMs, model copies (for the weight images, predictions and the drawn
// digit) at most every snapshotMs and at each epoch's end.

#include "ui/train/trainrecipe.h"
#include "ui/train/trainsnapshots.h"

#include <QObject>
#include <QString>

namespace core::nn {
class TrainControl;
}

namespace ui {

struct TrainJob {
    Recipe recipe;
    MnistSnapshot data;
    int chunkMs = 50; // 20 Hz, so the page's 12.5 Hz redraws (kRedrawMs) always have news
    int snapshotMs = 500;
};

class TrainWorker : public QObject {
    Q_OBJECT
public:
    // control outlives the worker (the session owns both and waits for the thread).
    explicit TrainWorker(core::nn::TrainControl *control);

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

private:
    core::nn::TrainControl *m_control;
};

} // namespace ui

Q_DECLARE_METATYPE(ui::TrainJob)
