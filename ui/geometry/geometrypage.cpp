#include "ui/geometry/geometrypage.h"

#include "ui/common/codepanel.h"
#include "ui/common/pageshortcut.h"
#include "ui/common/playbar.h"
#include "ui/common/playhead.h"
#include "ui/common/pngfile.h"
#include "ui/geometry/chainpanel.h"
#include "ui/geometry/cloudsource.h"
#include "ui/geometry/displaypanel.h"
#include "ui/geometry/figurepresets.h"
#include "ui/geometry/geometrymodel.h"
#include "ui/geometry/numpycode.h"
#include "ui/geometry/planetheme.h"
#include "ui/geometry/planeview.h"
#include "ui/geometry/transformeditor.h"
#include "ui/geometry/vectorpanel.h"
#include "ui/shell/appcontext.h"
#include "ui/shell/datastore.h"

#include <QEvent>
#include <QFileDialog>
#include <QFrame>
#include <QHBoxLayout>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QTimer>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>
#include <numbers>

namespace ui {

namespace {

using core::geometry::Transform;
using core::geometry::TransformKind;

// A new step starts as a clear example of its kind.
Transform defaultStep(TransformKind kind)
{
    Eigen::Matrix2d W;
    switch (kind) {
    case TransformKind::Translation:
        return Transform::translate({1.0, 0.5});
    case TransformKind::Rotation:
        return Transform::rotate(std::numbers::pi / 6);
    case TransformKind::Scaling:
        return Transform::scaleBy(1.5, 0.5);
    case TransformKind::Affine:
        W << 1.0, 0.5, 0.0, 1.0;
        return Transform::affineMap(W, {0.0, 0.0});
    case TransformKind::AffineRelu:
        W << 1.0, -0.5, 0.5, 1.0;
        return Transform::affineMap(W, {-0.5, -0.5}, true);
    }
    return {};
}

QFrame *separator()
{
    auto *line = new QFrame;
    line->setFrameShape(QFrame::HLine);
    line->setFrameShadow(QFrame::Sunken);
    return line;
}

} // namespace

GeometryPage::GeometryPage(AppContext *context, QWidget *parent)
    : Page(context, parent), m_model(new GeometryModel(this)), m_playhead(new Playhead(this)),
      m_plane(new PlaneView), m_playBar(new PlayBar(m_playhead)), m_chain(new ChainPanel),
      m_editor(new TransformEditor), m_vectors(new VectorPanel), m_display(new DisplayPanel),
      m_undo(new QPushButton(tr("Undo"))), m_redo(new QPushButton(tr("Redo")))
{
    m_plane->setObjectName(QStringLiteral("plane"));
    auto *main = new QWidget;
    auto *column = new QVBoxLayout(main);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(0);
    column->addWidget(m_plane, 1);
    column->addWidget(m_playBar);
    setBody(main, buildSide());
    codePanel()->setTitle(tr("The same in NumPy"));

    connect(m_model, &GeometryModel::stateChanged, this, &GeometryPage::onStateChanged);
    connect(m_model, &GeometryModel::chainChanged, this, &GeometryPage::onChainChanged);
    connect(m_playhead, &Playhead::timeChanged, this, &GeometryPage::onTimeChanged);
    m_sideTimer.setSingleShot(true);
    m_sideTimer.setInterval(50);
    connect(&m_sideTimer, &QTimer::timeout, this, &GeometryPage::updateSidePanels);
    connect(m_playhead, &Playhead::movingChanged, this, [this](bool moving) {
        if (!moving) updateSidePanels(); // the exact final values
    });

    connectPlane();
    connectPanels();

    QUndoStack *stack = m_model->undoStack();
    connect(m_undo, &QPushButton::clicked, stack, &QUndoStack::undo);
    connect(m_redo, &QPushButton::clicked, stack, &QUndoStack::redo);
    connect(stack, &QUndoStack::canUndoChanged, m_undo, &QPushButton::setEnabled);
    connect(stack, &QUndoStack::canRedoChanged, m_redo, &QPushButton::setEnabled);
    connect(stack, &QUndoStack::undoTextChanged, m_undo,
            [this](const QString &t) { m_undo->setToolTip(tr("Undo %1 (Ctrl+Z)").arg(t)); });
    connect(stack, &QUndoStack::redoTextChanged, m_redo,
            [this](const QString &t) { m_redo->setToolTip(tr("Redo %1 (Ctrl+Shift+Z)").arg(t)); });
    m_undo->setEnabled(false);
    m_redo->setEnabled(false);

    auto applyScale = [this] { m_plane->setPresentationScale(this->context()->scale()); };
    connect(context, &AppContext::presentationModeChanged, this, applyScale);
    applyScale();
    m_vectors->setColours(PlaneTheme::fromPalette(palette()));
    installShortcuts();

    onStateChanged();
    m_playhead->setPhaseCount(core::geometry::phaseCount(m_model->state().chain));
    m_playhead->seekEnd();
    onTimeChanged();
}

bool GeometryPage::change(const QString &what, const std::function<bool(GeometryState &)> &f,
                          int mergeKey)
{
    GeometryState s = m_model->state();
    if (!f(s)) return false;
    m_model->edit(s, what, mergeKey);
    return true;
}

void GeometryPage::connectPlane()
{
    // A drag is one gesture: live updates while the mouse moves, one undo step at the end.
    connect(m_plane, &PlaneView::gestureStarted, m_model, &GeometryModel::beginGesture);
    connect(m_plane, &PlaneView::gestureFinished, m_model, &GeometryModel::finishGesture);
    connect(m_plane, &PlaneView::vectorDragged, this, [this](int i, QPointF p) {
        GeometryState s = m_model->state();
        if (i < 0 || i >= static_cast<int>(s.vectors.size())) return;
        s.vectors[static_cast<std::size_t>(i)] = {p.x(), p.y()};
        m_model->updateGesture(s);
    });
    connect(m_plane, &PlaneView::columnDragged, this, [this](int j, QPointF p) {
        GeometryState s = m_model->state();
        if (m_selected < 0 || m_selected >= static_cast<int>(s.chain.size())) return;
        Transform &step = s.chain[static_cast<std::size_t>(m_selected)];
        step.W.col(j) = Eigen::Vector2d(p.x(), p.y()) - step.shift;
        m_model->updateGesture(s);
    });
}

void GeometryPage::connectPanels()
{
    auto inRange = [](int i, std::size_t size) { return i >= 0 && i < static_cast<int>(size); };
    auto at = [](auto &list, int i) -> auto &
    {
        return list[static_cast<std::size_t>(i)];
    };

    connect(m_chain, &ChainPanel::selectionChanged, this, &GeometryPage::selectStep);
    connect(m_chain, &ChainPanel::addRequested, this,
            [this](TransformKind k) { addStep(static_cast<int>(k)); });
    connect(m_chain, &ChainPanel::removeRequested, this, [=, this](int i) {
        change(tr("Remove step %1").arg(i + 1), [&](GeometryState &s) {
            if (!inRange(i, s.chain.size())) return false;
            s.chain.erase(s.chain.begin() + i);
            m_selected = std::min(i, static_cast<int>(s.chain.size()) - 1);
            return true;
        });
    });
    connect(m_chain, &ChainPanel::moveRequested, this, [=, this](int from, int to) {
        change(tr("Move step %1").arg(from + 1), [&](GeometryState &s) {
            if (!inRange(from, s.chain.size()) || !inRange(to, s.chain.size())) return false;
            std::swap(at(s.chain, from), at(s.chain, to));
            m_selected = to;
            return true;
        });
    });
    connect(m_editor, &TransformEditor::stepEdited, this,
            [=, this](int i, const Transform &t, int key) {
                change(
                    tr("Edit step %1").arg(i + 1),
                    [&](GeometryState &s) {
                        return inRange(i, s.chain.size()) && ((at(s.chain, i) = t), true);
                    },
                    key);
            });
    connect(m_editor, &TransformEditor::editingDone, m_model, &GeometryModel::endMerge);

    connect(m_vectors, &VectorPanel::vectorEdited, this,
            [=, this](int i, const Eigen::Vector2d &v, int key) {
                change(
                    tr("Edit v%1").arg(i + 1),
                    [&](GeometryState &s) {
                        return inRange(i, s.vectors.size()) && ((at(s.vectors, i) = v), true);
                    },
                    key);
            });
    connect(m_vectors, &VectorPanel::editingDone, m_model, &GeometryModel::endMerge);
    connect(m_vectors, &VectorPanel::addRequested, this, [this] {
        change(tr("Add a vector"), [](GeometryState &s) {
            if (static_cast<int>(s.vectors.size()) >= GeometryState::kMaxVectors) return false;
            // The first of a few pleasant vectors that is not there yet.
            static const Eigen::Vector2d candidates[] = {{2, 1},     {-0.5, 1.5}, {1, -1},
                                                         {-1.5, -1}, {0.5, 2.5},  {-2, 0.5}};
            Eigen::Vector2d pick = candidates[0];
            for (const auto &c : candidates)
                if (std::find(s.vectors.begin(), s.vectors.end(), c) == s.vectors.end()) {
                    pick = c;
                    break;
                }
            s.vectors.push_back(pick);
            return true;
        });
    });
    connect(m_vectors, &VectorPanel::removeRequested, this, [=, this](int i) {
        change(tr("Remove v%1").arg(i + 1), [&](GeometryState &s) {
            if (!inRange(i, s.vectors.size())) return false;
            s.vectors.erase(s.vectors.begin() + i);
            return true;
        });
    });
    connect(m_vectors, &VectorPanel::showSumToggled, this, [this](bool on) {
        change(on ? tr("Show the sum") : tr("Hide the sum"), [on](GeometryState &s) {
            s.showSum = on;
            return true;
        });
    });
    connect(m_display, &DisplayPanel::cloudChanged, this, [this](CloudKind kind, int count) {
        change(tr("Change the point cloud"), [=](GeometryState &s) {
            s.cloud = kind;
            s.cloudCount = count;
            return true;
        });
    });
    connect(m_display, &DisplayPanel::showGridToggled, this, [this](bool on) {
        change(tr("Toggle the grid"), [on](GeometryState &s) {
            s.showGrid = on;
            return true;
        });
    });
    connect(m_display, &DisplayPanel::showSquareToggled, this, [this](bool on) {
        change(tr("Toggle the unit square"), [on](GeometryState &s) {
            s.showSquare = on;
            return true;
        });
    });
}

GeometryPage::~GeometryPage() = default;

QWidget *GeometryPage::buildSide()
{
    auto *reset = new QPushButton(tr("Reset"));
    reset->setToolTip(tr("Back to the starting vectors and transform (undoable)"));
    connect(reset, &QPushButton::clicked, this, [this] {
        m_selected = 0;
        m_model->reset();
        m_plane->resetView();
    });
    // Start from a figure of the chapter: its vectors, chain and cloud, played from the identity.
    auto *figures = new QToolButton;
    figures->setText(tr("Figures"));
    figures->setObjectName(QStringLiteral("figures"));
    figures->setToolTip(tr("Start from a figure of chapter 2"));
    figures->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(figures);
    for (const FigurePreset &preset : figurePresets()) {
        const GeometryState state = preset.state;
        menu->addAction(preset.title, this, [this, state, title = preset.title] {
            m_selected = state.chain.empty() ? -1 : 0;
            m_model->edit(state, title);
            m_plane->resetView();
            m_playhead->seek(0);
            m_playhead->play();
        });
    }
    figures->setMenu(menu);
    auto *exportButton = new QPushButton(tr("Export PNG…"));
    exportButton->setToolTip(tr("Save the plane as a PNG image"));
    connect(exportButton, &QPushButton::clicked, this, &GeometryPage::exportPng);
    m_undo->setObjectName(QStringLiteral("undo"));
    m_redo->setObjectName(QStringLiteral("redo"));
    reset->setObjectName(QStringLiteral("reset"));

    auto *buttons = new QHBoxLayout;
    for (QPushButton *b : {m_undo, m_redo, reset})
        buttons->addWidget(b);
    buttons->addWidget(figures);
    buttons->addStretch(1);
    buttons->addWidget(exportButton);

    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 4, 0);
    layout->addLayout(buttons);
    layout->addWidget(m_chain);
    layout->addWidget(m_editor);
    layout->addWidget(separator());
    layout->addWidget(m_vectors);
    layout->addWidget(separator());
    layout->addWidget(m_display);
    layout->addStretch(1);

