#include "ui/uncrumple/uncrumplepage.h"

#include "core/geometry/ticks.h"
#include "core/manifold/datakind.h"
#include "ui/common/codepanel.h"
#include "ui/common/pageshortcut.h"
#include "ui/common/palette.h"
#include "ui/common/playbar.h"
#include "ui/common/playhead.h"
#include "ui/shell/appcontext.h"
#include "ui/train/curvechart.h"
#include "ui/train/trainrecipe.h"
#include "ui/train/trainsession.h"
#include "ui/uncrumple/layerprobe.h"
#include "ui/uncrumple/layerprobelist.h"
#include "ui/uncrumple/manifoldview.h"
#include "ui/uncrumple/planeclip.h"
#include "ui/uncrumple/uncrumplecontrols.h"

#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <exception>
#include <utility>

namespace ui {

namespace {

QString qs(std::string_view s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

QString activationText(core::nn::Activation a)
{
    return qs(core::nn::activationName(a));
}

// Point colours: the two classes in the app's first two digit colours (Tableau blue and orange,
// colour-blind safe), as the two sheets of paper of figure 2.14.
QColor classColour(int label)
{
    return palette::digit(label == 0 ? 0 : 1);
}

QString number(double v)
{
    return QString::number(v, 'f', std::abs(v) >= 100 ? 1 : 3);
}

constexpr int kUpdateMs = 40;
// Training paced to at most 100 epochs a second: the 300 epochs of the 3D recipe take about 3 s,
// slow enough to watch the layers uncrumple, fast enough not to wait.
constexpr int kEpochMs = 10;

} // namespace

UncrumplePage::UncrumplePage(AppContext *context, QWidget *parent)
    : Page(context, parent), m_view(new ManifoldView), m_playhead(new Playhead(this)),
      m_playBar(new PlayBar(m_playhead)), m_controls(new UncrumpleControls),
      m_layers(new LayerProbeList),
      m_curves(new CurveChart(tr("Training"), tr("epoch"), tr("loss, accuracy"))),
      m_session(new TrainSession(this)), m_probe(new LayerProbe(this))
{
    m_view->setObjectName(QStringLiteral("manifoldView"));
    m_layers->setObjectName(QStringLiteral("layerList"));
    m_curves->setObjectName(QStringLiteral("curves"));
    m_playBar->setWording({tr("Back to the input (Home)"), tr("To the output (End)"),
                           tr("Play the layers (Space): each passage's linear map W, then its "
                              "shift b, then its activation"),
                           tr("Scrub through the layers: each passage's W, then b, then the "
                              "activation"),
                           tr("input"), tr("output")});
    m_curves->addCurve(tr("loss"), palette::lossCurve(false), 2.0, true);
    m_curves->addCurve(tr("accuracy"), palette::accuracyCurve(false), 2.0, true);
    m_curves->setXRange(0, 1, 1);
    m_curves->setYExtent(0, 1);
    m_session->setIntervals(50, 100);
    m_session->setMinimumEpochMs(kEpochMs);

    setBody(buildMain(), buildSide());
    codePanel()->setTitle(tr("The same in Keras"), tr("Keras"));
    // Shortened, not wrapped: a wrapping title lays the column out by height for width, where the
    // code panel keeps its full height and the form above was cut on a 768-line projector.
    codePanel()->setTitleWraps(false);

    m_view->setDescriber([this](int i) { return describePoint(i); });
    connect(m_probe, &LayerProbe::measured, m_layers, &LayerProbeList::setAccuracies);

    connect(m_playhead, &Playhead::timeChanged, this, &UncrumplePage::onTime);
    connect(m_layers, &LayerProbeList::stageClicked, this, &UncrumplePage::showStage);
    connect(m_controls, &UncrumpleControls::dataChanged, this, &UncrumplePage::regenerate);
    connect(m_controls, &UncrumpleControls::networkChanged, this, &UncrumplePage::rebuildNetwork);
    connect(m_controls, &UncrumpleControls::trainingChanged, this, &UncrumplePage::refreshCode);
    connect(m_controls, &UncrumpleControls::trainClicked, this, &UncrumplePage::onTrain);
    connect(m_controls, &UncrumpleControls::stepClicked, this, &UncrumplePage::onStep);
    connect(m_controls, &UncrumpleControls::resetClicked, this, &UncrumplePage::onReset);
    connect(m_controls, &UncrumpleControls::widenRequested, this,
            [this] { m_controls->setHiddenWidths(QStringLiteral("4,4,4")); });

    // Training sends a model and an epoch summary at every epoch's end, hundreds a second for
    // these small networks: they are merged into one update of the views every kUpdateMs.
    m_updateTimer.setSingleShot(true);
    m_updateTimer.setInterval(kUpdateMs);
    connect(&m_updateTimer, &QTimer::timeout, this, &UncrumplePage::applyTrainingUpdate);
    connect(m_session, &TrainSession::modelChanged, this, [this] {
        if (m_ignoreRun || !m_session->isTraining()) return;
        m_pendingModel = m_session->model();
        if (!m_updateTimer.isActive()) m_updateTimer.start();
    });
    connect(m_session, &TrainSession::epochEnded, this, [this](const core::nn::EpochSummary &s) {
        if (m_ignoreRun) return;
        m_loss.push_back(s.loss);
        m_accuracy.push_back(s.accuracy);
        if (!m_updateTimer.isActive()) m_updateTimer.start();
    });
    connect(m_session, &TrainSession::stateChanged, this, [this](TrainSession::State state) {
        if (state == TrainSession::State::Idle || state == TrainSession::State::Paused) {
            // What training left, at once (the timer may still hold it back).
            m_updateTimer.stop();
            if (!m_ignoreRun && m_session->model()) m_pendingModel = m_session->model();
            if (!m_ignoreRun) applyTrainingUpdate();
        }
        if (state == TrainSession::State::Idle) m_ignoreRun = false;
        m_controls->setTrainingState(state == TrainSession::State::Training,
                                     state == TrainSession::State::Paused);
        m_controls->trainButton()->setEnabled(state != TrainSession::State::Stopping);
        refreshStatus();
        if (state == TrainSession::State::Idle || state == TrainSession::State::Paused)
            emit trainingIdle();
    });
    connect(m_session, &TrainSession::failed, this, [this](const QString &message) {
        m_controls->setStatus(tr("Training stopped: %1").arg(message));
    });

    connect(context, &AppContext::presentationModeChanged, this,
            &UncrumplePage::applyPresentationMode);
    applyPresentationMode();

    installShortcuts();
    regenerate();
}

UncrumplePage::~UncrumplePage() = default;

QWidget *UncrumplePage::buildMain()
{
    auto *main = new QWidget;
    auto *layout = new QVBoxLayout(main);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_view, 1);
    m_playRow = new QWidget;
    auto *row = new QHBoxLayout(m_playRow);
    row->setContentsMargins(0, 0, 6, 0);
    row->addWidget(m_playBar, 1);
    auto *turn = new QToolButton;
    turn->setObjectName(QStringLiteral("autoRotate"));
    turn->setText(tr("Turn"));
    turn->setToolTip(tr("Turn the scene slowly, for a projector (R)"));
    turn->setCheckable(true);
    turn->setFocusPolicy(Qt::NoFocus);
    connect(turn, &QToolButton::toggled, m_view, &ManifoldView::setAutoRotate);
    connect(m_view, &ManifoldView::autoRotateChanged, turn, &QToolButton::setChecked);
    row->addWidget(turn);
    layout->addWidget(m_playRow);
    return main;
}

QWidget *UncrumplePage::buildSide()
{
    auto *side = new QWidget;
    auto *layout = new QVBoxLayout(side);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_controls);
    layout->addWidget(m_layers);
    m_curves->setMinimumHeight(140);
    layout->addWidget(m_curves, 1);
    return side;
}

