#include "ui/gradient/minibatchtab.h"

#include "ui/common/numberformat.h"
#include "ui/common/numbers.h"
#include "ui/common/palette.h"
#include "ui/common/tabparts.h"
#include "ui/gradient/celledits.h"
#include "ui/gradient/contourview.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

namespace ui {

namespace {

constexpr int kGrid = 97;
constexpr int kLevels = 12;
constexpr int kSampledBatches = 24; // arrows drawn for the batches' steps
constexpr std::uint64_t kSeed = 7;

const QColor kFullColor(0x20, 0x20, 0x20);
const QColor kSgdColor(0xC6, 0x28, 0x28);

const char *const kCell =
    "import tensorflow as tf\n"
    "# inputs (1000, 2) and targets (1000, 1): the book's two classes (chapter 3)\n"
    "W = tf.Variable([[-0.5], [1.0]])\n"
    "batch_size = 32\n"
    "learning_rate = 0.05\n"
    "with tf.GradientTape() as tape:\n"
    "    predictions = tf.matmul(inputs[:batch_size], W)\n"
    "    loss = tf.reduce_mean(tf.square(targets[:batch_size] - predictions))\n"
    "grad_loss_wrt_W = tape.gradient(loss, W)";

QString vectorText(const Eigen::Vector2d &v)
{
    return QStringLiteral("[%1, %2]").arg(v.x(), 0, 'g', 5).arg(v.y(), 0, 'g', 5);
}

} // namespace

MiniBatchTab::MiniBatchTab(std::shared_ptr<const core::gradient::LinearClassifier> model,
                           QWidget *parent)
    : CellTab(parent), m_model(std::move(model)), m_map(new ContourView(this)),
      m_caption(captionLabel(QStringLiteral("miniBatchCaption"), this)), m_side(new QWidget),
      m_sizes(new QComboBox(m_side)), m_rate(new QDoubleSpinBox(m_side)),
      m_steps(new QSpinBox(m_side))
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_map, 1);
    layout->addWidget(m_caption);

    auto *side = new QVBoxLayout(m_side);
    side->setContentsMargins(0, 0, 0, 0);
    auto *note = new QLabel(
        tr("<b>Mini-batch SGD</b> (section 2.4.3). The true loss is the mean over all %1 points "
           "(the map). Each step uses only a batch of them: its gradient is the true one plus "
           "noise, and the smaller the batch, the more noise. Drag in the map to move W.")
            .arg(thousands(m_model->size())),
        m_side);
    note->setWordWrap(true);
    side->addWidget(note);
    m_sizes->setObjectName(QStringLiteral("batchSize"));
    for (int size : kBatchSizes)
        m_sizes->addItem(size == m_model->size() ? tr("%1 (every point)").arg(thousands(size))
                                                 : QString::number(size),
                         size);
    connect(m_sizes, &QComboBox::activated, this,
            [this](int index) { chooseBatchSize(m_sizes->itemData(index).toInt()); });
    m_rate->setDecimals(3);
    m_rate->setRange(0.001, 2);
    m_rate->setSingleStep(0.01);
    m_rate->setValue(m_learningRate);
    m_steps->setRange(1, 2000);
    m_steps->setValue(100);
    auto *form = new QFormLayout;
    form->addRow(tr("Batch size"), m_sizes);
    form->addRow(tr("Learning rate"), m_rate);
    form->addRow(tr("Steps"), m_steps);
    side->addLayout(form);
    auto *legend = new QLabel(tr("<span style=\"color:%1\">■</span> gradient descent (every "
                                 "point) · <span style=\"color:%2\">■</span> mini-batch SGD · "
                                 "thin arrows: one step from W for %3 different batches")
                                  .arg(kFullColor.name(), kSgdColor.name())
                                  .arg(kSampledBatches),
                              m_side);
    legend->setWordWrap(true);
    side->addWidget(legend);
    side->addStretch(1);

    connect(m_rate, &QDoubleSpinBox::editingFinished, this, [this] {
        const auto cell =
            withAssignment(m_cell, QStringLiteral("learning_rate"), pythonNumber(m_rate->value()));
        if (cell && *cell != m_cell) emit cellChosen(*cell);
    });
    connect(m_steps, &QSpinBox::valueChanged, this, &MiniBatchTab::redraw);
    connect(m_map, &ContourView::markerDropped, this, &MiniBatchTab::onDropped);

    const Eigen::Vector2d best = m_model->minimum();
    m_domain = QRectF(QPointF(best.x() - 1.5, best.y() - 1.5), QSizeF(3, 3));
}

QString MiniBatchTab::cell() const
{
    return QString::fromLatin1(kCell);
}

void MiniBatchTab::chooseBatchSize(int size)
{
    const auto cell = withAssignment(m_cell.isEmpty() ? this->cell() : m_cell,
                                     QStringLiteral("batch_size"), QString::number(size));
    if (cell) emit cellChosen(*cell);
}