    // Controls never get cut off, whatever the window size or presentation font.
    auto *scroll = new QScrollArea;
    m_side = scroll;
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    fitSideWidth();
    return scroll;
}

void GeometryPage::fitSideWidth()
{
    // Never narrower than the controls need (they do not scroll sideways); presentation mode's
    // larger font makes them wider.
    if (m_side && m_side->widget())
        m_side->setMinimumWidth(m_side->widget()->minimumSizeHint().width() +
                                m_side->verticalScrollBar()->sizeHint().width());
    keepColumnsInside();
}

void GeometryPage::changeEvent(QEvent *event)
{
    Page::changeEvent(event);
    if (event->type() == QEvent::FontChange) {
        // After the layouts have taken the new font into account.
        QTimer::singleShot(0, this, &GeometryPage::fitSideWidth);
        m_vectors->setColours(PlaneTheme::fromPalette(palette()));
    }
    if (event->type() == QEvent::PaletteChange)
        m_vectors->setColours(PlaneTheme::fromPalette(palette()));
}

void GeometryPage::installShortcuts()
{
    // Page-wide keys for the classroom; a focused text entry keeps its own (Space types a space).
    auto add = [this](const QKeySequence &keys, auto slot) { addPageShortcut(this, keys, slot); };
    add(QKeySequence(Qt::Key_Space), [this] { m_playhead->togglePlay(); });
    add(QKeySequence(Qt::Key_Right), [this] { m_playhead->stepForward(); });
    add(QKeySequence(Qt::Key_Left), [this] { m_playhead->stepBack(); });
    // Presentation clickers send Page Down / Page Up.
    add(QKeySequence(Qt::Key_PageDown), [this] { m_playhead->stepForward(); });
    add(QKeySequence(Qt::Key_PageUp), [this] { m_playhead->stepBack(); });
    add(QKeySequence(Qt::Key_Home), [this] { m_playhead->seek(0); });
    add(QKeySequence(Qt::Key_End), [this] { m_playhead->seekEnd(); });
    add(QKeySequence::Undo, [this] { m_model->undoStack()->undo(); });
    add(QKeySequence::Redo, [this] { m_model->undoStack()->redo(); });
}

