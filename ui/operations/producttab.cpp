#include "ui/operations/producttab.h"

#include "core/cell/linalg.h"
#include "core/cell/repr.h"
#include "core/cell/session.h"
#include "core/cell/shaperules.h"
#include "core/cell/value.h"
#include "ui/common/examplelist.h"
#include "ui/common/numbers.h"
#include "ui/common/playhead.h"
#include "ui/common/tabparts.h"
#include "ui/common/tensorview.h"

#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>
#include <algorithm>
#include <array>
#include <cmath>

namespace ui {

namespace {

const std::array<CellExample, 4> kExamples = {{
    {"vector · vector",
     "x = np.array([1, 2, 3, 4])\ny = np.array([5, 6, 7, 8])\nz = np.dot(x, y)\nz"},
    {"matrix · vector", "x = np.arange(12).reshape((3, 4))\ny = np.array([1, 0, 2, 1])\n"
                        "z = np.dot(x, y)\nz"},
    {"matrix · matrix (Figure 2.5)", "x = np.arange(12).reshape((3, 4))\n"
                                     "y = np.arange(8).reshape((4, 2))\nz = np.dot(x, y)\nz"},
    {"mismatch: (3, 4) · (3,)", "x = np.arange(12).reshape((3, 4))\ny = np.array([1, 2, 3])\n"
                                "z = np.dot(x, y)"},
}};

constexpr std::int64_t kMaxComputedHere = 10'000'000; // multiply-adds
constexpr std::int64_t kMaxSteps = 1000;
const QColor kRow(0xFF, 0xD8, 0x7A);     // the row and column being multiplied
const QColor kCurrent(0xFF, 0xB0, 0x3B); // the element being computed

// A shape typed as Python writes it, "(2, 3, 4)", "(5,)" or "5", read by the cell engine's own
// parser; nullopt when it is not a tuple of lengths.
std::optional<core::Shape> parseShape(const QString &text)
{
    core::cell::Session session;
    const core::cell::CellResult r = session.run(text.toStdString());
    if (!r.ok() || !r.value) return std::nullopt;
    const core::cell::Value &v = *r.value;
    std::vector<core::cell::Value> items;
    if (v.kind() == core::cell::ValueKind::Int)
        items = {v};
    else if (v.kind() == core::cell::ValueKind::Tuple || v.kind() == core::cell::ValueKind::List)
        items = v.items();
    else
        return std::nullopt;
    core::Shape shape;
    for (const core::cell::Value &item : items) {
        if (item.kind() != core::cell::ValueKind::Int || item.asInt() < 0) return std::nullopt;
        shape.push_back(item.asInt());
    }
    return shape;
}

QString element(const core::Tensor &t, std::vector<std::int64_t> index)
{
    return QString::fromStdString(core::cell::elementRepr(t, index));
}

} // namespace

ProductTab::ProductTab(QWidget *parent)
    : CellTab(parent), m_xView(new TensorView(this)), m_yView(new TensorView(this)),
      m_zView(new TensorView(this)),
      m_caption(captionLabel(QStringLiteral("productCaption"), this)),
      m_playhead(new Playhead(this)), m_side(new QWidget),
      m_examples(new ExampleList(kExamples, 2, m_side)),
      m_shapeA(new QLineEdit(QStringLiteral("(2, 3, 4, 5)"), m_side)),
      m_shapeB(new QLineEdit(QStringLiteral("(5, 6)"), m_side)), m_calculator(new QLabel(m_side))
{
    m_xView->setName(QStringLiteral("x"));
    m_yView->setName(QStringLiteral("y"));
    m_zView->setName(QStringLiteral("z"));
    for (TensorView *v : {m_xView, m_yView, m_zView})
        v->setMaxCell(52);
    m_playhead->setSecondsPerPhase(0.7);
    auto *bar = playBar(m_playhead,
                        {tr("Before the first element"), tr("Every element computed"),
                         tr("Compute z one element at a time"),
                         tr("Which element of z is being computed"), tr("z[0]"), tr("all of z")},
                        this);
    connect(m_playhead, &Playhead::timeChanged, this, &ProductTab::showStep);

    // The box diagram: y above z, x at z's left, so x's rows and y's columns meet in z.
    auto *box = new QGridLayout;
    auto title = [this](const QString &text) { return arrayTitle(text, this); };
    box->addWidget(title(QStringLiteral("y")), 0, 1);
    box->addWidget(m_yView, 1, 1);
    box->addWidget(title(QStringLiteral("x")), 2, 0);
    box->addWidget(title(QStringLiteral("z = np.dot(x, y)")), 2, 1);
    box->addWidget(m_xView, 3, 0);
    box->addWidget(m_zView, 3, 1);
    box->setRowStretch(1, 1);
    box->setRowStretch(3, 1);
    box->setColumnStretch(0, 1);
    box->setColumnStretch(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_caption);
    layout->addLayout(box, 1);
    layout->addWidget(bar);

    connect(m_examples, &ExampleList::cellChosen, this, &CellTab::cellChosen);
    m_calculator->setObjectName(QStringLiteral("dotShape"));
    m_calculator->setWordWrap(true);
    m_calculator->setTextFormat(Qt::RichText);
    connect(m_shapeA, &QLineEdit::textChanged, this, &ProductTab::calculate);
    connect(m_shapeB, &QLineEdit::textChanged, this, &ProductTab::calculate);
    QVBoxLayout *sideLayout = sideColumn(m_side,
                                         tr("<b>The tensor product</b> (np.dot): each element of z "
                                            "is a row of x times a column of y, summed."),
                                         m_examples);
    auto *rules = new QLabel(tr("<b>Shapes of higher ranks</b>: (a, b, c, d) · (d,) → (a, b, c); "
                                "(a, b, c, d) · (d, e) → (a, b, c, e)"),
                             m_side);
    rules->setWordWrap(true);
    sideLayout->addWidget(rules);
    auto *form = new QFormLayout;
    form->addRow(tr("x.shape"), m_shapeA);
    form->addRow(tr("y.shape"), m_shapeB);
    sideLayout->addLayout(form);
    sideLayout->addWidget(m_calculator);
    auto *geometry = new QPushButton(tr("The geometric reading: the Geometry page"), m_side);
    geometry->setObjectName(QStringLiteral("geometryLink"));
    geometry->setToolTip(
        tr("Section 2.3.6: a dot product with W, then + b, as a map of the plane"));
    connect(geometry, &QPushButton::clicked, this, &ProductTab::geometryRequested);
    sideLayout->addWidget(geometry);
    sideLayout->addStretch(1);
    calculate();
}

QString ProductTab::cell() const
{
    return m_examples->cell();
}

QString ProductTab::caption() const
{
    return m_caption->text();
}

QString ProductTab::calculatorResult() const
{
    return m_calculator->text();
}

void ProductTab::calculate()
{
    const auto a = parseShape(m_shapeA->text());
    const auto b = parseShape(m_shapeB->text());
    if (!a || !b) {
        m_calculator->setText(tr("Write each shape as (2, 3, 4) or (5,)."));
        return;
    }
    const core::cell::ShapeRule rule = core::cell::dotShape(*a, *b);
    m_calculator->setText(rule.ok()
                              ? tr("np.dot(x, y).shape → <b>%1</b>").arg(shapeTuple(*rule.shape))
                              : tr("<span style='color:#B01E1E'>ValueError: %1</span>")
                                    .arg(QString::fromStdString(rule.error).toHtmlEscaped()));
}

void ProductTab::showRun(const CellRun &run)
{
    const auto x = run.arrays.find(QStringLiteral("x"));
    const auto y = run.arrays.find(QStringLiteral("y"));
    if (x == run.arrays.end() || y == run.arrays.end()) return;
    m_x = x->second;
    m_y = y->second;
    m_z.reset();
    m_xView->setTensor(*m_x);
    m_yView->setTensor(*m_y);
    const core::cell::ShapeRule rule = core::cell::dotShape(m_x->shape(), m_y->shape());
    if (!rule.ok()) {
        m_zView->clear(tr("No product: the shapes are not aligned."));
        m_xView->setHighlighter({});
        m_yView->setHighlighter({});
        m_caption->setText(tr("<span style='color:#B01E1E'>ValueError: %1</span><br>The last "
                              "axis of x must have the length of y's first (or only) axis.")
                               .arg(QString::fromStdString(rule.error).toHtmlEscaped()));
        return;
    }
    if (m_x->ndim() < 1 || m_x->ndim() > 2 || m_y->ndim() < 1 || m_y->ndim() > 2) {
        m_zView->clear(tr("The diagram draws vectors and matrices; the calculator at the right "
                          "takes any rank."));
        m_caption->setText(tr("np.dot(x, y).shape is %1.").arg(shapeTuple(*rule.shape)));
        return;
    }
    // The cell's own z when it is this product; else computed here only while small, as the
    // window's thread computes it (a (4000, 4000) product is the cell's to run, not the picture's).
    const auto z = run.arrays.find(QStringLiteral("z"));
    if (z != run.arrays.end() && z->second.shape() == *rule.shape) {
        m_z = z->second;
    } else if (m_x->size() * m_y->shape().back() <= kMaxComputedHere) {
        try {
            m_z = core::cell::dot(core::cell::Value::array(*m_x), core::cell::Value::array(*m_y))
                      .asArray();
        } catch (const std::exception &e) {
            m_caption->setText(QString::fromUtf8(e.what()).toHtmlEscaped());
            return;
        }
    } else {
        m_zView->clear(tr("Assign z = np.dot(x, y) in the cell to see so large a product."));
        m_caption->setText(tr("np.dot(x, y).shape is %1.").arg(shapeTuple(*rule.shape)));
        return;
    }
    if (m_z->size() == 0) {
        m_zView->setTensor(*m_z);
        m_caption->setText(tr("z = np.dot(x, y) is empty: shape %1, nothing to compute.")
                               .arg(shapeTuple(m_z->shape())));
        m_playhead->setPhaseCount(0);
        m_z.reset();
        return;
    }
    m_zView->setTensor(*m_z);
    // One step an element, up to kMaxSteps: beyond that nobody watches them one by one.
    m_playhead->setPhaseCount(static_cast<int>(std::min(m_z->size(), kMaxSteps)));
    m_playhead->seek(0);
    showStep();
}

void ProductTab::showStep()
{
    if (!m_x || !m_y || !m_z) return;
    const std::int64_t count = std::max<std::int64_t>(1, m_z->size());
    const std::int64_t k = std::clamp<std::int64_t>(
        static_cast<std::int64_t>(std::floor(m_playhead->time())), 0, count - 1);
    // The output element k and the row of x and column of y it takes.
    std::int64_t row = -1, col = -1;
    std::vector<std::int64_t> zIndex;
    if (m_z->ndim() == 2) {
        row = k / m_z->shape()[1];
        col = k % m_z->shape()[1];
        zIndex = {row, col};
    } else if (m_z->ndim() == 1) {
        (m_x->ndim() == 2 ? row : col) = k;
        zIndex = {k};
    }
    const bool done = m_playhead->atEnd();
    const auto xRow = row, yCol = col;
    m_xView->setHighlighter([xRow](const std::vector<std::int64_t> &i) -> std::optional<QColor> {
        if (i.size() == 1 || (i.size() == 2 && i[0] == xRow)) return kRow;
        return std::nullopt;
    });
    m_yView->setHighlighter([yCol](const std::vector<std::int64_t> &i) -> std::optional<QColor> {
        if (i.size() == 1 || (i.size() == 2 && i[1] == yCol)) return kRow;
        return std::nullopt;
    });
    const auto flat = [shape = m_z->shape()](const std::vector<std::int64_t> &i) {
        std::int64_t f = 0;
        for (std::size_t a = 0; a < i.size(); ++a)
            f = f * shape[a] + i[a];
        return f;
    };
    m_zView->setHighlighter([=](const std::vector<std::int64_t> &i) -> std::optional<QColor> {
        if (!done && flat(i) == k) return kCurrent;
        return std::nullopt;
    });
    m_zView->setValueHidden(
        [=](const std::vector<std::int64_t> &i) { return !done && flat(i) > k; });

    // The sum written out: x[i, 0]·y[0, j] + ... (the first four terms, then "...").
    const std::int64_t n = m_x->shape().back();
    QStringList terms;
    for (std::int64_t t = 0; t < n && t < 4; ++t) {
        const auto xi =
            m_x->ndim() == 2 ? std::vector<std::int64_t>{row, t} : std::vector<std::int64_t>{t};
        const auto yi =
            m_y->ndim() == 2 ? std::vector<std::int64_t>{t, col} : std::vector<std::int64_t>{t};
        terms << QStringLiteral("%1·%2").arg(element(*m_x, xi), element(*m_y, yi));
    }
    if (n > 4) terms << QStringLiteral("…");
    if (n == 0) terms << tr("(an empty sum)");
    const QString xPart =
        m_x->ndim() == 2 ? QStringLiteral("x[%1, :]").arg(row) : QStringLiteral("x");
    const QString yPart =
        m_y->ndim() == 2 ? QStringLiteral("y[:, %1]").arg(col) : QStringLiteral("y");
    QStringList zi;
    for (const auto v : zIndex)
        zi << QString::number(v);
    const QString zPart = zIndex.empty()
                              ? QStringLiteral("z")
                              : QStringLiteral("z[%1]").arg(zi.join(QStringLiteral(", ")));
    m_caption->setText(
        tr("<b>%1</b> = %2 · %3 = %4 = <b>%5</b>%6")
            .arg(zPart, xPart, yPart, terms.join(QStringLiteral(" + ")), element(*m_z, zIndex))
            .arg(done ? tr(" — every element of z computed: shape %1").arg(shapeTuple(m_z->shape()))
                      : QString()));
}

} // namespace ui
