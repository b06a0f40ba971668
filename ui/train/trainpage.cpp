#include "ui/train/trainpage.h"

#include "core/data/mnist.h"
#include "core/tensor/shape.h"
#include "ui/common/codepanel.h"
#include "ui/common/fittinglabel.h"
#include "ui/common/numbers.h"
#include "ui/common/tabtitles.h"
#include "ui/shell/appcontext.h"
#include "ui/shell/datastore.h"
#include "ui/train/curvepanel.h"
#include "ui/train/digitimages.h"
#include "ui/train/drawcanvas.h"
#include "ui/train/drawpanel.h"
#include "ui/train/evaluatepanel.h"
#include "ui/train/predictiongrid.h"
#include "ui/train/recipeeditor.h"
#include "ui/train/traincode.h"
#include "ui/train/trainfiles.h"
#include "ui/train/trainhistory.h"
#include "ui/train/trainprogress.h"
#include "ui/train/trainsession.h"
#include "ui/train/weightgrid.h"

#include <QBoxLayout>
#include <QEvent>
#include <QFileDialog>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QTabBar>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace ui {

namespace {

// The live charts redraw at a steady 12.5 Hz while batches arrive (every 50 ms): the issue's
// 10 Hz with room for a late tick, at the GUI cost of one redraw per tick rather than per batch.
constexpr int kRedrawMs = 80;

// Keras' last line of an epoch, for the code panel: val_ metrics only when fit had validation_data.
QString epochLine(const core::nn::EpochSummary &s, bool validationData)
{
    QString line = QStringLiteral("Epoch %1/%2 - loss: %3 - accuracy: %4")
                       .arg(s.epoch)
                       .arg(s.epochs)
                       .arg(s.loss, 0, 'f', 4)
                       .arg(s.accuracy, 0, 'f', 4);
    if (s.tested && validationData)
        line += QStringLiteral(" - val_loss: %1 - val_accuracy: %2")
                    .arg(s.testLoss, 0, 'f', 4)
                    .arg(s.testAccuracy, 0, 'f', 4);
    return line;
}

// A tab's page in a scroll area: the tabs can shrink to what a small window leaves them, while
// the page keeps the size at which its digits and captions read (and scrolls below it). For the
// pages of many small figures (predictions, evaluation); the weights and the drawing scale down
// on their own.
class TabScroll : public QScrollArea {
public:
    explicit TabScroll(QWidget *page)
    {
        setWidget(page);
        setWidgetResizable(true);
        setFrameShape(QFrame::NoFrame);
        setMinimumHeight(60);
    }
    // The page's own wish, as without the scroll area: the splitter shares the height between
    // the charts and the tabs from it.
    QSize sizeHint() const override { return widget()->sizeHint(); }
};

QString epochCount(int n)
{
    return n == 1 ? QObject::tr("1 epoch") : QObject::tr("%1 epochs").arg(n);
}

} // namespace

TrainPage::TrainPage(AppContext *context, QWidget *parent)
    : Page(context, parent), m_session(context->claimMnistTraining()), m_refresh(new QTimer(this))
{
    if (!m_session) m_session = new TrainSession(this);
    m_refresh->setInterval(kRedrawMs);
    connect(m_refresh, &QTimer::timeout, this, [this] {
        if (!m_progressPending) { // nothing new: wait for the next batches
            m_refresh->stop();
            return;
        }
        m_progressPending = false;
        refreshCurves();
    });

    QWidget *main = buildMain();
    QWidget *side = buildSide();
    setBody(main, side);
    // A wrapped title would squeeze the recipe above the code below its minimum (cut line edits,
    // buttons under the code) in a 1024 x 640 window.
    codePanel()->setTitleWraps(false);
    codePanel()->setTitle(tr("The same in Keras (listings 2.1-2.7)"), tr("The same in Keras"));

    connect(m_editor, &RecipeEditor::changed, this, &TrainPage::onRecipeChanged);
    connect(m_session, &TrainSession::stateChanged, this, &TrainPage::onStateChanged);
    connect(m_session, &TrainSession::evaluatingChanged, this, &TrainPage::updateButtons);
    connect(m_session, &TrainSession::started, this, &TrainPage::onStarted);
    connect(m_session, &TrainSession::progressed, this, &TrainPage::onProgressed);
    connect(m_session, &TrainSession::epochEnded, this, &TrainPage::onEpochEnded);
    connect(m_session, &TrainSession::modelChanged, this, &TrainPage::onModelChanged);
    connect(m_session, &TrainSession::finished, this, &TrainPage::onFinished);
    connect(m_session, &TrainSession::evaluationChanged, this, &TrainPage::onEvaluation);
    connect(m_session, &TrainSession::failed, this, &TrainPage::onFailed);
    connect(context->data(), &DataStore::dataChanged, this, &TrainPage::onDataChanged);
    connect(context, &AppContext::presentationModeChanged, this, &TrainPage::applyScale);

    m_predictions->setData(context->data()->data());
    m_predictionFirst->setMaximum(std::max(0, m_predictions->testCount() - 1));
    applyScale();
    // The shared session may have a run or a model already (the Hidden page trains it too, and
    // this page is made when first shown): show them.
    if (m_session->isTraining() || m_session->model()) {
        m_modelInput = RecipeInput::book();
        if (m_session->isTraining()) m_progress->start(m_session->run(), false);
        onModelChanged();
        refreshCurves();
        updatePreviousModel();
    }
    updateButtons();
    updateCode();
}