void GeometryPage::activated()
{
    m_plane->setFocus();
}

void GeometryPage::selectStep(int index)
{
    const auto &chain = m_model->state().chain;
    if (index >= static_cast<int>(chain.size())) index = static_cast<int>(chain.size()) - 1;
    m_selected = index;
    if (m_chain->selected() != index) m_chain->setChain(chain, index);
    if (index >= 0)
        m_editor->setStep(index, chain[static_cast<std::size_t>(index)]);
    else
        m_editor->clearStep();
    m_plane->setSelectedStep(index);
}

void GeometryPage::onStateChanged()
{
    const GeometryState &s = m_model->state();
    m_plane->setState(s);
    if (m_selected >= static_cast<int>(s.chain.size()))
        m_selected = static_cast<int>(s.chain.size()) - 1;
    if (m_selected < 0 && !s.chain.empty()) m_selected = 0;
    m_chain->setChain(s.chain, m_selected);
    selectStep(m_selected);
    m_vectors->setShowSum(s.showSum);
    m_display->setState(s);
    updateCloud();
    updateVectorImages();
    codePanel()->setCode(numpyCode(s, activeStep()));
}

void GeometryPage::onChainChanged()
{
    // An edited chain is shown whole, so the change is visible at once.
    m_playhead->setPhaseCount(core::geometry::phaseCount(m_model->state().chain));
    m_playhead->seekEnd();
    onTimeChanged();
}