void UncrumplePage::installShortcuts()
{
    auto add = [this](const QKeySequence &keys, auto slot) { addPageShortcut(this, keys, slot); };
    add(QKeySequence(Qt::Key_Space), [this] { m_playhead->togglePlay(); });
    add(QKeySequence(Qt::Key_Right), [this] { m_playhead->stepForward(); });
    add(QKeySequence(Qt::Key_Left), [this] { m_playhead->stepBack(); });
    add(QKeySequence(Qt::Key_PageDown), [this] { m_playhead->stepForward(); });
    add(QKeySequence(Qt::Key_PageUp), [this] { m_playhead->stepBack(); });
    add(QKeySequence(Qt::Key_Home), [this] { m_playhead->seek(0); });
    add(QKeySequence(Qt::Key_End), [this] { m_playhead->seekEnd(); });
    add(QKeySequence(Qt::Key_R), [this] { m_view->setAutoRotate(!m_view->autoRotate()); });
}

void UncrumplePage::applyPresentationMode()
{
    const bool projector = context()->presentationMode();
    m_view->setPresentationScale(context()->scale());
    m_layers->setPresentationScale(context()->scale());
    m_curves->setLineScale(context()->scale());
    m_curves->setCurveColour(0, palette::lossCurve(projector));
    m_curves->setCurveColour(1, palette::accuracyCurve(projector));
}

