#include "ui/operations/broadcasttab.h"

#include "core/cell/elementwise.h"
#include "core/cell/shaperules.h"
#include "core/cell/value.h"
#include "ui/common/examplelist.h"
#include "ui/common/numbers.h"
#include "ui/common/playhead.h"
#include "ui/common/tabparts.h"
#include "ui/common/tensorview.h"

#include <QGridLayout>
#include <QLabel>
#include <QVBoxLayout>
#include <array>
#include <cmath>

namespace ui {

namespace {

// Larger results are the cell's to compute (assign z), not the window's thread's.
constexpr std::int64_t kMaxComputedHere = 4'000'000;

const std::array<CellExample, 5> kExamples = {{
    {"(3, 4) + (4,): the rule, small", "x = np.arange(12).reshape((3, 4))\n"
                                       "y = np.array([10, 20, 30, 40])\nz = x + y\nz.shape"},
    {"(32, 10) + (10,): the book's", "x = np.random.random((32, 10))\n"
                                     "y = np.random.random((10,))\nz = x + y\nz.shape"},
    {"(64, 3, 32, 10) + (32, 10): the book's", "x = np.random.random((64, 3, 32, 10))\n"
                                               "y = np.random.random((32, 10))\n"
                                               "z = np.maximum(x, y)\nz.shape"},
    {"(3, 1) + (1, 4): both are stretched", "x = np.array([[0], [10], [20]])\n"
                                            "y = np.array([[1, 2, 3, 4]])\nz = x + y\nz"},
    {"(3, 4) + (3,): incompatible", "x = np.arange(12).reshape((3, 4))\n"
                                    "y = np.array([1, 2, 3])\nz = x + y"},
}};

// a with leading axes of length 1 added up to rank (step 1), as a view.
core::Tensor padded(const core::Tensor &a, int rank)
{
    core::Shape shape(rank - a.ndim(), 1);
    core::Strides strides(rank - a.ndim(), 0);
    shape.insert(shape.end(), a.shape().begin(), a.shape().end());
    strides.insert(strides.end(), a.strides().begin(), a.strides().end());
    return core::Tensor(a.dtype(), shape, strides, a.offset(), a.buffer());
}

// a (already padded) repeated to shape along its axes of length 1 (step 2): a view whose strides
// are 0 there, which is how NumPy broadcasts without copying.
core::Tensor stretched(const core::Tensor &a, const core::Shape &shape)
{
    core::Strides strides = a.strides();
    for (std::size_t i = 0; i < shape.size(); ++i)
        if (a.shape()[i] == 1 && shape[i] != 1) strides[i] = 0;
    return core::Tensor(a.dtype(), shape, strides, a.offset(), a.buffer());
}

// The elements of a stretched operand that NumPy repeats rather than stores.
TensorView::CellTest repeatedCells(const core::Shape &own)
{
    return [own](const std::vector<std::int64_t> &index) {
        if (index.size() != own.size()) return false;
        for (std::size_t i = 0; i < own.size(); ++i)
            if (own[i] == 1 && index[i] > 0) return true;
        return false;
    };
}

} // namespace

BroadcastTab::BroadcastTab(QWidget *parent)
    : CellTab(parent), m_xView(new TensorView(this)), m_yView(new TensorView(this)),
      m_result(new TensorView(this)),
      m_caption(captionLabel(QStringLiteral("broadcastCaption"), this)),
      m_playhead(new Playhead(this)), m_side(new QWidget),
      m_examples(new ExampleList(kExamples, 0, m_side))
{
    m_xView->setName(QStringLiteral("x"));
    m_yView->setName(QStringLiteral("y"));
    m_result->setName(QStringLiteral("z"));
    for (TensorView *v : {m_xView, m_yView, m_result})
        v->setMaxCell(48);
    m_playhead->setPhaseCount(3);
    auto *bar = playBar(
        m_playhead,
        {tr("The operands as given"), tr("The sum"), tr("Play NumPy's two steps, then the sum"),
         tr("Step 1: axes added; step 2: repeated; then x + y"), tr("as given"), tr("x + y")},
        this);
    connect(m_playhead, &Playhead::timeChanged, this, &BroadcastTab::showPhase);

    auto *operands = new QGridLayout;
    operands->addWidget(arrayTitle(QStringLiteral("x"), this), 0, 0);
    operands->addWidget(arrayTitle(QStringLiteral("y"), this), 0, 1);
    operands->addWidget(m_xView, 1, 0);
    operands->addWidget(m_yView, 1, 1);
    operands->addWidget(arrayTitle(QStringLiteral("z"), this), 2, 0, 1, 2);
    operands->addWidget(m_result, 3, 0, 1, 2);
    operands->setRowStretch(1, 1);
    operands->setRowStretch(3, 1);
    operands->setColumnStretch(0, 1);
    operands->setColumnStretch(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_caption);
    layout->addLayout(operands, 1);
    layout->addWidget(bar);

    connect(m_examples, &ExampleList::cellChosen, this, &CellTab::cellChosen);
    sideColumn(m_side,
               tr("<b>Broadcasting</b>: the smaller tensor is stretched to match the larger, in "
                  "two steps. Pick a pair, or type any x and y below."),
               m_examples);
}

QString BroadcastTab::cell() const
{
    return m_examples->cell();
}

QString BroadcastTab::caption() const
{
    return m_caption->text();
}

void BroadcastTab::showRun(const CellRun &run)
{
    const auto x = run.arrays.find(QStringLiteral("x"));
    const auto y = run.arrays.find(QStringLiteral("y"));
    if (x == run.arrays.end() || y == run.arrays.end()) {
        if (run.result.ok()) m_caption->setText(tr("Define arrays x and y in the cell."));
        return;
    }
    m_x = x->second;
    m_y = y->second;
    m_sum.reset();
    m_shape.reset();
    const core::cell::ShapeRule rule = core::cell::broadcastShapes(m_x->shape(), m_y->shape());
    m_error.clear();
    if (!rule.ok()) {
        // Which axes fail, counted as the operands count them.
        m_error = tr("ValueError: %1<br>Aligned from the right, axis %2 of x (length %3) meets "
                     "axis %4 of y (length %5): they differ and neither is 1.")
                      .arg(QString::fromStdString(rule.error).toHtmlEscaped())
                      .arg(rule.axisA)
                      .arg(rule.axisA >= 0 ? m_x->shape()[rule.axisA] : 0)
                      .arg(rule.axisB)
                      .arg(rule.axisB >= 0 ? m_y->shape()[rule.axisB] : 0);
    } else if (const auto z = run.arrays.find(QStringLiteral("z"));
               z != run.arrays.end() && z->second.shape() == *rule.shape) {
        m_sum = z->second; // the cell's own z: x + y, np.maximum(x, y), ...
    } else if (core::shapeSize(*rule.shape) <= kMaxComputedHere) {
        try {
            m_sum =
                core::cell::applyBinary(core::cell::BinaryOp::Add, core::cell::Value::array(*m_x),
                                        core::cell::Value::array(*m_y))
                    .asArray();
        } catch (const std::exception &e) {
            m_error = QString::fromUtf8(e.what()).toHtmlEscaped();
        }
    }
    if (rule.ok()) m_shape = *rule.shape;
    m_playhead->seek(0);
    showPhase();
}

void BroadcastTab::showPhase()
{
    if (!m_x || !m_y) return;
    const int phase = m_error.isEmpty() ? static_cast<int>(std::floor(m_playhead->time())) : 0;
    const int rank = std::max(m_x->ndim(), m_y->ndim());
    core::Tensor x = *m_x, y = *m_y;
    const core::Shape shape = m_shape.value_or(core::Shape{});
    QString step;
    if (phase >= 1) {
        x = padded(x, rank);
        y = padded(y, rank);
        step = tr("<b>Step 1</b>: axes of length 1 are added on the left until both have %1 "
                  "axes: x is %2, y is %3.")
                   .arg(rank)
                   .arg(shapeTuple(x.shape()), shapeTuple(y.shape()));
    }
    m_xView->setFaded({});
    m_yView->setFaded({});
    if (phase >= 2 && m_shape) {
        const core::Shape xOwn = x.shape(), yOwn = y.shape();
        x = stretched(x, shape);
        y = stretched(y, shape);
        m_xView->setFaded(repeatedCells(xOwn));
        m_yView->setFaded(repeatedCells(yOwn));
        step = tr("<b>Step 2</b>: each is repeated along its axes of length 1 to %1 (faded: "
                  "NumPy repeats them without copying).")
                   .arg(shapeTuple(shape));
    }
    m_xView->setTensor(x);
    m_yView->setTensor(y);
    if (phase >= 3 && m_sum) {
        m_result->setTensor(*m_sum);
        step = tr("<b>z</b>, element by element: shape %1.").arg(shapeTuple(shape));
    } else {
        m_result->clear(m_error.isEmpty() ? (m_sum ? tr("The result is the last step.")
                                                   : tr("Assign z = x + y in the cell to see so "
                                                        "large a result."))
                                          : tr("No result: the shapes do not broadcast."));
    }
    if (!m_error.isEmpty()) {
        m_caption->setText(QStringLiteral("<span style='color:#B01E1E'>%1</span>").arg(m_error));
        return;
    }
    if (step.isEmpty())
        step = tr("x is %1, y is %2: play to see NumPy's two steps.")
                   .arg(shapeTuple(m_x->shape()), shapeTuple(m_y->shape()));
    m_caption->setText(step);
}

} // namespace ui