void GeometryPage::onTimeChanged()
{
    // The plane follows every frame; the side panels (T(v), the step marker, the code) at most
    // every 50 ms while the animation runs, since relaying them out costs a frame's worth of time
    // on a software renderer and nobody reads numbers at 60 Hz. A still playhead updates them now.
    m_plane->setTime(m_playhead->time());
    m_plane->setCaption(caption());
    if (!m_playhead->isMoving())
        updateSidePanels();
    else if (!m_sideTimer.isActive())
        m_sideTimer.start();
}

void GeometryPage::updateSidePanels()
{
    m_sideTimer.stop();
    // The editor follows the step in motion, so its numbers are the ones the plane is applying
    // (step 3 playing while the editor showed step 1 read as if step 1 did what step 3 does).
    const int active = activeStep();
    if (active >= 0 && active != m_selected) selectStep(active);
    m_chain->setActiveStep(active);
    updateVectorImages();
    codePanel()->setCode(numpyCode(m_model->state(), activeStep()));
}

void GeometryPage::addStep(int kindValue)
{
    const auto kind = static_cast<TransformKind>(kindValue);
    GeometryState s = m_model->state();
    if (static_cast<int>(s.chain.size()) >= GeometryState::kMaxSteps) return;
    const int phasesBefore = core::geometry::phaseCount(s.chain);
    s.chain.push_back(defaultStep(kind));
    m_selected = static_cast<int>(s.chain.size()) - 1;
    m_model->edit(s, tr("Add a %1").arg(QString::fromStdString(kindName(kind))));
    // Show what the new step does: play it from where the chain was.
    m_playhead->seek(phasesBefore);
    m_playhead->play();
}

