#include "ui/tensors/tensorcelltab.h"

#include "core/cell/repr.h"
#include "ui/common/examplelist.h"
#include "ui/common/numbers.h"
#include "ui/common/palette.h"
#include "ui/common/tensorview.h"

#include <QLabel>
#include <QVBoxLayout>
#include <algorithm>
#include <array>

namespace ui {

namespace {

// The book's cells of section 2.2 first, then ranks 4 and 5, other dtypes and a real digit.
const std::array<CellExample, 9> kExamples = {{
    {"Scalar (rank 0)", "x = np.array(12)\nx"},
    {"Vector (rank 1)", "x = np.array([12, 3, 6, 14, 7])\nx"},
    {"Matrix (rank 2)", "x = np.array([[5, 78, 2, 34, 0],\n"
                        "              [6, 79, 3, 35, 1],\n"
                        "              [7, 80, 4, 36, 2]])\nx.ndim"},
    {"Rank-3 tensor", "x = np.array([[[5, 78, 2, 34, 0],\n"
                      "               [6, 79, 3, 35, 1],\n"
                      "               [7, 80, 4, 36, 2]],\n"
                      "              [[5, 78, 2, 34, 0],\n"
                      "               [6, 79, 3, 35, 1],\n"
                      "               [7, 80, 4, 36, 2]],\n"
                      "              [[5, 78, 2, 34, 0],\n"
                      "               [6, 79, 3, 35, 1],\n"
                      "               [7, 80, 4, 36, 2]]])\nx.ndim"},
    {"Rank 4: a row of stacks", "x = np.arange(3 * 2 * 3 * 4).reshape((3, 2, 3, 4))\nx.shape"},
    {"Rank 5: a grid of stacks",
     "x = np.arange(2 * 3 * 2 * 3 * 4).reshape((2, 3, 2, 3, 4))\nx.shape"},
    {"float32 and its strides", "x = np.ones((3, 4), dtype=\"float32\") / 3\nx.strides"},
    {"A transposed view", "x = np.arange(6).reshape((2, 3)).T\nx.strides"},
    {"An MNIST digit", "digit = train_images[4]\ndigit.shape"},
}};

// The shape with each length in its axis' colour (rich), or as Python prints it.
QString tupleText(const std::vector<std::int64_t> &values, bool coloured)
{
    if (!coloured) return shapeTuple(values);
    QStringList parts;
    for (std::size_t i = 0; i < values.size(); ++i)
        parts << QStringLiteral("<span style='color:%1'>%2</span>")
                     .arg(palette::axis(static_cast<int>(i)).name())
                     .arg(values[i]);
    return QLatin1Char('(') + parts.join(QStringLiteral(", ")) +
           (values.size() == 1 ? QStringLiteral(",)") : QStringLiteral(")"));
}

QString attributes(const core::Tensor &t, const QString &name, bool rich)
{
    const QString sep = rich ? QStringLiteral(" &nbsp;·&nbsp; ") : QStringLiteral(" · ");
    const QString n = name.isEmpty() ? QStringLiteral("_") : name;
    auto attr = [&](const QString &what, const QString &value) {
        return rich ? QStringLiteral("%1.%2 <b>%3</b>").arg(n, what, value)
                    : QStringLiteral("%1.%2 %3").arg(n, what, value);
    };
    return QStringList{
        attr(QStringLiteral("ndim"), QString::number(t.ndim())),
        attr(QStringLiteral("shape"), tupleText(t.shape(), rich)),
        attr(QStringLiteral("dtype"), QString::fromUtf8(core::dtypeName(t.dtype()).data())),
        attr(QStringLiteral("nbytes"), QString::number(t.nbytes())),
        attr(QStringLiteral("strides"), tupleText(core::cell::byteStrides(t), false))}
        .join(sep);
}

} // namespace

TensorCellTab::TensorCellTab(QWidget *parent)
    : CellTab(parent), m_view(new TensorView(this)), m_attributes(new QLabel(this)),
      m_hover(new QLabel(this)), m_side(new QWidget),
      m_examples(new ExampleList(kExamples, 2, m_side))
{
    m_attributes->setObjectName(QStringLiteral("tensorAttributes"));
    m_attributes->setTextFormat(Qt::RichText);
    m_attributes->setWordWrap(true);
    m_attributes->setText(tr("Run a cell that makes an array."));
    m_hover->setObjectName(QStringLiteral("tensorHover"));
    m_hover->setText(tr("Hover a cell for its index and value."));
    m_view->clear(tr("The cell's array will be drawn here."));
    connect(m_view, &TensorView::hoverChanged, this, [this](const QString &text) {
        m_hover->setText(text.isEmpty() ? tr("Hover a cell for its index and value.") : text);
    });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_attributes);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_hover);

    m_examples->setToolTip(tr("The book's tensors of section 2.2, and a few more"));
    connect(m_examples, &ExampleList::cellChosen, this, &CellTab::cellChosen);
    auto *sideLayout = new QVBoxLayout(m_side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    auto *title = new QLabel(tr("<b>The book's tensors</b> — or type any cell below"), m_side);
    title->setWordWrap(true);
    sideLayout->addWidget(title);
    sideLayout->addWidget(m_examples);
}

QString TensorCellTab::cell() const
{
    return m_examples->cell();
}

QString TensorCellTab::attributesText() const
{
    const auto t = m_view->tensor();
    return t ? attributes(*t, m_view->name(), false) : QString();
}

void TensorCellTab::showRun(const CellRun &run)
{
    if (!run.result.ok() || !run.shown) return; // the last good picture stays
    const QString name = run.shownName.isEmpty() ? QStringLiteral("_") : run.shownName;
    m_view->setName(name);
    m_view->setTensor(*run.shown);
    m_attributes->setText(attributes(*run.shown, name, true));
}

} // namespace ui
