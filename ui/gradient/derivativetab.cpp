#include "ui/gradient/derivativetab.h"

#include "core/gradient/lossexamples.h"
#include "core/gradient/tapefunctions.h"
#include "ui/common/examplelist.h"
#include "ui/common/numberformat.h"
#include "ui/common/tabparts.h"
#include "ui/gradient/celledits.h"
#include "ui/gradient/curveview.h"
#include "ui/gradient/evaluationtime.h"

#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <vector>

namespace ui {

namespace {

constexpr int kSamples = 401;

std::span<const CellExample> curveList()
{
    static const std::vector<CellExample> list = cellExamples(core::gradient::curveExamples());
    return list;
}

QString number(double v)
{
    return QString::number(v, 'g', 6);
}

} // namespace

DerivativeTab::DerivativeTab(QWidget *parent)
    : CellTab(parent), m_view(new CurveView(this)),
      m_readout(captionLabel(QStringLiteral("derivativeReadout"), this)), m_side(new QWidget),
      m_examples(new ExampleList(curveList(), 0, m_side)), m_rate(new QDoubleSpinBox(m_side)),
      m_step(new QPushButton(tr("Take the step: x ← x − η·f′(x)"), m_side))
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_readout);

    auto *side = sideColumn(
        m_side,
        tr("<b>What's a derivative?</b> (section 2.4.1) Near x, f is almost a line: its slope is "
           "f′(x). To make f smaller, move x a little against the slope. Drag x in the picture."),
        m_examples);
    m_rate->setObjectName(QStringLiteral("learningRate"));
    m_rate->setDecimals(3);
    m_rate->setRange(0.001, 10);
    m_rate->setSingleStep(0.01);
    m_rate->setValue(0.1); // the cell's learning_rate replaces it when it runs
    auto *form = new QFormLayout;
    form->addRow(tr("Learning rate η"), m_rate);
    side->addLayout(form);
    side->addWidget(m_step);
    m_step->setObjectName(QStringLiteral("takeStep"));

    connect(m_examples, &ExampleList::cellChosen, this, [this](const QString &cell) {
        const int row = std::max(0, m_examples->currentRow());
        const auto &e = core::gradient::curveExamples()[static_cast<std::size_t>(row)];
        m_lo = e.lo;
        m_hi = e.hi;
        emit cellChosen(cell);
    });
    connect(m_view, &CurveView::xDragged, this, &DerivativeTab::showAt);
    connect(m_view, &CurveView::xDropped, this, &DerivativeTab::onDropped);
    connect(m_rate, &QDoubleSpinBox::valueChanged, this, &DerivativeTab::onRateChanged);
    connect(m_step, &QPushButton::clicked, this, &DerivativeTab::takeStep);
    m_lo = core::gradient::curveExamples()[0].lo;
    m_hi = core::gradient::curveExamples()[0].hi;
}

QString DerivativeTab::cell() const
{
    return m_examples->cellAt(0);
}