int GeometryPage::activeStep() const
{
    const double t = m_playhead->time();
    const auto phases = core::geometry::phases(m_model->state().chain);
    if (t <= 0.0 || t >= static_cast<double>(phases.size())) return -1;
    const auto i = static_cast<std::size_t>(t);
    if (static_cast<double>(i) == t) return -1; // on a boundary between phases: nothing in motion
    return phases[i].step;
}

QString GeometryPage::caption() const
{
    const auto &chain = m_model->state().chain;
    const auto phases = core::geometry::phases(chain);
    const double t = m_playhead->time();
    if (phases.empty()) return tr("No transforms yet: Add step");
    if (t <= 0.0) return tr("Identity: press Space to play");
    if (t >= static_cast<double>(phases.size()))
        return chain.size() == 1 ? tr("Applied: %1").arg(ChainPanel::describe(chain.front()))
                                 : tr("All %1 steps applied").arg(chain.size());
    // The phase in motion, or the one just completed at a boundary.
    std::size_t i = static_cast<std::size_t>(t);
    if (static_cast<double>(i) == t) --i;
    const auto &phase = phases[i];
    return tr("Step %1 of %2 · %3 · %4")
        .arg(phase.step + 1)
        .arg(chain.size())
        .arg(QString::fromStdString(kindName(chain[static_cast<std::size_t>(phase.step)].kind)),
             QString::fromLatin1(core::geometry::phaseName(phase.kind)));
}

void GeometryPage::updateVectorImages()
{
    const GeometryState &s = m_model->state();
    const auto &stages = m_plane->stages();
    std::vector<Eigen::Vector2d> images;
    std::vector<bool> clamped;
    for (const auto &v : s.vectors) {
        bool c = false;
        images.push_back(core::geometry::applyStages(stages, v, &c));
        clamped.push_back(c);
    }
    m_vectors->setVectors(s.vectors, images, clamped, stages.empty());
}

void GeometryPage::updateCloud()
{
    const GeometryState &s = m_model->state();
    if (static_cast<int>(s.cloud) == m_cloudKind && s.cloudCount == m_cloudCount) return;
    m_cloudKind = static_cast<int>(s.cloud);
    m_cloudCount = s.cloudCount;
    m_plane->setCloud(makeCloud(s.cloud, s.cloudCount, context()->data()->data()), s.cloud);
}

QImage GeometryPage::exportImage()
{
    return m_plane->grabFramebuffer();
}

void GeometryPage::exportPng()
{
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export the plane as PNG"),
                                     QStringLiteral("geometry.png"), tr("PNG images (*.png)"));
    if (path.isEmpty()) return;
    const QString error = writePngAtomically(exportImage(), path);
    if (!error.isEmpty())
        QMessageBox::warning(this, tr("Export failed"),
                             tr("Could not write %1: %2").arg(path, error));
}

} // namespace ui
