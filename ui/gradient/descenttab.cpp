#include "ui/gradient/descenttab.h"

#include "core/gradient/contours.h"
#include "core/gradient/lossexamples.h"
#include "core/gradient/tapefunctions.h"
#include "ui/common/examplelist.h"
#include "ui/common/tabparts.h"
#include "ui/gradient/celledits.h"
#include "ui/gradient/contourview.h"
#include "ui/gradient/evaluationtime.h"
#include "ui/gradient/surfaceview.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

namespace ui {

namespace {

constexpr int kGrid = 97;          // samples a side: the map and the surface
constexpr int kLevels = 14;        // contour lines
constexpr int kPointwiseGrid = 41; // for a loss that is not element-wise
constexpr int kDefaultSteps = 80;
constexpr double kPathBudgetSeconds = 1.0; // all four paths, recomputed while dragging

const std::array<QColor, DescentTab::kOptimizers> kColors = {
    QColor(0x0B, 0x53, 0x94), QColor(0x7B, 0x1F, 0xA2), QColor(0x1B, 0x7F, 0x3B),
    QColor(0xC6, 0x28, 0x28)};

core::nn::OptimizerConfig config(int i, float rate)
{
    using core::nn::OptimizerConfig;
    switch (i) {
    case 0:
        return OptimizerConfig::sgd(rate);
    case 1:
        return OptimizerConfig::sgd(rate, 0.9f);
    case 2:
        return OptimizerConfig::rmsprop(rate);
    default:
        return OptimizerConfig::adam(rate);
    }
}

std::span<const CellExample> surfaceList()
{
    static const std::vector<CellExample> list = cellExamples(core::gradient::surfaceExamples());
    return list;
}

QRectF domainOf(const core::gradient::SurfaceExample &e)
{
    return QRectF(QPointF(e.lo0, e.lo1), QPointF(e.hi0, e.hi1));
}

QString number(double v)
{
    return QString::number(v, 'g', 4);
}

} // namespace

QString DescentTab::optimizerName(int i)
{
    switch (i) {
    case 0:
        return tr("SGD");
    case 1:
        return tr("SGD, momentum 0.9");
    case 2:
        return tr("RMSprop");
    default:
        return tr("Adam");
    }
}

DescentTab::DescentTab(QWidget *parent)
    : CellTab(parent), m_map(new ContourView(this)), m_surface(new SurfaceView(this)),
      m_pictures(new QBoxLayout(QBoxLayout::TopToBottom)),
      m_caption(captionLabel(QStringLiteral("descentCaption"), this)), m_side(new QWidget),
      m_examples(new ExampleList(surfaceList(), 0, m_side)), m_rate(new QDoubleSpinBox(m_side)),
      m_steps(new QSpinBox(m_side)), m_lesson(new QLabel(m_side))
{
    m_surface->setLegendVisible(false); // the map's key and the coloured check boxes name them
    m_pictures->addWidget(m_map, 1);
    m_pictures->addWidget(m_surface, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_pictures, 1);
    layout->addWidget(m_caption);

    auto *side = sideColumn(
        m_side,
        tr("<b>Gradient descent</b> (section 2.4.3). Each optimizer steps against the gradient "
           "from the same start. Drag in the map to move the start."),
        m_examples);
    for (int i = 0; i < kOptimizers; ++i) {
        auto *box = new QCheckBox(optimizerName(i), m_side);
        box->setChecked(true);
        box->setStyleSheet(QStringLiteral("QCheckBox { color: %1; font-weight: bold; }")
                               .arg(kColors[static_cast<std::size_t>(i)].name()));
        connect(box, &QCheckBox::toggled, this, &DescentTab::updatePaths);
        m_use[static_cast<std::size_t>(i)] = box;
        side->addWidget(box);
    }
    m_rate->setObjectName(QStringLiteral("descentRate"));
    m_rate->setDecimals(4);
    m_rate->setRange(0.0001, 10);
    m_rate->setSingleStep(0.01);
    m_steps->setRange(1, 1000);
    m_steps->setValue(kDefaultSteps);
    auto *form = new QFormLayout;
    form->addRow(tr("Learning rate"), m_rate);
    form->addRow(tr("Steps"), m_steps);
    side->addLayout(form);
    auto *rates = new QHBoxLayout;
    const QStringList rateNames = {tr("Too small"), tr("About right"), tr("Too large")};
    for (int i = 0; i < 3; ++i) {
        auto *button = new QPushButton(rateNames[i], m_side);
        connect(button, &QPushButton::clicked, this, [this, i] { chooseRate(i); });
        rates->addWidget(button);
    }
    side->addLayout(rates);
    m_lesson->setWordWrap(true);
    side->addWidget(m_lesson);
    side->addStretch(1);

    connect(m_examples, &ExampleList::cellChosen, this, [this](const QString &cell) {
        m_example = std::max(0, m_examples->currentRow());
        const auto &e = core::gradient::surfaceExamples()[static_cast<std::size_t>(m_example)];
        m_domain = domainOf(e);
        m_lesson->setText(QString::fromUtf8(e.lesson));
        m_rate->setValue(e.rates[1]);
        emit cellChosen(cell);
    });
    connect(m_rate, &QDoubleSpinBox::valueChanged, this, &DescentTab::updatePaths);
    connect(m_steps, &QSpinBox::valueChanged, this, &DescentTab::updatePaths);
    connect(m_map, &ContourView::markerDragged, this, [this](QPointF w) {
        m_start = w;
        updatePaths();
    });
    connect(m_map, &ContourView::markerDropped, this, &DescentTab::onDropped);

    const auto &first = core::gradient::surfaceExamples()[0];
    m_domain = domainOf(first);
    m_lesson->setText(QString::fromUtf8(first.lesson));
    m_rate->setValue(first.rates[1]);
}

QString DescentTab::cell() const
{
    return m_examples->cellAt(0);
}

void DescentTab::resizeEvent(QResizeEvent *event)
{
    // Side by side when there is room for two squares, else one above the other (a projector's
    // 1024 × 768 leaves the pictures a tall, narrow area).
    m_pictures->setDirection(width() >= 1.6 * height() ? QBoxLayout::LeftToRight
                                                       : QBoxLayout::TopToBottom);
    CellTab::resizeEvent(event);
}

void DescentTab::chooseRate(int which)
{
    const auto &e = core::gradient::surfaceExamples()[static_cast<std::size_t>(m_example)];
    m_rate->setValue(e.rates[std::clamp(which, 0, 2)]);
}

void DescentTab::showRun(const CellRun &run)
{
    if (!run.result.ok()) return;
    m_cell = run.cell;
    if (!run.tape || run.tape->lastTarget().empty() || run.tape->lastSources().size() != 1) {
        m_caption->setText(tr("Record the loss with <code>with tf.GradientTape() as tape:</code> "
                              "and ask for <code>tape.gradient(loss, w)</code>, w a "
                              "tf.Variable of two weights."));
        return;
    }
    const auto w = valuesOf(run, QString::fromStdString(run.tape->lastSources().front()));
    if (!w || w->size() != 2) {
        m_caption->setText(tr("The loss must be a function of two weights: w = "
                              "tf.Variable([w0, w1])."));
        return;
    }
    // The pictures evaluate the loss thousands of times on the window's thread: only a quick one
    // is drawn, so that a heavy cell cannot freeze the window.
    const std::string target = run.tape->lastTarget(), source = run.tape->lastSources().front();
    try {
        const core::gradient::TapeSurface surface(*run.tape, target, source);
        m_secondsPerEvaluation = secondsPerEvaluation([&] { surface.at((*w)[0], (*w)[1]); });
    } catch (const std::exception &e) {
        m_caption->setText(QString::fromUtf8(e.what()).toHtmlEscaped());
        return;
    }
    if (!std::isfinite((*w)[0]) || !std::isfinite((*w)[1]) || std::abs((*w)[0]) > 1e6 ||
        std::abs((*w)[1]) > 1e6) {
        m_tape.reset(); // dragging must not draw the previous loss's paths under this caption
        m_caption->setText(tr("The start w = [%1, %2] must be two finite numbers within ±10⁶.")
                               .arg((*w)[0])
                               .arg((*w)[1]));
        return;
    }
    if (m_secondsPerEvaluation > kMaxEvaluationSeconds) {
        m_caption->setText(tr("This loss takes %1 ms to evaluate, and the pictures need thousands "
                              "of evaluations: they are drawn for losses under %2 ms.")
                               .arg(m_secondsPerEvaluation * 1e3, 0, 'f', 1)
                               .arg(kMaxEvaluationSeconds * 1e3));
        m_tape.reset();
        return;
    }
    m_tape = run.tape;
    m_target = target;
    m_source = source;
    m_start = QPointF((*w)[0], (*w)[1]);
    // Keep the start in sight: a typed start outside the example's range widens it.
    if (!m_domain.contains(*m_start)) {
        const QPointF c = *m_start;
        m_domain = m_domain.united(QRectF(c - QPointF(0.5, 0.5), c + QPointF(0.5, 0.5)));
    }
    if (drawSurface()) updatePaths();
}

bool DescentTab::drawSurface()
{
    try {
        const core::gradient::TapeSurface surface(*m_tape, m_target, m_source);
        // A loss element-wise in w's columns is sampled in one evaluation; another (a
        // tf.reduce_sum over w) one point at a time, on a coarser grid, if that is quick enough.
        const bool batched = surface.isElementwise(m_start->x(), m_start->y());
        const int side = batched ? kGrid : kPointwiseGrid;
        if (!batched && m_secondsPerEvaluation * side * side > kPathBudgetSeconds * 2) {
            m_caption->setText(tr("This loss is not element-wise in w's columns, so the picture "
                                  "needs %1 evaluations of it: too slow to draw here.")
                                   .arg(side * side));
            return false;
        }
        core::gradient::Grid grid;
        grid.xMin = m_domain.left();
        grid.xMax = m_domain.right();
        grid.yMin = m_domain.top();
        grid.yMax = m_domain.bottom();
        grid.nx = grid.ny = side;
        grid.values =
            surface.grid(grid.xMin, grid.xMax, grid.yMin, grid.yMax, side, side, !batched);
        // Steep walls around a flat floor (a valley) read better with levels spaced by log.
        std::vector<double> finite;
        for (double v : grid.values)
            if (std::isfinite(v)) finite.push_back(v);
        auto spacing = core::gradient::LevelSpacing::Sqrt;
        if (!finite.empty()) {
            std::nth_element(finite.begin(), finite.begin() + finite.size() / 2, finite.end());
            const auto [lo, hi] = grid.finiteRange();
            if ((hi - lo) > 20 * (finite[finite.size() / 2] - lo))
                spacing = core::gradient::LevelSpacing::Log;
        }
        m_map->setSurface(m_domain, grid.nx, grid.ny, grid.values);
        m_map->setContours(ContourView::polygonsOf(
            core::gradient::contours(grid, core::gradient::chooseLevels(grid, kLevels, spacing))));
        m_surface->setSurface(m_domain, grid.nx, grid.ny, std::move(grid.values));
        return true;
    } catch (const std::exception &e) {
        m_caption->setText(
            tr("The loss cannot be drawn: %1").arg(QString::fromUtf8(e.what()).toHtmlEscaped()));
        return false;
    }
}

void DescentTab::updatePaths()
{
    if (!m_tape || !m_start) return;
    std::vector<SurfaceView::Path> drawn;
    try {
        const core::gradient::TapeSurface surface(*m_tape, m_target, m_source);
        const core::gradient::LossFunction f = [&surface](const Eigen::Vector2d &w) {
            const auto p = surface.at(w.x(), w.y());
            return core::gradient::LossGradient{p.loss, {p.gradient[0], p.gradient[1]}};
        };
        // Far outside the picture counts as diverged: the path could only go on to infinity.
        const double bound = 10 * std::max({std::abs(m_domain.left()), std::abs(m_domain.right()),
                                            std::abs(m_domain.top()), std::abs(m_domain.bottom())});
        for (int i = 0; i < kOptimizers; ++i) {
            auto &path = m_paths[static_cast<std::size_t>(i)];
            path = {};
            if (!m_use[static_cast<std::size_t>(i)]->isChecked()) continue;
            path = core::gradient::descend(f, {m_start->x(), m_start->y()},
                                           config(i, static_cast<float>(m_rate->value())),
                                           affordableSteps(), bound);
            SurfaceView::Path shown;
            shown.name = optimizerName(i);
            shown.color = kColors[static_cast<std::size_t>(i)];
            for (std::size_t k = 0; k < path.points.size(); ++k) {
                shown.points.emplace_back(path.points[k].x(), path.points[k].y());
                shown.losses.push_back(path.losses[k]);
            }
            shown.diverged = path.diverged();
            drawn.push_back(std::move(shown));
        }
    } catch (const std::exception &e) {
        m_caption->setText(QString::fromUtf8(e.what()).toHtmlEscaped());
        return;
    }
    m_map->setMarker(m_start);
    m_surface->setMarker(m_start);
    m_map->setPaths(drawn);
    m_surface->setPaths(std::move(drawn));
    m_caption->setText(outcomeText());
}

int DescentTab::affordableSteps() const
{
    const double perPath = kPathBudgetSeconds / kOptimizers;
    return std::clamp(static_cast<int>(perPath / m_secondsPerEvaluation), 1, m_steps->value());
}

QString DescentTab::outcomeText() const
{
    QStringList parts;
    for (int i = 0; i < kOptimizers; ++i) {
        const auto &path = m_paths[static_cast<std::size_t>(i)];
        if (path.points.empty() && !path.diverged()) continue;
        const QString name =
            QStringLiteral("<b style=\"color:%1\">%2</b>")
                .arg(kColors[static_cast<std::size_t>(i)].name(), optimizerName(i));
        if (path.diverged())
            parts << tr("%1 diverged at step %2 (stopped there)").arg(name).arg(path.divergedAt);
        else
            parts << tr("%1: loss %2 after %3 steps")
                         .arg(name, number(path.losses.back()))
                         .arg(path.steps());
    }
    QString text = parts.join(QStringLiteral(" · "));
    if (affordableSteps() < m_steps->value())
        text += tr(" (%1 steps each: this loss is too slow for more on the window's thread)")
                    .arg(affordableSteps());
    return text;
}

void DescentTab::onDropped(QPointF w)
{
    m_start = w;
    updatePaths();
    const auto cell =
        withAssignment(m_cell, QString::fromStdString(m_source), pythonPair(w.x(), w.y(), 2));
    if (cell) emit cellChosen(*cell);
}

} // namespace ui