QWidget *TrainPage::buildMain()
{
    m_train = new QPushButton(tr("Train"));
    m_train->setObjectName(QStringLiteral("train"));
    m_train->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_train->setToolTip(
        tr("model.fit with the recipe on the right, from new weights (Ctrl+Enter)"));
    m_pause = new QPushButton(tr("Pause"));
    m_pause->setObjectName(QStringLiteral("pause"));
    m_stop = new QPushButton(tr("Stop"));
    m_stop->setObjectName(QStringLiteral("stop"));
    m_stop->setToolTip(tr("Stop after the current batch; the weights so far are kept"));
    m_evaluate = new QPushButton(tr("Evaluate"));
    m_evaluate->setObjectName(QStringLiteral("evaluate"));
    m_evaluate->setToolTip(tr("model.evaluate(test_images, test_labels) (listing 2.7)"));
    connect(m_train, &QPushButton::clicked, this, &TrainPage::onTrain);
    connect(m_pause, &QPushButton::clicked, this, &TrainPage::onPauseResume);
    connect(m_stop, &QPushButton::clicked, m_session, &TrainSession::stop);
    connect(m_evaluate, &QPushButton::clicked, this,
            [this] { m_session->evaluate(context()->data()->data()); });

    m_progress = new TrainProgress;
    for (QPushButton *b : {m_train, m_pause, m_stop, m_evaluate})
        m_progress->addLeading(b);
    m_curves = new CurvePanel;

    m_weights = new WeightGrid;
    m_weights->setObjectName(QStringLiteral("weightGrid"));
    connect(m_weights, &WeightGrid::unitSelected, this, &TrainPage::updateCode);
    m_draw = new DrawPanel;
    connect(m_draw, &DrawPanel::testDigitRequested, this, &TrainPage::onTestDigitRequested);
    m_tabs = new QTabWidget;
    m_tabs->setObjectName(QStringLiteral("trainTabs"));
    m_tabs->insertTab(WeightsTab, m_weights, tr("First-layer weights"));
    m_tabs->insertTab(PredictionsTab, new TabScroll(buildPredictionsTab()), tr("Predictions"));
    m_evaluation = new EvaluatePanel;
    m_tabs->insertTab(EvaluateTab, new TabScroll(m_evaluation), tr("Evaluate"));
    m_tabs->insertTab(DrawTab, m_draw, tr("Draw a digit"));
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int tab) {
        const std::size_t epochs = m_session->history().epochSummaries().size();
        if (tab == PredictionsTab && epochs != m_predictedEpochs) {
            m_predictions->setModel(m_session->model());
            m_predictedEpochs = epochs;
        }
    });

    // The bar never scrolls: its titles shorten instead.
    m_tabTitles = new TabTitles(m_tabs);
    m_tabTitles->setTitles(m_weights, tr("First-layer weights"), tr("Weights"));
    m_tabTitles->setTitles(m_tabs->widget(PredictionsTab), tr("Predictions"), tr("Predictions"));
    m_tabTitles->setTitles(m_tabs->widget(EvaluateTab), tr("Evaluate"), tr("Evaluate"));
    m_tabTitles->setTitles(m_draw, tr("Draw a digit"), tr("Draw"));
    m_tabTitles->setTitles(m_curves, tr("Charts"), tr("Charts"));

    m_split = new QSplitter(Qt::Vertical);
    m_split->addWidget(m_curves);
    m_split->addWidget(m_tabs);
    m_split->setStretchFactor(0, 5);
    m_split->setStretchFactor(1, 4);
    m_split->setChildrenCollapsible(false);
    auto *split = m_split;

    m_previous = new FittingLabel(
        {tr("Below: the model trained before the recipe changed. The code and Total params are the "
            "recipe's: Train to see it."),
         tr("Below: the model trained before the recipe changed; Train for the new one."),
         tr("Below: the previous model; Train for the new one."), tr("Below: the previous model")});
    m_previous->setObjectName(QStringLiteral("previousModel"));
    m_previous->setAutoFillBackground(true);
    m_previous->setMargin(3);
    QPalette notice = m_previous->palette();
    notice.setColor(QPalette::Window, QColor(0xFF, 0xF1, 0xC2)); // a note's yellow, light or dark
    notice.setColor(QPalette::WindowText, QColor(0x5A, 0x40, 0x00));
    m_previous->setPalette(notice);
    m_previous->hide();

    auto *main = new QWidget;
    auto *layout = new QVBoxLayout(main);
    layout->setContentsMargins(6, 6, 0, 6);
    layout->addWidget(m_progress);
    layout->addWidget(m_previous);
    layout->addWidget(split, 1);
    return main;
}