void DerivativeTab::showRun(const CellRun &run)
{
    if (!run.result.ok()) return; // the last good picture stays; the code panel shows the error
    m_cell = run.cell;
    if (!run.tape) {
        m_readout->setText(tr("Record f with <code>with tf.GradientTape() as tape:</code> and ask "
                              "for <code>tape.gradient(y, x)</code> to see the curve."));
        return;
    }
    m_tape = run.tape;
    m_target = m_tape->lastTarget();
    m_source = m_tape->lastSources().empty() ? std::string() : m_tape->lastSources().front();
    const auto x = scalarOf(run, QString::fromStdString(m_source));
    if (m_target.empty() || !x) {
        m_tape.reset(); // dragging needs a curve of one number
        m_readout->setText(tr("Ask for the gradient of one number with respect to one number, "
                              "as in <code>tape.gradient(y, x)</code> with x = "
                              "tf.Variable(1.5)."));
        return;
    }
    m_learningRate = scalarOf(run, QStringLiteral("learning_rate"));
    if (m_learningRate) {
        const QSignalBlocker quiet(m_rate);
        m_rate->setValue(*m_learningRate);
    }
    if (!std::isfinite(*x) || std::abs(*x) > 1e12) {
        m_tape.reset();
        m_readout->setText(
            tr("x = %1 is too far out to draw: choose x between −10¹² and 10¹².").arg(*x));
        return;
    }
    // The range drawn follows the chosen curve, widened to keep x in sight.
    const double margin = 0.1 * (m_hi - m_lo);
    if (*x < m_lo + margin || *x > m_hi - margin) {
        const double half = std::max({0.5 * (m_hi - m_lo), 1.0, 1e-3 * std::abs(*x)});
        m_lo = *x - half;
        m_hi = *x + half;
    }
    try {
        const core::gradient::TapeCurve curve(*m_tape, m_target, m_source);
        // Dragging evaluates f on the window's thread at every move: only a quick f is drawn.
        const double seconds = secondsPerEvaluation([&] { curve.at(*x); });
        if (seconds > kMaxEvaluationSeconds) {
            m_tape.reset();
            m_readout->setText(tr("This f takes %1 ms to evaluate, and the picture needs "
                                  "hundreds of evaluations: it is drawn for f under %2 ms.")
                                   .arg(seconds * 1e3, 0, 'f', 1)
                                   .arg(kMaxEvaluationSeconds * 1e3));
            return;
        }
        auto sample = curve.sample(m_lo, m_hi, kSamples);
        m_view->setCurve(std::move(sample.xs), std::move(sample.ys));
        showAt(*x);
    } catch (const std::exception &e) {
        m_readout->setText(
            tr("The curve cannot be drawn: %1").arg(QString::fromUtf8(e.what()).toHtmlEscaped()));
    }
}

void DerivativeTab::showAt(double x)
{
    if (!m_tape || m_target.empty()) return;
    try {
        const core::gradient::TapeCurve curve(*m_tape, m_target, m_source);
        const auto [y, slope] = curve.at(x);
        m_reading = Reading{x, y, slope, curve.finiteDifference(x)};
        m_view->setPoint(x, y, slope);
        const double rate = m_rate->value();
        const double next = x - rate * slope;
        m_view->setStep(next, curve.at(next).first);
        m_readout->setText(readoutText());
    } catch (const std::exception &e) {
        m_readout->setText(QString::fromUtf8(e.what()).toHtmlEscaped());
    }
}

QString DerivativeTab::readoutText() const
{
    if (!m_reading) return {};
    const Reading &r = *m_reading;
    const QString target = QString::fromStdString(m_target);
    const QString source = QString::fromStdString(m_source);
    return tr("At %1 = %2: %3 = %4. Slope by the engine's autodiff "
              "(<code>tape.gradient(%3, %1)</code>): <b>%5</b>; by finite differences "
              "(f(x + h) − f(x − h)) / 2h: %6. One step with η = %7 moves %1 to <b>%8</b>.")
        .arg(source, number(r.x), target, number(r.y), number(r.slope), number(r.finiteDifference),
             number(m_rate->value()), number(r.x - m_rate->value() * r.slope));
}

void DerivativeTab::onDropped(double x)
{
    const auto cell = withAssignment(m_cell, QString::fromStdString(m_source), pythonNumber(x, 2));
    if (cell) emit cellChosen(*cell);
}

void DerivativeTab::onRateChanged(double rate)
{
    if (m_reading) showAt(m_reading->x);
    const auto cell = withAssignment(m_cell, QStringLiteral("learning_rate"), pythonNumber(rate));
    if (cell && *cell != m_cell) emit cellChosen(*cell);
}

void DerivativeTab::takeStep()
{
    if (!m_reading) return;
    const double next = m_reading->x - m_rate->value() * m_reading->slope;
    if (!std::isfinite(next)) return;
    // Five places: a small step must not round away.
    const auto cell =
        withAssignment(m_cell, QString::fromStdString(m_source), pythonNumber(next, 5));
    if (cell) emit cellChosen(*cell);
}

} // namespace ui