void UncrumplePage::activated()
{
    m_view->update();
}

void UncrumplePage::regenerate()
{
    core::manifold::GeneratorOptions g = m_controls->generatorOptions();
    // Each kind of data comes with the optimizer and learning rate it trains well with.
    if (!m_kind || *m_kind != g.kind) {
        m_kind = g.kind;
        m_controls->setOptimizer(core::manifold::TrainingRecipe::defaults(g.kind).optimizer);
    }
    try {
        g.validate();
        core::manifold::LabeledPoints points = core::manifold::generate(g);
        std::vector<std::uint32_t> colours(static_cast<std::size_t>(points.size()));
        for (std::size_t i = 0; i < colours.size(); ++i)
            colours[i] = packRgba(classColour(points.labels[i]));
        m_probe->setData(std::make_shared<const core::manifold::LabeledPoints>(points));
        m_scene.setData(std::move(points), m_knots);
        m_view->setPointColours(std::move(colours));
        LatticeTopology topology;
        topology.nodes = m_scene.nodeCount();
        topology.edges = m_scene.edges();
        topology.cells = m_scene.cells();
        QColor line = palette().color(QPalette::Text);
        m_view->setLattice(topology, packRgba(line, 0.45));
    } catch (const std::exception &e) {
        m_controls->setStatus(tr("Data: %1").arg(QString::fromStdString(e.what())));
        return;
    }
    rebuildNetwork();
    QVector3D lo, hi;
    m_scene.sceneBox(&lo, &hi);
    m_view->frame(lo, hi, m_scene.dims() == 2);
}

void UncrumplePage::setLatticeKnots(int knots)
{
    if (knots == m_knots || knots < 2) return;
    m_knots = knots;
    regenerate();
}

void UncrumplePage::rebuildNetwork()
{
    if (m_session->isTraining()) {
        m_ignoreRun = true;
        m_session->stop();
    }
    const auto spec = m_controls->networkSpec();
    if (!spec) {
        // The form says why; nothing trains until the network is valid again.
        m_model.reset();
        return;
    }
    m_spec = *spec;
    m_spec.inputs = m_scene.dims();
    m_loss.clear();
    m_accuracy.clear();
    try {
        m_model = std::make_shared<const core::nn::Sequential>(
            m_spec.build(m_controls->generatorOptions().seed));
    } catch (const std::exception &e) {
        m_controls->setStatus(QString::fromStdString(e.what()));
        return;
    }
    const int stage = m_layers->current();
    const QStringList names = stageNames();
    QStringList details;
    details << tr("%1 coordinates").arg(m_scene.dims());
    for (int i = 0; i < m_spec.hiddenLayers(); ++i)
        details << QStringLiteral("Dense(%1, %2)")
                       .arg(m_spec.widths[static_cast<std::size_t>(i)])
                       .arg(activationText(m_spec.activation));
    details << QStringLiteral("Dense(2, softmax)");
    m_layers->setStages(names, details);
    m_playhead->setPhaseCount(3 * static_cast<int>(m_spec.widths.size()));
    setModel(m_model);
    showStage(std::min(stage, static_cast<int>(m_spec.widths.size())));
    refreshCurves();
    refreshCode();
    refreshStatus();
    refreshWarning();
}