QWidget *TrainPage::buildPredictionsTab()
{
    m_predictions = new PredictionGrid;
    m_predictions->setObjectName(QStringLiteral("predictionGrid"));
    m_predictionFirst = new QSpinBox;
    m_predictionFirst->setObjectName(QStringLiteral("predictionFirst"));
    m_predictionFirst->setSingleStep(PredictionGrid::kPerPage);
    m_predictionFirst->setPrefix(QStringLiteral("test_images["));
    m_predictionFirst->setToolTip(tr("The first of the ten test digits shown"));
    // Shortens rather than widening the tab past a 1024-pixel projector's main area.
    auto *summary = new FittingLabel({});
    connect(m_predictionFirst, &QSpinBox::valueChanged, m_predictions, &PredictionGrid::setFirst);
    // The slice as listing 2.6 writes it: test_images[0:10], test_images[10:20] ...
    auto showSlice = [this] {
        m_predictionFirst->setSuffix(
            QStringLiteral(":%1]").arg(m_predictions->first() + m_predictions->count()));
    };
    showSlice();
    connect(m_predictions, &PredictionGrid::predictionsChanged, this, [this, summary, showSlice] {
        const int n = m_predictions->count();
        const int right = m_predictions->rightCount();
        summary->setWordings(
            n > 0 && m_predictions->predicted(0) >= 0
                ? QStringList{tr("%1 of these %2 predicted right").arg(right).arg(n),
                              tr("%1 of %2 right").arg(right).arg(n)}
                : QStringList{});
        showSlice();
        updateCode();
    });
    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Digits")));
    bar->addWidget(m_predictionFirst);
    bar->addWidget(summary, 1);
    auto *tab = new QWidget;
    auto *layout = new QVBoxLayout(tab);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(m_predictions, 1);
    return tab;
}

QWidget *TrainPage::buildSide()
{
    m_editor = new RecipeEditor;
    m_save = new QPushButton(tr("Save model..."));
    m_load = new QPushButton(tr("Load model..."));
    m_exportCsv = new QPushButton(tr("Export history CSV..."));
    m_exportPng = new QPushButton(tr("Export charts PNG..."));
    m_save->setToolTip(tr("model.save: the architecture and weights, in Uncrumple's .ucm format"));
    connect(m_save, &QPushButton::clicked, this, &TrainPage::askSaveModel);
    connect(m_load, &QPushButton::clicked, this, &TrainPage::askLoadModel);
    connect(m_exportCsv, &QPushButton::clicked, this, &TrainPage::askExportCsv);
    connect(m_exportPng, &QPushButton::clicked, this, &TrainPage::askExportPng);
    auto *files = new QGridLayout;
    files->addWidget(m_save, 0, 0);
    files->addWidget(m_load, 0, 1);
    files->addWidget(m_exportCsv, 1, 0);
    files->addWidget(m_exportPng, 1, 1);

    auto *side = new QWidget;
    auto *layout = new QVBoxLayout(side);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_editor);
    layout->addLayout(files);
    // Only as tall as its controls: the code panel below gets the rest.
    side->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    return side;
}

