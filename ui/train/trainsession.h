#pragma once
// A training session as the Train page drives it: starts, pauses, resumes and stops runs, asks for
// evaluations, and keeps what came back (the history, the latest model copy, the last evaluation).
// Owns the worker thread: its destructor cancels a run, quits the thread and waits for it.
// Widget-free, so tests drive it directly.

#include "core/nn/trainer.h"
#include "ui/train/trainhistory.h"
#include "ui/train/trainsnapshots.h"

#include <QObject>
#include <QString>
#include <QThread>
#include <atomic>
#include <optional>

namespace ui {

struct Recipe;
struct TrainJob;

class TrainSession : public QObject {
    Q_OBJECT
public:
    enum class State { Idle, Training, Paused, Stopping };
    Q_ENUM(State)

    explicit TrainSession(QObject *parent = nullptr);
    ~TrainSession() override;

    State state() const { return m_state; }
    bool isTraining() const { return m_state != State::Idle; }
    bool isEvaluating() const { return m_evaluating; }

    // Starts a run from freshly initialised weights (the recipe's seed) on data. Ignored unless
    // idle.
    void start(const Recipe &recipe, const MnistSnapshot &data);
    // The same on another data set (no test set, no evaluation after), from initial's weights
    // when given (the Uncrumple page continuing to train), else fresh ones.
    void startOn(const Recipe &recipe, const core::nn::Dataset &samples,
                 const ModelSnapshot &initial = {});
    // Trains to the end of the current epoch and pauses there (resuming a paused run first).
    // When idle: the next run started pauses after its first epoch.
    void stepEpoch();
    // The shortest an epoch may take in the next runs (0: as fast as it goes): the Uncrumple
    // page's small networks train hundreds of epochs a second, too fast to watch them learn.
    void setMinimumEpochMs(int ms) { m_minEpochMs = ms; }
    void pause();
    void resume();
    void stop();
    // model.evaluate on data's test set, in the worker. Ignored while training or without a model.
    void evaluate(const MnistSnapshot &data);
    // A model from a file replaces the current one (only when idle); history and evaluation go.
    void setModel(const ModelSnapshot &model, const QString &optimizerName);

    // Throttle intervals for the next run (see TrainWorker).
    void setIntervals(int chunkMs, int snapshotMs);

    ModelSnapshot model() const { return m_model; }
    // "rmsprop", "adam" or "sgd": the optimizer the model was trained with.
    QString optimizerName() const { return m_optimizerName; }
    EvaluationSnapshot evaluation() const { return m_evaluation; }
    const TrainHistory &history() const { return m_history; }
    const TrainStart &run() const { return m_run; }
    // The progress after the latest batch received (epoch 0 before the first).
    const core::nn::BatchProgress &latest() const { return m_latest; }
    std::optional<TrainOutcome> outcome() const { return m_outcome; }
    // The data the current model was trained or evaluated on.
    MnistSnapshot data() const { return m_data; }

signals:
    void stateChanged(ui::TrainSession::State state);
    void started();
    void progressed();
    void epochEnded(const core::nn::EpochSummary &summary);
    void modelChanged();
    void finished(const ui::TrainOutcome &outcome);
    void evaluatingChanged(bool evaluating);
    void evaluationChanged();
    void failed(const QString &message);

    // To the worker (queued).
    void requestTrain(const ui::TrainJob &job);
    void requestEvaluate(const ui::ModelSnapshot &model, const ui::MnistSnapshot &data);

private:
    void launch(const Recipe &recipe, TrainJob job);
    void setState(State state);
    void setEvaluating(bool on);
    void onStarted(const ui::TrainStart &start);
    void onBatches(const ui::BatchChunk &chunk);
    void onModel(const ui::ModelSnapshot &model);
    void onEpoch(const core::nn::EpochSummary &summary);
    void onFinished(const ui::TrainOutcome &outcome);
    void onEvaluated(const ui::EvaluationSnapshot &result);
    void onFailed(const QString &message);

    QThread m_thread;
    core::nn::TrainControl m_control;
    std::atomic<bool> m_pauseAtEpochEnd{false};
    bool m_stepNextRun = false;
    int m_minEpochMs = 0;
    State m_state = State::Idle;
    bool m_evaluating = false;
    int m_chunkMs = 50;
    int m_snapshotMs = 500;
    TrainHistory m_history;
    TrainStart m_run;
    core::nn::BatchProgress m_latest;
    std::optional<TrainOutcome> m_outcome;
    ModelSnapshot m_model;
    QString m_optimizerName;
    EvaluationSnapshot m_evaluation;
    MnistSnapshot m_data;
};

} // namespace ui