QStringList UncrumplePage::stageNames() const
{
    QStringList names{tr("input")};
    const int hidden = m_spec.hiddenLayers();
    for (int i = 1; i <= hidden; ++i)
        names << tr("layer %1").arg(i);
    names << tr("output");
    return names;
}

void UncrumplePage::applyTrainingUpdate()
{
    if (m_pendingModel) setModel(std::exchange(m_pendingModel, nullptr));
    refreshCurves();
    refreshStatus();
}

void UncrumplePage::setModel(const ModelSnapshot &model)
{
    if (!model) return;
    m_model = model;
    m_scene.setModel(*model);
    // 2D data: the decision regions, each region-mesh vertex shaded by P(class 1) at its input.
    if (m_scene.dims() == 2) {
        const std::vector<float> &p = m_scene.probability();
        std::vector<std::uint32_t> cells(p.size(), 0u);
        const QColor c0 = classColour(0), c1 = classColour(1);
        for (std::size_t i = static_cast<std::size_t>(m_scene.latticeVertices()); i < p.size();
             ++i) {
            const double q = p[i];
            const QColor c = q >= 0.5 ? c1 : c0;
            // Strongest where the network is sure; clear along the boundary.
            cells[i] = packRgba(c, std::min(1.0, std::abs(q - 0.5) * 2.0) * 0.8 + 0.2);
        }
        m_view->setCellColours(std::move(cells));
    } else {
        m_view->setCellColours({});
    }
    m_probe->request(model);
    refreshFrame();
}

void UncrumplePage::showStage(int stage)
{
    m_playhead->seek(3.0 * stage);
    refreshFrame();
}

void UncrumplePage::onTime(double)
{
    refreshFrame();
}