// ---- Training -------------------------------------------------------------------------------

void TrainPage::onTrain()
{
    const RecipeCheck check = m_editor->check();
    if (!check.ok) {
        m_progress->setMessage(check.error, TrainProgress::Tone::Error);
        return;
    }
    const MnistSnapshot snapshot = context()->data()->data();
    if (!hasDigitImages(*snapshot)) {
        m_progress->setMessage(
            tr("This page trains on 28 x 28 digits; the loaded data set's "
               "images are %1. Open an MNIST-like folder (File > Open data "
               "folder).")
                .arg(QString::fromStdString(core::formatShape(snapshot->testImages.shape()))),
            TrainProgress::Tone::Error);
        return;
    }
    m_progress->setMessage({});
    m_progressLine.clear();
    m_ownRun = true;
    m_session->start(check.recipe, snapshot);
    if (m_session->isTraining())
        m_modelInput = m_editor->input();
    else
        m_ownRun = false;
    updatePreviousModel();
}

void TrainPage::onPauseResume()
{
    if (m_session->state() == TrainSession::State::Paused)
        m_session->resume();
    else
        m_session->pause();
}

void TrainPage::onStateChanged()
{
    if (m_session->state() == TrainSession::State::Paused)
        m_progress->setMessage(tr("Paused. Resume to continue from the same batch; the paused time "
                                  "is not counted."));
    else if (m_session->state() == TrainSession::State::Training &&
             !m_progress->message().isEmpty() && m_session->history().epochs() > 0)
        m_progress->setMessage({});
    updateButtons();
}

void TrainPage::onStarted()
{
    // A run this page did not start is the Hidden page's: the book's recipe.
    if (!m_ownRun) {
        m_modelInput = RecipeInput::book();
        updatePreviousModel();
    }
    m_ownRun = false;
    m_progress->start(m_session->run(), m_modelInput && m_modelInput->validate);
    refreshCurves();
}

void TrainPage::onProgressed()
{
    // A hidden page spends nothing: the curves are redrawn in full when it is shown again.
    if (!isVisible()) return;
    m_progressPending = true;
    if (!m_refresh->isActive()) m_refresh->start();
}

void TrainPage::refreshCurves()
{
    m_curves->showHistory(m_session->history());
    // After the run the bar says how it ended (TrainProgress::finish), not the last batch's time.
    if (m_session->isTraining() && m_session->latest().epoch > 0)
        m_progress->showBatch(m_session->latest());
}

void TrainPage::onEpochEnded(const core::nn::EpochSummary &summary)
{
    m_progress->showEpoch(summary);
    m_progressLine = epochLine(summary, m_modelInput && m_modelInput->validate);
    if (isVisible()) refreshCurves();
}

void TrainPage::onModelChanged()
{
    const ModelSnapshot model = m_session->model();
    m_weights->setModel(model);
    m_draw->setModel(model);
    // Listing 2.6's predictions are refreshed after each epoch, not at every model copy.
    const std::size_t epochs = m_session->history().epochSummaries().size();
    // While training, only a visible grid predicts (GUI time is training time); it catches up
    // when its tab is opened.
    if (!m_session->isTraining() ||
        (epochs != m_predictedEpochs && m_tabs->currentIndex() == PredictionsTab)) {
        m_predictions->setModel(model);
        m_predictedEpochs = epochs;
    }
    updateButtons();
}

