#include "ui/operations/elementwisetab.h"

#include "core/cell/elementwise.h"
#include "core/cell/session.h"
#include "core/cell/shaperules.h"
#include "ui/common/fonts.h"
#include "ui/common/numbers.h"
#include "ui/common/pythonhighlighter.h"
#include "ui/common/tabparts.h"
#include "ui/common/tensorview.h"

#include <QGridLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace ui {

namespace {

constexpr int kRepetitions = 1000;
constexpr std::int64_t kMaxDrawn = 1'000'000; // computed on the window's thread: keep it quick

const char *const kBookLoops = R"(def naive_relu(x):
    assert len(x.shape) == 2
    x = x.copy()
    for i in range(x.shape[0]):
        for j in range(x.shape[1]):
            x[i, j] = max(x[i, j], 0)
    return x

def naive_add(x, y):
    assert len(x.shape) == 2
    assert x.shape == y.shape
    x = x.copy()
    for i in range(x.shape[0]):
        for j in range(x.shape[1]):
            x[i, j] += y[i, j]
    return x

# the same, vectorised:
z = x + y
z = np.maximum(z, 0.))";

} // namespace

ElementwiseTab::ElementwiseTab(QWidget *parent)
    : CellTab(parent), m_x(new TensorView(this)), m_y(new TensorView(this)),
      m_sum(new TensorView(this)), m_relu(new TensorView(this)),
      m_caption(captionLabel(QStringLiteral("elementwiseCaption"), this)), m_side(new QWidget),
      m_time(new QPushButton(tr("Time it: 1,000 repetitions"), m_side)),
      m_timingLabel(new QLabel(m_side))
{
    m_x->setName(QStringLiteral("x"));
    m_y->setName(QStringLiteral("y"));
    m_sum->setName(QStringLiteral("z"));
    m_relu->setName(QStringLiteral("np.maximum(z, 0.)"));
    for (TensorView *v : {m_x, m_y, m_sum, m_relu})
        v->setMaxCell(56);
    auto *grid = new QGridLayout;
    grid->addWidget(arrayTitle(QStringLiteral("x"), this), 0, 0);
    grid->addWidget(arrayTitle(QStringLiteral("y"), this), 0, 1);
    grid->addWidget(m_x, 1, 0);
    grid->addWidget(m_y, 1, 1);
    grid->addWidget(arrayTitle(QStringLiteral("z = x + y"), this), 2, 0);
    grid->addWidget(arrayTitle(QStringLiteral("np.maximum(z, 0.)  (relu)"), this), 2, 1);
    grid->addWidget(m_sum, 3, 0);
    grid->addWidget(m_relu, 3, 1);
    grid->setRowStretch(1, 1);
    grid->setRowStretch(3, 1);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(grid, 1);
    layout->addWidget(m_caption);

    auto *book = new QPlainTextEdit(QString::fromUtf8(kBookLoops), m_side);
    book->setReadOnly(true);
    book->setFont(monospaceFont());
    book->setLineWrapMode(QPlainTextEdit::NoWrap);
    new PythonHighlighter(book->document());
    m_timingLabel->setObjectName(QStringLiteral("timing"));
    m_timingLabel->setWordWrap(true);
    m_timingLabel->setTextFormat(Qt::RichText);
    m_timingLabel->setText(
        tr("The book times both on two (20, 100) matrices, 1,000 times: <b>0.02 s</b> "
           "vectorised, <b>2.45 s</b> with Python's loops."));
    m_time->setToolTip(tr("Run the book's experiment with the cell engine, off the window's "
                          "thread"));
    connect(m_time, &QPushButton::clicked, this, &ElementwiseTab::startTiming);
    auto *sideLayout = new QVBoxLayout(m_side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    auto *title = new QLabel(tr("<b>The book's loops</b> (section 2.3.1)"), m_side);
    sideLayout->addWidget(title);
    sideLayout->addWidget(book, 1);
    sideLayout->addWidget(m_time);
    sideLayout->addWidget(m_timingLabel);
}

ElementwiseTab::~ElementwiseTab()
{
    if (m_worker.joinable()) m_worker.join(); // at most the experiment's few seconds
}

QString ElementwiseTab::cell() const
{
    return QStringLiteral("x = np.array([[1.5, -2., 0.5, -0.25],\n"
                          "              [-1., 3., -4., 2.]])\n"
                          "y = np.array([[0.5, 1., -1., 0.25],\n"
                          "              [2., -2., 1., -1.]])\n"
                          "z = x + y\n"
                          "np.maximum(z, 0.)");
}

void ElementwiseTab::showRun(const CellRun &run)
{
    if (!run.result.ok()) return; // the last good picture stays
    const auto x = run.arrays.find(QStringLiteral("x"));
    const auto y = run.arrays.find(QStringLiteral("y"));
    if (x == run.arrays.end() || y == run.arrays.end()) {
        m_caption->setText(tr("Define arrays x and y in the cell to see x + y and its relu."));
        return;
    }
    const core::cell::ShapeRule rule =
        core::cell::broadcastShapes(x->second.shape(), y->second.shape());
    if (!rule.ok()) {
        m_caption->setText(tr("x + y fails: %1").arg(QString::fromStdString(rule.error)));
        return;
    }
    if (core::shapeSize(*rule.shape) > kMaxDrawn) {
        m_caption->setText(tr("x + y would have %1 elements: the picture takes up to %2 (the "
                              "cell computes any size).")
                               .arg(core::shapeSize(*rule.shape))
                               .arg(kMaxDrawn));
        return;
    }
    try {
        using core::cell::BinaryOp;
        using core::cell::Value;
        const Value z = core::cell::applyBinary(BinaryOp::Add, Value::array(x->second),
                                                Value::array(y->second));
        const Value relu = core::cell::applyBinary(BinaryOp::Maximum, z, Value::real(0.0));
        const core::Tensor sum = z.asArray();
        m_x->setTensor(x->second);
        m_y->setTensor(y->second);
        m_sum->setTensor(sum);
        m_relu->setTensor(relu.asArray());
        // The clamped elements: where z was negative, relu wrote 0.
        const QColor clamped(0xD9, 0xD9, 0xD9);
        m_relu->setHighlighter([sum, clamped](const std::vector<std::int64_t> &i) {
            return sum.ndim() == static_cast<int>(i.size()) && sum.at(i) < 0
                       ? std::optional<QColor>(clamped)
                       : std::nullopt;
        });
        m_caption->setText(tr("Each element on its own: z[i, j] = x[i, j] + y[i, j], then "
                              "max(z[i, j], 0). Grey: the elements relu set to 0."));
    } catch (const std::exception &e) {
        m_caption->setText(QString::fromUtf8(e.what()));
    }
}

void ElementwiseTab::startTiming()
{
    if (m_worker.joinable()) return; // one experiment at a time
    m_time->setEnabled(false);
    m_timingLabel->setText(tr("Timing… (the naive loops take a few seconds)"));
    m_worker = std::thread([this] {
        core::cell::ElementwiseTiming timing;
        QString error;
        try {
            // The book's arrays, made by the engine's own np.random.
            core::cell::Session session;
            const auto r = session.run("import numpy as np\nx = np.random.random((20, 100))\n"
                                       "y = np.random.random((20, 100))");
            if (!r.ok()) throw std::runtime_error(r.error->text());
            timing = core::cell::timeElementwise(session.variable("x")->asArray(),
                                                 session.variable("y")->asArray(), kRepetitions);
        } catch (const std::exception &e) {
            error = QString::fromUtf8(e.what());
        }
        QMetaObject::invokeMethod(
            this, [this, timing, error] { onTimed(timing, error); }, Qt::QueuedConnection);
    });
}

void ElementwiseTab::onTimed(core::cell::ElementwiseTiming timing, QString error)
{
    m_worker.join();
    m_time->setEnabled(true);
    if (!error.isEmpty()) {
        m_timingLabel->setText(tr("The experiment failed: %1").arg(error.toHtmlEscaped()));
        emit timingFinished();
        return;
    }
    m_timing = timing;
    m_timingLabel->setText(timingText());
    emit timingFinished();
}

QString ElementwiseTab::timingText() const
{
    if (!m_timing) return {};
    const auto &t = *m_timing;
    const double ratio = t.vectorisedSeconds > 0 ? t.naiveSeconds / t.vectorisedSeconds : 0;
    return tr("<table cellspacing=3>"
              "<tr><td></td><td><b>vectorised</b></td><td><b>element by element</b></td>"
              "<td><b>ratio</b></td></tr>"
              "<tr><td>here</td><td>%1 s</td><td>%2 s</td><td>%3×</td></tr>"
              "<tr><td>the book</td><td>0.02 s</td><td>2.45 s</td><td>122×</td></tr></table>"
              "%4 repetitions of z = x + y; z = relu(z) on two (20, 100) matrices. Here the loop "
              "reads and writes each element through the engine's indexing, as Python does; "
              "%5")
        .arg(t.vectorisedSeconds, 0, 'f', 4)
        .arg(t.naiveSeconds, 0, 'f', 2)
        .arg(ratio, 0, 'f', 0)
        .arg(thousands(t.repetitions))
        .arg(t.sameResult ? tr("both give the same z, bit for bit.")
                          : tr("<b>the two results differ</b>."));
}

} // namespace ui