void UncrumplePage::refreshFrame()
{
    m_scene.evaluate(m_playhead->time(), m_frame);
    m_view->setPoints(m_frame.points);
    m_view->setLatticeNodes(m_frame.nodes);
    m_layers->setCurrent(m_frame.stage);

    // The axes' box: the stage's, or both ends' during a passage.
    QVector3D lo, hi;
    m_scene.stageBox(m_frame.stage, &lo, &hi);
    if (m_frame.passage > 0) {
        QVector3D lo2, hi2;
        m_scene.stageBox(m_frame.passage, &lo2, &hi2);
        lo = QVector3D(std::min(lo.x(), lo2.x()), std::min(lo.y(), lo2.y()),
                       std::min(lo.z(), lo2.z()));
        hi = QVector3D(std::max(hi.x(), hi2.x()), std::max(hi.y(), hi2.y()),
                       std::max(hi.z(), hi2.z()));
    }
    const bool flat = m_scene.dims() == 2 && std::abs(hi.z() - lo.z()) < 1e-6f;
    QStringList axes;
    const QStringList names = stageNames();
    if (m_frame.projected) {
        axes << QStringLiteral("PC 1") << QStringLiteral("PC 2") << QStringLiteral("PC 3");
    } else if (m_frame.passage == 0 && m_frame.stage == 0) {
        axes << QStringLiteral("x") << QStringLiteral("y") << QStringLiteral("z");
    } else if (m_frame.passage == 0 && m_frame.stage == m_scene.layers()) {
        axes << QStringLiteral("P(class 0)") << QStringLiteral("P(class 1)") << QString();
    } else {
        axes << QStringLiteral("unit 1") << QStringLiteral("unit 2") << QStringLiteral("unit 3");
    }
    m_view->setAxes(lo, hi, axes, flat);

    // The separating plane, at the last hidden layer and the output.
    std::vector<ColourVertex> surfaces;
    if (m_frame.passage == 0 && !m_frame.projected) {
        if (const auto plane = m_scene.planeAt(m_frame.stage)) {
            const QVector3D pad = (hi - lo) * 0.08f;
            surfaces = clipPlaneToBox(plane->normal, plane->offset, lo - pad, hi + pad,
                                      packRgba(palette().color(QPalette::Text), 0.16));
        }
    }
    m_view->setSurfaces(std::move(surfaces));

    QStringList caption;
    const int k = m_scene.layers();
    if (m_frame.passage == 0) {
        const int i = m_frame.stage;
        QString title = names.value(i);
        if (i == 0)
            title =
                tr("input: %1")
                    .arg(qs(core::manifold::dataKindTitle(m_controls->generatorOptions().kind)));
        else if (i == k)
            title = tr("output: Dense(2, softmax), the two class probabilities");
        else
            title = tr("layer %1: Dense(%2, %3)")
                        .arg(i)
                        .arg(m_spec.widths[static_cast<std::size_t>(i - 1)])
                        .arg(activationText(m_spec.activation));
        caption << title;
        if (i == k - 1 && m_scene.dims() == 3 && !m_frame.projected)
            caption << tr("the grey plane: where the output layer separates the classes");
    } else {
        const int i = m_frame.passage;
        const QString act = i == k ? QStringLiteral("softmax") : activationText(m_spec.activation);
        caption << tr("%1 → %2").arg(names.value(i - 1), names.value(i));
        const QString phase = m_frame.phase == 0
                                  ? tr("1/3  the linear map x · W (turn and stretch)")
                              : m_frame.phase == 1 ? tr("2/3  the shift + b")
                                                   : tr("3/3  the activation %1").arg(act);
        caption << phase;
    }
    m_view->setCaption(caption);
    if (m_frame.projected)
        m_view->setNote(tr("%1 dimensions shown by PCA: the 3 components keep %2% of the variance")
                            .arg(m_frame.dimension)
                            .arg(100.0 * m_frame.explained, 0, 'f', 1));
    else
        m_view->setNote({});
}

void UncrumplePage::refreshCurves()
{
    QList<QPointF> loss, accuracy;
    for (std::size_t i = 0; i < m_loss.size(); ++i) {
        loss << QPointF(static_cast<double>(i + 1), m_loss[i]);
        accuracy << QPointF(static_cast<double>(i + 1), m_accuracy[i]);
    }
    m_curves->setCurve(0, loss);
    m_curves->setCurve(1, accuracy);
    const int n = std::max(1, static_cast<int>(m_loss.size()));
    const double interval = core::geometry::niceStep(n / 6.0);
    m_curves->setXRange(0, n, interval);
    double top = 1.0;
    for (double l : m_loss)
        top = std::max(top, l);
    m_curves->setYExtent(0, top);
}

void UncrumplePage::refreshCode()
{
    core::manifold::TrainingRecipe recipe =
        core::manifold::TrainingRecipe::defaults(m_controls->generatorOptions().kind);
    if (const auto optimizer = m_controls->optimizer()) recipe.optimizer = *optimizer;
    codePanel()->setCode(QString::fromStdString(core::manifold::kerasCode(m_spec, recipe)));
}

void UncrumplePage::refreshStatus()
{
    QString text;
    const TrainSession::State state = m_session->state();
    if (m_accuracy.empty())
        text = tr("Untrained: Glorot-uniform weights from seed %1")
                   .arg(m_controls->generatorOptions().seed);
    else
        text = tr("epoch %1 · loss %2 · accuracy %3%")
                   .arg(m_accuracy.size())
                   .arg(m_loss.back(), 0, 'f', 4)
                   .arg(100.0 * m_accuracy.back(), 0, 'f', 1);
    if (state == TrainSession::State::Training) text += tr(" · training");
    if (state == TrainSession::State::Paused) text += tr(" · paused");
    m_controls->setStatus(text);
}