void TrainPage::onFinished(const ui::TrainOutcome &outcome)
{
    refreshCurves();
    m_progress->finish(outcome.status);
    m_predictions->setModel(m_session->model());
    const TrainStart &run = m_session->run();
    switch (outcome.status) {
    case core::nn::TrainStatus::Finished:
        m_progress->setMessage(tr("Trained %1 of %2 batches in %3 s on %4 threads. "
                                  "Evaluating the %5 test digits...")
                                   .arg(epochCount(run.epochs))
                                   .arg(run.stepsPerEpoch)
                                   .arg(outcome.seconds, 0, 'f', 1)
                                   .arg(run.threads)
                                   .arg(thousands(run.testSamples)),
                               TrainProgress::Tone::Success);
        break;
    case core::nn::TrainStatus::Cancelled:
        m_progress->setMessage(
            tr("Stopped (%1). The weights so far are kept.").arg(outcome.message));
        break;
    case core::nn::TrainStatus::Diverged:
        m_progress->setMessage(
            tr("Training diverged: %1. Try a smaller learning rate.").arg(outcome.message),
            TrainProgress::Tone::Error);
        break;
    }
    if (m_dataPending) onDataChanged();
    updatePreviousModel();
    updateButtons();
    updateCode();
    if (!m_session->isEvaluating()) emit settled();
}

void TrainPage::onFailed(const QString &message)
{
    m_progress->setMessage(tr("Could not train: %1").arg(message), TrainProgress::Tone::Error);
    updateButtons();
    emit settled();
}

// ---- Evaluation -----------------------------------------------------------------------------

void TrainPage::onEvaluation()
{
    const EvaluationSnapshot eval = m_session->evaluation();
    m_evaluation->setEvaluation(eval);
    if (eval && m_session->outcome() &&
        m_session->outcome()->status == core::nn::TrainStatus::Finished)
        m_progress->setMessage(tr("Trained %1 in %2 s. test_acc: %3")
                                   .arg(epochCount(m_session->run().epochs))
                                   .arg(m_session->outcome()->seconds, 0, 'f', 1)
                                   .arg(eval->evaluation.accuracy, 0, 'f', 4),
                               TrainProgress::Tone::Success);
    if (m_dataPending) onDataChanged(); // a data set that arrived during the run
    updateButtons();
    updateCode();
    if (eval && !m_session->isTraining()) emit settled();
}

void TrainPage::drawTestDigit(int index)
{
    const MnistSnapshot snapshot = context()->data()->data();
    const qint64 n = snapshot->testImages.shape()[0];
    if (n == 0 || !hasDigitImages(*snapshot)) return;
    index = static_cast<int>(std::clamp<qint64>(index, 0, n - 1));
    // As the book shows it (binary colormap): the canvas reads darkness as ink.
    m_draw->canvas()->setDrawing(testDigitImage(*snapshot, index));
    m_draw->setCaption(
        tr("test_images[%1] (label %2): draw over it, or erase with the right button")
            .arg(index)
            .arg(snapshot->testLabels.data<std::uint8_t>()[index]));
    m_nextTestDigit = index + 1;
}

void TrainPage::onTestDigitRequested()
{
    drawTestDigit(m_nextTestDigit);
}

bool TrainPage::trainEpochs(int epochs)
{
    m_editor->epochsBox()->setValue(epochs);
    if (!m_train->isEnabled()) return false;
    onTrain();
    return m_session->isTraining();
}

QString TrainPage::evaluationText() const
{
    return m_evaluation->summary();
}

QString TrainPage::cellCaption() const
{
    return m_evaluation->cellCaption();
}

ConfusionView *TrainPage::confusion() const
{
    return m_evaluation->confusion();
}

DigitList *TrainPage::digitList() const
{
    return m_evaluation->digitList();
}

// ---- Data, state and code -------------------------------------------------------------------

void TrainPage::onDataChanged()
{
    // A run keeps the data it started with; the new set is shown once it is over.
    if (m_session->isTraining() || m_session->isEvaluating()) {
        m_dataPending = true;
        return;
    }
    m_dataPending = false;
    const MnistSnapshot snapshot = context()->data()->data();
    m_predictions->setData(snapshot);
    m_predictionFirst->setMaximum(std::max(0, m_predictions->testCount() - 1));
    const EvaluationSnapshot eval = m_session->evaluation();
    if (eval && eval->data != snapshot) m_evaluation->setOutdated();
    updateCode();
}