void MiniBatchTab::showRun(const CellRun &run)
{
    if (!run.result.ok()) return;
    m_cell = run.cell;
    const auto w = valuesOf(run, QStringLiteral("W"));
    if (!w || w->size() != 2) {
        m_caption->setText(tr("The picture needs W, a tf.Variable of two weights (shape (2, 1))."));
        return;
    }
    m_w = {(*w)[0], (*w)[1]};
    if (const auto b = scalarOf(run, QStringLiteral("batch_size"))) {
        // Clamped as a double first: batch_size = 1e10 or nan must not overflow the int.
        const double size = std::isfinite(*b) ? *b : 1.0;
        m_batchSize = static_cast<int>(std::clamp(size, 1.0, double(m_model->size())));
        const QSignalBlocker quiet(m_sizes);
        if (m_sizes->findData(m_batchSize) < 0)
            m_sizes->addItem(QString::number(m_batchSize), m_batchSize);
        m_sizes->setCurrentIndex(m_sizes->findData(m_batchSize));
    }
    if (const auto r = scalarOf(run, QStringLiteral("learning_rate"))) {
        m_learningRate = *r;
        const QSignalBlocker quiet(m_rate);
        m_rate->setValue(*r);
    }
    m_cellGradient.reset();
    if (const auto g = valuesOf(run, QStringLiteral("grad_loss_wrt_W")); g && g->size() == 2)
        m_cellGradient = Eigen::Vector2d((*g)[0], (*g)[1]);
    std::vector<std::int32_t> first(static_cast<std::size_t>(m_batchSize));
    for (int i = 0; i < m_batchSize; ++i)
        first[static_cast<std::size_t>(i)] = i;
    m_pageGradient = m_model->lossGradient(m_w, first).gradient;
    if (!m_domain.contains(QPointF(m_w.x(), m_w.y())))
        m_domain = m_domain.united(
            QRectF(QPointF(m_w.x() - 0.3, m_w.y() - 0.3), QPointF(m_w.x() + 0.3, m_w.y() + 0.3)));

    const auto grid = m_model->lossGrid(m_domain.left(), m_domain.right(), m_domain.top(),
                                        m_domain.bottom(), kGrid, kGrid);
    m_map->setSurface(m_domain, grid.nx, grid.ny, grid.values);
    m_map->setContours(ContourView::polygonsOf(
        core::gradient::contours(grid, core::gradient::chooseLevels(grid, kLevels))));
    redraw();
}

void MiniBatchTab::redraw()
{
    const float rate = static_cast<float>(m_learningRate);
    const int steps = m_steps->value();
    const double bound = 1e3;
    m_sgd = core::gradient::miniBatchSgd(*m_model, m_w, rate, m_batchSize, steps, kSeed, bound);
    m_full = core::gradient::descend(m_model->lossFunction(), m_w,
                                     core::nn::OptimizerConfig::sgd(rate), steps, bound);

    std::vector<ContourView::Arrow> arrows;
    const QPointF from(m_w.x(), m_w.y());
    core::gradient::BatchSampler sampler(m_model->size(), m_batchSize, kSeed + 1);
    QColor thin = palette::accent();
    thin.setAlphaF(0.55f);
    for (int k = 0; k < kSampledBatches; ++k) {
        const Eigen::Vector2d g = m_model->lossGradient(m_w, sampler.next()).gradient;
        arrows.push_back({from, from - QPointF(g.x(), g.y()) * m_learningRate, thin, 1.5});
    }
    const Eigen::Vector2d g = m_model->lossGradient(m_w).gradient;
    arrows.push_back({from, from - QPointF(g.x(), g.y()) * m_learningRate, kFullColor, 3.0});

    auto toPath = [](const core::gradient::DescentPath &path, const QString &name,
                     const QColor &color) {
        ContourView::Path shown;
        shown.name = name;
        shown.color = color;
        for (std::size_t k = 0; k < path.points.size(); ++k) {
            shown.points.emplace_back(path.points[k].x(), path.points[k].y());
            shown.losses.push_back(path.losses[k]);
        }
        shown.diverged = path.diverged();
        return shown;
    };
    m_map->setPaths({toPath(m_full, tr("gradient descent"), kFullColor),
                     toPath(m_sgd.path, tr("mini-batch SGD"), kSgdColor)});
    m_map->setArrows(std::move(arrows));
    m_map->setMarker(from);
    m_caption->setText(captionText());
}

QString MiniBatchTab::captionText() const
{
    const auto noise = m_model->batchNoise(m_w, m_batchSize);
    const double full = m_model->lossGradient(m_w).gradient.norm();
    QString out = tr("Batch size <b>%1</b>: a batch's gradient strays from the true one by %2 on "
                     "average (the true one's length: %3).")
                      .arg(m_batchSize)
                      .arg(noise.rms, 0, 'g', 3)
                      .arg(full, 0, 'g', 3);
    const auto endLoss = [](const core::gradient::DescentPath &p) {
        return p.losses.empty() ? NAN : p.losses.back();
    };
    out += tr(" After %1 steps: gradient descent's loss %2, mini-batch SGD's %3 (the lowest "
              "possible: %4).")
               .arg(m_steps->value())
               .arg(endLoss(m_full), 0, 'g', 4)
               .arg(endLoss(m_sgd.path), 0, 'g', 4)
               .arg(m_model->minimumLoss(), 0, 'g', 4);
    if (m_cellGradient && m_pageGradient)
        out += tr("<br>The cell's <code>tape.gradient(loss, W)</code> for its first %1 points: "
                  "%2; the page's own computation: %3.")
                   .arg(m_batchSize)
                   .arg(vectorText(*m_cellGradient), vectorText(*m_pageGradient));
    return out;
}

void MiniBatchTab::onDropped(QPointF w)
{
    const QString value =
        QStringLiteral("[[%1], [%2]]").arg(pythonNumber(w.x(), 2), pythonNumber(w.y(), 2));
    const auto cell =
        withAssignment(m_cell.isEmpty() ? this->cell() : m_cell, QStringLiteral("W"), value);
    if (cell) emit cellChosen(*cell);
}

} // namespace ui
