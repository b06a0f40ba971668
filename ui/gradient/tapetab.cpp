#include "ui/gradient/tapetab.h"

#include "ui/common/examplelist.h"
#include "ui/common/tabparts.h"
#include "ui/common/tensorview.h"

#include <QGridLayout>
#include <QLabel>
#include <QVBoxLayout>
#include <array>

namespace ui {

namespace {

constexpr double kMaxRerunSeconds = 0.1;

// The book's listings, word for word (section 2.4.4).
const std::array<CellExample, 3> kListings = {{
    {"Listing: the gradient of 2x + 3 (a scalar)", "import tensorflow as tf\n"
                                                   "x = tf.Variable(0.)\n"
                                                   "with tf.GradientTape() as tape:\n"
                                                   "    y = 2 * x + 3\n"
                                                   "grad_of_y_wrt_x = tape.gradient(y, x)"},
    {"Listing: the same for a (2, 2) variable", "import tensorflow as tf\n"
                                                "x = tf.Variable(tf.random.uniform((2, 2)))\n"
                                                "with tf.GradientTape() as tape:\n"
                                                "    y = 2 * x + 3\n"
                                                "grad_of_y_wrt_x = tape.gradient(y, x)"},
    {"Listing: W and b of tf.matmul(x, W) + b", "import tensorflow as tf\n"
                                                "W = tf.Variable(tf.random.uniform((2, 2)))\n"
                                                "b = tf.Variable(tf.zeros((2,)))\n"
                                                "x = tf.random.uniform((2, 2))\n"
                                                "with tf.GradientTape() as tape:\n"
                                                "    y = tf.matmul(x, W) + b\n"
                                                "grad_of_y_wrt_W_and_b = tape.gradient(y, [W, b])"},
}};

} // namespace

TapeTab::TapeTab(QWidget *parent)
    : CellTab(parent), m_grid(new QGridLayout),
      m_caption(captionLabel(QStringLiteral("tapeCaption"), this)), m_side(new QWidget),
      m_examples(new ExampleList(kListings, 0, m_side))
{
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_grid, 1);
    layout->addWidget(m_caption);
    sideColumn(m_side,
               tr("<b>The gradient tape</b> (section 2.4.4). Inside <code>with "
                  "tf.GradientTape() as tape:</code> the engine records each operation on the "
                  "variables; <code>tape.gradient(y, x)</code> plays them back in reverse "
                  "(backpropagation) to give ∂y/∂x. Tensors print as NumPy arrays here."),
               m_examples);
    connect(m_examples, &ExampleList::cellChosen, this, &TapeTab::cellChosen);
}

QString TapeTab::cell() const
{
    return m_examples->cellAt(0);
}

void TapeTab::clearPairs()
{
    for (QWidget *w : m_views)
        delete w;
    for (QWidget *w : m_titles)
        delete w;
    m_views.clear();
    m_titles.clear();
    for (int row = 0; row < m_grid->rowCount(); ++row)
        m_grid->setRowStretch(row, 0);
}

void TapeTab::showRun(const CellRun &run)
{
    if (!run.result.ok()) return;
    if (!run.tape || run.tape->lastTarget().empty()) {
        m_caption->setText(tr("Record a block with <code>with tf.GradientTape() as tape:</code> "
                              "and call <code>tape.gradient(target, sources)</code> to see each "
                              "source beside its gradient."));
        return;
    }
    // Drawing the gradients runs the block again on the window's thread, about as long as the
    // cell took: a slow cell's are left to the code panel.
    if (run.seconds > kMaxRerunSeconds) {
        clearPairs();
        m_caption->setText(tr("The cell took %1 s: its gradients are not drawn again here (the "
                              "window would wait as long). Print them in the cell.")
                               .arg(run.seconds, 0, 'f', 1));
        return;
    }
    const auto &tape = *run.tape;
    core::cell::RecordedTape::Result result;
    try {
        // With no values replaced, the block runs as the cell ran it: the cell's own numbers.
        result = tape.evaluate({}, tape.lastTarget(), tape.lastSources());
    } catch (const std::exception &e) {
        m_caption->setText(QString::fromUtf8(e.what()).toHtmlEscaped());
        return;
    }
    clearPairs();
    const QString target = QString::fromStdString(tape.lastTarget());
    int row = 0;
    for (std::size_t i = 0; i < tape.lastSources().size(); ++i) {
        const QString source = QString::fromStdString(tape.lastSources()[i]);
        const auto value = run.arrays.find(source);
        auto *valueView = new TensorView(this);
        auto *gradientView = new TensorView(this);
        valueView->setMaxCell(64);
        gradientView->setMaxCell(64);
        valueView->setName(source);
        gradientView->setName(QStringLiteral("∂%1/∂%2").arg(target, source));
        if (value != run.arrays.end()) valueView->setTensor(value->second);
        if (i < result.gradients.size() && result.gradients[i].size() > 0)
            gradientView->setTensor(result.gradients[i]);
        auto *valueTitle = arrayTitle(source, this);
        auto *gradientTitle = arrayTitle(tr("tape.gradient(%1, %2)").arg(target, source), this);
        m_grid->addWidget(valueTitle, row, 0);
        m_grid->addWidget(gradientTitle, row, 1);
        m_grid->addWidget(valueView, row + 1, 0);
        m_grid->addWidget(gradientView, row + 1, 1);
        m_grid->setRowStretch(row + 1, 1);
        m_titles << valueTitle << gradientTitle;
        m_views << valueView << gradientView;
        row += 2;
    }
    m_caption->setText(captionText());
}

QString TapeTab::captionText() const
{
    return tr("Each gradient has its variable's shape: element by element, how much the sum of "
              "the target's elements would change per unit change of that element. For "
              "y = 2x + 3 every element's gradient is 2.");
}

} // namespace ui