void TrainPage::onRecipeChanged()
{
    if (m_session->history().isEmpty()) m_curves->setEpochs(m_editor->epochsBox()->value());
    const RecipeCheck check = m_editor->check();
    if (!check.ok && !m_session->isTraining())
        m_progress->setMessage({}); // the editor shows the error in place
    updatePreviousModel();
    updateButtons();
    updateCode();
}

bool TrainPage::showsPreviousModel() const
{
    return m_session->model() && m_modelInput && !(*m_modelInput == m_editor->input());
}

QString TrainPage::previousModelNote() const
{
    return m_previous->isHidden() ? QString() : m_previous->text();
}

void TrainPage::updatePreviousModel()
{
    const bool previous = showsPreviousModel() && !m_session->isTraining();
    if (m_previous->isHidden() == previous) m_previous->setVisible(previous);
    // Total params is the recipe's: untrained when its layers are not the shown model's.
    bool otherLayers = false;
    if (previous) {
        const RecipeCheck now = m_editor->check(), then = checkRecipe(*m_modelInput);
        otherLayers = !now.ok || !then.ok || now.recipe.layers.size() != then.recipe.layers.size();
        for (std::size_t i = 0; !otherLayers && i < now.recipe.layers.size(); ++i)
            otherLayers = now.recipe.layers[i].units != then.recipe.layers[i].units ||
                          now.recipe.layers[i].activation != then.recipe.layers[i].activation;
    }
    m_editor->setUntrained(otherLayers);
}

void TrainPage::updateButtons()
{
    const auto state = m_session->state();
    const bool idle = state == TrainSession::State::Idle && !m_session->isEvaluating();
    const bool running =
        state == TrainSession::State::Training || state == TrainSession::State::Paused;
    const RecipeCheck check = m_editor->check();
    m_train->setEnabled(idle && check.ok);
    m_train->setToolTip(check.ok ? tr("model.fit with the recipe on the right, from new weights "
                                      "(Ctrl+Enter)")
                                 : check.error);
    m_pause->setEnabled(running);
    m_pause->setText(state == TrainSession::State::Paused ? tr("Resume") : tr("Pause"));
    m_stop->setEnabled(running);
    m_evaluate->setEnabled(idle && m_session->model() != nullptr);
    m_save->setEnabled(m_session->model() != nullptr);
    m_load->setEnabled(idle);
    m_exportCsv->setEnabled(!m_session->history().isEmpty());
    m_editor->setLocked(!idle);
}

void TrainPage::updateCode()
{
    // The recipe is fixed while training, and re-laying the code out costs training time: the
    // panel catches up when the run ends.
    if (m_session->isTraining()) return;
    const MnistSnapshot snapshot = context()->data()->data();
    TrainCodeFacts f;
    f.trainCount = snapshot->trainImages.shape()[0];
    f.testCount = snapshot->testImages.shape()[0];
    f.sample = snapshot->origin == "embedded sample";
    // The measured facts are the shown model's: code of another recipe leaves them out.
    f.previousModel = showsPreviousModel();
    if (!f.previousModel) f.progressLine = m_progressLine;
    f.firstPrediction = m_predictions->first();
    if (m_predictions->count() > 0) {
        f.label = m_predictions->label(0);
        const int p = m_predictions->predicted(0);
        if (p >= 0 && !f.previousModel) {
            f.predicted = p;
            f.probability = m_predictions->probabilities(0)[static_cast<std::size_t>(p)];
        }
    }
    if (const EvaluationSnapshot eval = m_session->evaluation(); eval && !f.previousModel) {
        f.testLoss = eval->evaluation.loss;
        f.testAccuracy = eval->evaluation.accuracy;
    }
    f.weightUnit = m_weights->selectedUnit();
    const RecipeCheck check = m_editor->check();
    if (const ModelSnapshot model = m_session->model();
        model && model->layerCount() > 0 && !f.previousModel)
        f.firstLayerUnits = model->layer(0).units;
    else if (check.ok)
        f.firstLayerUnits = check.recipe.layers.front().units;
    codePanel()->setCode(trainCode(m_editor->input(), f));
}

