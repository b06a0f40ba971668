#include "ui/gradient/backproptab.h"

#include "ui/common/numberformat.h"
#include "ui/common/pageshortcut.h"
#include "ui/common/playhead.h"
#include "ui/common/tabparts.h"
#include "ui/gradient/celledits.h"
#include "ui/gradient/graphview.h"

#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>
#include <cmath>

namespace ui {

namespace {

const char *const kInputs[] = {"x", "w", "b", "y_true"};

// The book's example, recorded by the engine's tape: its gradients are checked against the graph.
const char *const kCell = "import tensorflow as tf\n"
                          "x = tf.Variable(2.)\n"
                          "w = tf.Variable(3.)\n"
                          "b = tf.Variable(1.)\n"
                          "y_true = 4.\n"
                          "with tf.GradientTape() as tape:\n"
                          "    x1 = x * w\n"
                          "    x2 = x1 + b\n"
                          "    loss_val = tf.abs(y_true - x2)\n"
                          "grad_w, grad_b = tape.gradient(loss_val, [w, b])";

// Where each node sits, laid out as the book's figures: inputs on the left, the loss on the right.
QPointF placeOf(const std::string &name)
{
    if (name == "x") return {0.0, 0.05};
    if (name == "w") return {0.0, 0.45};
    if (name == "x1") return {0.25, 0.25};
    if (name == "b") return {0.25, 0.8};
    if (name == "x2") return {0.5, 0.5};
    if (name == "y_true") return {0.5, 1.0};
    return {0.72, 0.72}; // loss_val
}

QString operationLabel(core::gradient::BackpropOp op)
{
    switch (op) {
    case core::gradient::BackpropOp::Multiply:
        return QStringLiteral("×");
    case core::gradient::BackpropOp::Add:
        return QStringLiteral("+");
    case core::gradient::BackpropOp::AbsDistance:
        return QStringLiteral("abs");
    case core::gradient::BackpropOp::Input:
        break;
    }
    return {};
}

QString text(const std::string &s)
{
    return QString::fromStdString(s);
}

} // namespace

BackpropTab::BackpropTab(QWidget *parent)
    : CellTab(parent), m_view(new GraphView(this)), m_playhead(new Playhead(this)),
      m_caption(captionLabel(QStringLiteral("backpropCaption"), this)), m_side(new QWidget),
      m_comparison(new QLabel(m_side))
{
    auto *bar = playBar(m_playhead,
                        {tr("Before the forward pass"), tr("Both passes done"),
                         tr("Play the forward pass, then backpropagation"),
                         tr("Forward node by node, then backward edge by edge"), tr("the graph"),
                         tr("every gradient")},
                        this);
    connect(m_playhead, &Playhead::timeChanged, this, &BackpropTab::showTime);
    // The classroom's keys while the graph has the focus (a click gives it): Space plays, the
    // arrows and a clicker's Page Up / Page Down step, Home and End jump.
    m_view->setFocusPolicy(Qt::StrongFocus);
    const auto add = [this](const QKeySequence &keys, auto slot) {
        addPageShortcut(m_view, keys, slot);
    };
    add(QKeySequence(Qt::Key_Space), [this] { m_playhead->togglePlay(); });
    for (const auto key : {Qt::Key_Right, Qt::Key_PageDown})
        add(QKeySequence(key), [this] { m_playhead->stepForward(); });
    for (const auto key : {Qt::Key_Left, Qt::Key_PageUp})
        add(QKeySequence(key), [this] { m_playhead->stepBack(); });
    add(QKeySequence(Qt::Key_Home), [this] { m_playhead->seek(0); });
    add(QKeySequence(Qt::Key_End), [this] { m_playhead->seekEnd(); });
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_view, 1);
    layout->addWidget(bar);
    layout->addWidget(m_caption);

    auto *side = new QVBoxLayout(m_side);
    side->setContentsMargins(0, 0, 0, 0);
    auto *note = new QLabel(
        tr("<b>Backpropagation</b> (section 2.4.4). The forward pass computes each node from its "
           "inputs. The backward pass starts from grad(loss_val, loss_val) = 1 and multiplies "
           "by each edge's local derivative (the chain rule) on the way back to w and b."),
        m_side);
    note->setWordWrap(true);
    side->addWidget(note);
    auto *form = new QFormLayout;
    const double defaults[] = {2, 3, 1, 4};
    for (int i = 0; i < 4; ++i) {
        auto *box = new QDoubleSpinBox(m_side);
        box->setObjectName(QStringLiteral("input_%1").arg(kInputs[i]));
        box->setRange(-100, 100);
        box->setDecimals(2);
        box->setSingleStep(0.5);
        box->setValue(defaults[i]);
        connect(box, &QDoubleSpinBox::editingFinished, this, [this, i] { onValueEdited(i); });
        m_inputs[static_cast<std::size_t>(i)] = box;
        form->addRow(QString::fromLatin1(kInputs[i]), box);
    }
    side->addLayout(form);
    m_comparison->setObjectName(QStringLiteral("backpropComparison"));
    m_comparison->setWordWrap(true);
    m_comparison->setTextFormat(Qt::RichText);
    side->addWidget(m_comparison);
    side->addStretch(1);
}

QString BackpropTab::cell() const
{
    return QString::fromLatin1(kCell);
}

