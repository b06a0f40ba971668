#include "ui/train/trainsession.h"

#include "ui/train/trainrecipe.h"
#include "ui/train/trainworker.h"

#include <utility>

namespace ui {

TrainSession::TrainSession(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<ui::ModelSnapshot>();
    qRegisterMetaType<ui::BatchChunk>();
    qRegisterMetaType<ui::TrainStart>();
    qRegisterMetaType<ui::TrainOutcome>();
    qRegisterMetaType<ui::EvaluationSnapshot>();
    qRegisterMetaType<ui::TrainJob>();
    qRegisterMetaType<ui::MnistSnapshot>();
    qRegisterMetaType<core::nn::EpochSummary>();

    auto *worker = new TrainWorker(&m_control, &m_pauseAtEpochEnd);
    worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, worker, &QObject::deleteLater);
    connect(this, &TrainSession::requestTrain, worker, &TrainWorker::train);
    connect(this, &TrainSession::requestEvaluate, worker, &TrainWorker::evaluate);
    connect(worker, &TrainWorker::started, this, &TrainSession::onStarted);
    connect(worker, &TrainWorker::batches, this, &TrainSession::onBatches);
    connect(worker, &TrainWorker::modelUpdated, this, &TrainSession::onModel);
    connect(worker, &TrainWorker::epochEnded, this, &TrainSession::onEpoch);
    connect(worker, &TrainWorker::finished, this, &TrainSession::onFinished);
    connect(worker, &TrainWorker::evaluated, this, &TrainSession::onEvaluated);
    connect(worker, &TrainWorker::failed, this, &TrainSession::onFailed);
    connect(worker, &TrainWorker::pausedAtEpochEnd, this, [this] {
        if (m_state == State::Training) setState(State::Paused);
    });
    m_thread.setObjectName(QStringLiteral("training"));
    m_thread.start();
}

TrainSession::~TrainSession()
{
    m_control.cancel(); // also wakes a paused run
    m_thread.quit();
    m_thread.wait();
}

void TrainSession::setIntervals(int chunkMs, int snapshotMs)
{
    m_chunkMs = chunkMs;
    m_snapshotMs = snapshotMs;
}

void TrainSession::start(const Recipe &recipe, const MnistSnapshot &data)
{
    if (m_state != State::Idle || m_evaluating) return;
    TrainJob job;
    job.data = data;
    m_data = data;
    launch(recipe, std::move(job));
}

void TrainSession::startOn(const Recipe &recipe, const core::nn::Dataset &samples,
                           const ModelSnapshot &initial)
{
    if (m_state != State::Idle || m_evaluating) return;
    TrainJob job;
    job.samples = samples;
    job.initial = initial;
    m_data = {};
    launch(recipe, std::move(job));
}

void TrainSession::launch(const Recipe &recipe, TrainJob job)
{
    m_control.reset();
    m_pauseAtEpochEnd = std::exchange(m_stepNextRun, false);
    m_outcome.reset();
    m_evaluation.reset();
    m_latest = {};
    m_run = {};
    m_history.reset(recipe.options.epochs, 0);
    m_optimizerName = QString::fromLatin1(recipe.optimizer.name().data(),
                                          static_cast<qsizetype>(recipe.optimizer.name().size()));
    job.recipe = recipe;
    job.chunkMs = m_chunkMs;
    job.minEpochMs = m_minEpochMs;
    job.snapshotMs = m_snapshotMs;
    setState(State::Training);
    emit evaluationChanged(); // the old evaluation is gone
    emit requestTrain(job);
}

void TrainSession::stepEpoch()
{
    if (m_state == State::Idle) {
        m_stepNextRun = true;
        return;
    }
    if (m_state != State::Training && m_state != State::Paused) return;
    m_pauseAtEpochEnd = true;
    if (m_state == State::Paused) {
        m_control.resume();
        setState(State::Training);
    }
}

void TrainSession::pause()
{
    if (m_state != State::Training) return;
    m_control.pause();
    setState(State::Paused);
}

void TrainSession::resume()
{
    if (m_state != State::Paused) return;
    m_pauseAtEpochEnd = false;
    m_control.resume();
    setState(State::Training);
}

void TrainSession::stop()
{
    if (m_state != State::Training && m_state != State::Paused) return;
    m_control.cancel();
    setState(State::Stopping);
}

void TrainSession::evaluate(const MnistSnapshot &data)
{
    if (m_state != State::Idle || m_evaluating || !m_model || !data) return;
    m_data = data;
    setEvaluating(true);
    emit requestEvaluate(m_model, data);
}

void TrainSession::setModel(const ModelSnapshot &model, const QString &optimizerName)
{
    if (m_state != State::Idle || m_evaluating) return;
    m_model = model;
    m_optimizerName = optimizerName;
    m_history.reset(0, 0);
    m_run = {};
    m_latest = {};
    m_outcome.reset();
    m_evaluation.reset();
    emit modelChanged();
    emit evaluationChanged();
}

void TrainSession::setState(State state)
{
    if (m_state == state) return;
    m_state = state;
    emit stateChanged(state);
}

void TrainSession::setEvaluating(bool on)
{
    if (m_evaluating == on) return;
    m_evaluating = on;
    emit evaluatingChanged(on);
}

void TrainSession::onStarted(const ui::TrainStart &start)
{
    m_run = start;
    m_history.reset(start.epochs, start.stepsPerEpoch);
    emit started();
}

void TrainSession::onBatches(const ui::BatchChunk &chunk)
{
    for (const BatchPoint &p : chunk.points)
        m_history.addBatch(p);
    m_latest = chunk.latest;
    emit progressed();
}

void TrainSession::onModel(const ui::ModelSnapshot &model)
{
    m_model = model;
    emit modelChanged();
}

void TrainSession::onEpoch(const core::nn::EpochSummary &summary)
{
    m_history.addEpoch(summary);
    emit epochEnded(summary);
}

void TrainSession::onFinished(const ui::TrainOutcome &outcome)
{
    m_outcome = outcome;
    setState(State::Idle);
    // Listing 2.7, at once: test_loss, test_acc and the confusion matrix of what was learnt (also
    // after a stop or a divergence: of the weights kept). Started before finished() is emitted,
    // so that listeners see the evaluation pending.
    if (m_model && outcome.steps > 0) evaluate(m_data);
    emit finished(outcome);
}

void TrainSession::onEvaluated(const ui::EvaluationSnapshot &result)
{
    m_evaluation = result;
    setEvaluating(false);
    emit evaluationChanged();
}

void TrainSession::onFailed(const QString &message)
{
    setEvaluating(false);
    setState(State::Idle);
    emit failed(message);
}

} // namespace ui