void TrainPage::applyScale()
{
    const double scale = context()->scale();
    m_curves->setLineScale(scale);
    m_curves->setProjectorColours(context()->presentationMode());
    m_weights->setLineScale(scale);
    m_evaluation->setThumbnailSize(static_cast<int>(42 * scale));
    // A projector's 800 or 768 lines hold the charts (a third of each for its plot) or the
    // evaluation's ten rows, not both: in presentation mode each gets the whole area, as a tab.
    setChartsInTab(context()->presentationMode());
}

bool TrainPage::chartsAreATab() const
{
    return m_tabs->indexOf(m_curves) >= 0;
}

void TrainPage::setChartsInTab(bool inTab)
{
    if (inTab == chartsAreATab()) return;
    if (inTab) {
        m_tabs->insertTab(ChartsTab, m_curves, tr("Charts"));
        m_tabs->setCurrentWidget(m_curves);
    } else {
        const bool charts = m_tabs->currentWidget() == m_curves;
        m_tabs->removeTab(m_tabs->indexOf(m_curves));
        m_split->insertWidget(0, m_curves);
        m_split->setStretchFactor(0, 5);
        m_split->setStretchFactor(1, 4);
        m_curves->show();
        if (charts) m_tabs->setCurrentIndex(WeightsTab);
    }
    m_tabTitles->fit();
}

void TrainPage::showTab(Tab tab)
{
    if (tab == ChartsTab) {
        if (chartsAreATab()) m_tabs->setCurrentWidget(m_curves);
        return;
    }
    m_tabs->setCurrentIndex(tab);
}

void TrainPage::activated()
{
    refreshCurves();
}

void TrainPage::showEvent(QShowEvent *event)
{
    Page::showEvent(event);
    if (m_dataPending) onDataChanged();
    refreshCurves();
}

QImage TrainPage::exportImage()
{
    return mainArea()->grab().toImage();
}

// ---- Files ----------------------------------------------------------------------------------

bool TrainPage::report(const FileOutcome &outcome)
{
    m_progress->setMessage(outcome.message,
                           outcome.ok ? TrainProgress::Tone::Success : TrainProgress::Tone::Error);
    return outcome.ok;
}

bool TrainPage::saveModelTo(const QString &path)
{
    const ModelSnapshot model = m_session->model();
    if (!model) return report({false, tr("There is no model to save yet: train or load one.")});
    return report(saveModelFile(path, *model, m_session->optimizerName()));
}

bool TrainPage::loadModelFrom(const QString &path)
{
    if (m_session->isTraining() || m_session->isEvaluating())
        return report({false, tr("Stop training before loading a model.")});
    LoadedModel loaded = loadModelFile(path, m_editor->input());
    if (!loaded.outcome.ok) return report(loaded.outcome);
    m_editor->setInput(loaded.recipe);
    m_modelInput = loaded.recipe;
    m_progressLine.clear();
    m_session->setModel(loaded.model, loaded.optimizer);
    updatePreviousModel();
    report({true, loaded.outcome.message + tr(" Evaluating...")});
    refreshCurves();
    m_session->evaluate(context()->data()->data());
    updateButtons();
    return true;
}

bool TrainPage::exportHistoryCsv(const QString &path)
{
    const TrainHistory &h = m_session->history();
    return report(writeTextFile(
        path, h.toCsv(), tr("%1 batches").arg(thousands(static_cast<qint64>(h.batches().size())))));
}

bool TrainPage::exportChartsPng(const QString &path)
{
    return report(writePngFile(path, m_curves->render(), tr("the charts")));
}

void TrainPage::askSaveModel()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save model"), QStringLiteral("mnist-model.ucm"), tr("Uncrumple models (*.ucm)"));
    if (!path.isEmpty()) saveModelTo(path);
}

void TrainPage::askLoadModel()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Load model"), QString(), tr("Uncrumple models (*.ucm);;All files (*)"));
    if (!path.isEmpty()) loadModelFrom(path);
}

void TrainPage::askExportCsv()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export history"), QStringLiteral("history.csv"), tr("CSV files (*.csv)"));
    if (!path.isEmpty()) exportHistoryCsv(path);
}

void TrainPage::askExportPng()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export charts"), QStringLiteral("training.png"), tr("PNG images (*.png)"));
    if (!path.isEmpty()) exportChartsPng(path);
}

} // namespace ui