void UncrumplePage::refreshWarning()
{
    using core::manifold::DataKind;
    const bool spheres = m_controls->generatorOptions().kind == DataKind::Spheres;
    const int narrowest = m_spec.widths.empty()
                              ? 0
                              : *std::min_element(m_spec.widths.begin(), m_spec.widths.end() - 1);
    if (spheres && narrowest <= 3)
        m_controls->setWarning(
            tr("<b>A width-3 network cannot untangle nested spheres.</b> Each layer is a "
               "continuous, invertible map of 3D space, which cannot take the inner ball out "
               "of the outer shell. <a href=\"widen\">Try width 4</a>: in a fourth dimension the "
               "ball can leave the shell."));
    else
        m_controls->setWarning({});
}

void UncrumplePage::startRun(int epochs)
{
    const auto optimizer = m_controls->optimizer();
    if (!optimizer || !m_model) return;
    const core::manifold::GeneratorOptions g = m_controls->generatorOptions();
    const core::manifold::TrainingRecipe defaults =
        core::manifold::TrainingRecipe::defaults(g.kind);
    Recipe recipe;
    for (std::size_t i = 0; i < m_spec.widths.size(); ++i)
        recipe.layers.push_back({m_spec.widths[i], i + 1 < m_spec.widths.size()
                                                       ? m_spec.activation
                                                       : core::nn::Activation::Softmax});
    recipe.optimizer = *optimizer;
    recipe.options.epochs = epochs;
    recipe.options.batchSize = defaults.batchSize;
    recipe.options.seed = g.seed + static_cast<std::uint64_t>(m_accuracy.size());
    recipe.options.threads = 1; // the GUI keeps the other core
    recipe.options.testEachEpoch = false;
    m_ignoreRun = false;
    m_session->startOn(recipe, m_scene.data().dataset(), m_model);
}

void UncrumplePage::trainEpochs(int epochs)
{
    if (m_session->isTraining() || epochs < 1) return;
    startRun(epochs);
}

void UncrumplePage::onTrain()
{
    switch (m_session->state()) {
    case TrainSession::State::Idle:
        startRun(
            core::manifold::TrainingRecipe::defaults(m_controls->generatorOptions().kind).epochs);
        break;
    case TrainSession::State::Training:
        m_session->pause();
        break;
    case TrainSession::State::Paused:
        m_session->resume();
        break;
    case TrainSession::State::Stopping:
        break;
    }
}

void UncrumplePage::onStep()
{
    switch (m_session->state()) {
    case TrainSession::State::Idle:
        startRun(
            core::manifold::TrainingRecipe::defaults(m_controls->generatorOptions().kind).epochs);
        m_session->stepEpoch();
        break;
    case TrainSession::State::Training:
    case TrainSession::State::Paused:
        m_session->stepEpoch();
        break;
    case TrainSession::State::Stopping:
        break;
    }
}

void UncrumplePage::onReset()
{
    rebuildNetwork();
}

QString UncrumplePage::describePoint(int index) const
{
    const auto &points = m_scene.data();
    if (index < 0 || index >= points.size()) return {};
    const int label = points.labels[static_cast<std::size_t>(index)];
    QString text = tr("point %1 · class %2").arg(index).arg(label);
    const std::vector<float> c = m_scene.coordinates(m_frame.stage, index);
    QStringList parts;
    for (std::size_t i = 0; i < c.size() && i < 8; ++i)
        parts << number(c[i]);
    if (c.size() > 8) parts << QStringLiteral("…");
    const QString where = stageNames().value(m_frame.stage);
    text += QStringLiteral("\n") + tr("%1: (%2)").arg(where, parts.join(QStringLiteral(", ")));
    if (m_frame.passage > 0)
        text += QStringLiteral("\n") +
                tr("(on its way to %1)").arg(stageNames().value(m_frame.passage));
    return text;
}

} // namespace ui