void BackpropTab::showRun(const CellRun &run)
{
    if (!run.result.ok()) return;
    m_cell = run.cell;
    double values[4];
    for (int i = 0; i < 4; ++i) {
        const auto v = scalarOf(run, QString::fromLatin1(kInputs[i]));
        if (!v) {
            m_caption->setText(tr("The graph needs x, w, b and y_true as numbers in the cell."));
            return;
        }
        values[i] = *v;
        const QSignalBlocker quiet(m_inputs[static_cast<std::size_t>(i)]);
        m_inputs[static_cast<std::size_t>(i)]->setValue(*v);
    }
    const auto gw = scalarOf(run, QStringLiteral("grad_w"));
    const auto gb = scalarOf(run, QStringLiteral("grad_b"));
    m_engine.reset();
    if (gw && gb) m_engine = std::make_pair(*gw, *gb);

    m_graph = core::gradient::buildBackpropExample(values[0], values[1], values[2], values[3]);
    const auto &g = *m_graph;
    std::vector<GraphNode> nodes;
    for (const auto &n : g.nodes)
        nodes.push_back(
            {n.op == core::gradient::BackpropOp::Input ? text(n.name) : operationLabel(n.op),
             placeOf(n.name), n.op != core::gradient::BackpropOp::Input});
    const int loss = g.nodeIndex("loss_val");
    nodes.push_back({QStringLiteral("loss_val"), {1.0, 0.72}, false});
    const int sink = static_cast<int>(nodes.size()) - 1;

    std::vector<int> forwardStep(g.nodes.size(), -1);
    std::vector<int> backwardStep(g.edges.size(), -1);
    for (std::size_t s = 0; s < g.steps.size(); ++s) {
        const auto &step = g.steps[s];
        if (step.kind == core::gradient::BackpropStep::Kind::Forward && step.node >= 0)
            forwardStep[static_cast<std::size_t>(step.node)] = static_cast<int>(s);
        else if (step.edge >= 0)
            backwardStep[static_cast<std::size_t>(step.edge)] = static_cast<int>(s);
    }
    std::vector<GraphEdge> edges;
    for (std::size_t k = 0; k < g.edges.size(); ++k) {
        const auto &e = g.edges[k];
        const auto &from = g.nodes[static_cast<std::size_t>(e.from)];
        edges.push_back({e.from, e.to,
                         text(from.name + " = " + core::gradient::formatNumber(from.value)),
                         text("grad = " + core::gradient::formatNumber(e.gradient)),
                         forwardStep[static_cast<std::size_t>(e.from)], backwardStep[k]});
    }
    const int firstBackward = backwardStep.empty() ? -1 : backwardStep.front();
    edges.push_back(
        {loss, sink, text("loss_val = " + core::gradient::formatNumber(g.value("loss_val"))),
         QStringLiteral("grad = 1"), forwardStep[static_cast<std::size_t>(loss)], firstBackward});
    m_view->setGraph(std::move(nodes), std::move(edges));
    const bool first = m_playhead->phaseCount() == 0;
    m_playhead->setPhaseCount(static_cast<int>(g.steps.size()));
    // The first picture shows both passes done; Play starts them over.
    if (first) m_playhead->seekEnd();
    showTime(m_playhead->time());
    m_comparison->setText(comparisonText());
}

QString BackpropTab::stepText() const
{
    if (!m_graph || m_graph->steps.empty()) return {};
    const int shown = static_cast<int>(std::ceil(m_playhead->time())) - 1;
    if (shown < 0)
        return tr("Press Play (or Space) to run the forward pass, then the backward pass.");
    const auto &steps = m_graph->steps;
    const auto &step = steps[static_cast<std::size_t>(std::min<int>(shown, steps.size() - 1))];
    const QString pass =
        step.kind == core::gradient::BackpropStep::Kind::Forward ? tr("Forward") : tr("Backward");
    return tr("%1, step %2 of %3: <b>%4</b>")
        .arg(pass)
        .arg(std::min<int>(shown, steps.size() - 1) + 1)
        .arg(steps.size())
        .arg(text(step.text).toHtmlEscaped());
}

void BackpropTab::showTime(double t)
{
    m_view->setTime(t);
    m_caption->setText(stepText());
}

QString BackpropTab::comparisonText() const
{
    if (!m_graph) return {};
    const double w = m_graph->gradient("w"), b = m_graph->gradient("b");
    QString out =
        tr("<b>The graph</b> (chain rule): grad(loss_val, w) = %1, grad(loss_val, b) = "
           "%2.")
            .arg(text(core::gradient::formatNumber(w)), text(core::gradient::formatNumber(b)));
    if (!m_engine) return out;
    const bool same = std::abs(m_engine->first - w) <= 1e-5 * std::max(1.0, std::abs(w)) &&
                      std::abs(m_engine->second - b) <= 1e-5 * std::max(1.0, std::abs(b));
    out += tr("<br><b>The engine</b> (<code>tape.gradient(loss_val, [w, b])</code>): grad_w = "
              "%1, grad_b = %2. %3")
               .arg(QString::number(m_engine->first, 'g', 6),
                    QString::number(m_engine->second, 'g', 6),
                    same ? tr("The same numbers.") : tr("<b>They differ.</b>"));
    return out;
}

void BackpropTab::onValueEdited(int input)
{
    const QString name = QString::fromLatin1(kInputs[input]);
    const auto cell =
        withAssignment(m_cell.isEmpty() ? this->cell() : m_cell, name,
                       pythonNumber(m_inputs[static_cast<std::size_t>(input)]->value(), 2));
    if (cell && *cell != m_cell) emit cellChosen(*cell);
}

} // namespace ui
