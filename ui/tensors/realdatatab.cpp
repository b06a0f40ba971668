#include "ui/tensors/realdatatab.h"

#include "core/data/datashapes.h"
#include "ui/common/numbers.h"
#include "ui/common/palette.h"
#include "ui/common/tensorview.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace ui {

namespace {

const core::DataShape &shapeAt(int row)
{
    return core::bookDataShapes().at(static_cast<std::size_t>(row));
}

} // namespace

RealDataTab::RealDataTab(QWidget *parent)
    : CellTab(parent), m_view(new TensorView(this)), m_title(new QLabel(this)),
      m_axes(new QLabel(this)), m_footprint(new QLabel(this)), m_side(new QWidget),
      m_examples(new QListWidget(m_side))
{
    m_title->setWordWrap(true);
    m_title->setTextFormat(Qt::RichText);
    m_axes->setTextFormat(Qt::RichText);
    m_axes->setWordWrap(true);
    m_footprint->setObjectName(QStringLiteral("footprint"));
    m_footprint->setTextFormat(Qt::RichText);
    m_footprint->setWordWrap(true);
    m_view->setMaxCell(40);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_view, 1);
    auto *facts = new QHBoxLayout;
    facts->addWidget(m_axes, 3);
    facts->addWidget(m_footprint, 2);
    layout->addLayout(facts);

    for (const core::DataShape &d : core::bookDataShapes())
        m_examples->addItem(
            QStringLiteral("%1 %2").arg(QString::fromStdString(d.kind), shapeTuple(d.shape)));
    connect(m_examples, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0) return;
        showExample(row);
        emit cellChosen(cell());
    });
    auto *sideLayout = new QVBoxLayout(m_side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    auto *title = new QLabel(tr("<b>Real-world data</b>: the book's examples"), m_side);
    title->setWordWrap(true);
    sideLayout->addWidget(title);
    sideLayout->addWidget(m_examples);
    m_examples->setCurrentRow(0);
}

void RealDataTab::showExample(int row)
{
    m_row = row;
    if (m_examples->currentRow() != row) m_examples->setCurrentRow(row);
    const core::DataShape &d = shapeAt(row);
    QStringList names;
    for (const std::string &n : d.axisNames)
        names << QString::fromStdString(n);
    m_view->setShape(d.shape, names);
    m_title->setText(QStringLiteral("<b>%1</b> %2: %3")
                         .arg(QString::fromStdString(d.kind), shapeTuple(d.shape),
                              QString::fromStdString(d.example).toHtmlEscaped()));

    QString axes = QStringLiteral("<table cellspacing=2>");
    for (std::size_t a = 0; a < d.shape.size(); ++a)
        axes += QStringLiteral("<tr><td style='color:%1'><b>axis %2 · %3</b></td>"
                               "<td align=right>%4</td><td>&nbsp;%5</td></tr>")
                    .arg(palette::axis(static_cast<int>(a)).name())
                    .arg(a)
                    .arg(QString::fromStdString(d.axisNames[a]), thousands(d.shape[a]),
                         QString::fromStdString(d.axisMeaning[a]).toHtmlEscaped());
    m_axes->setText(axes + QStringLiteral("</table>"));

    const auto values = core::footprintBytes(d.shape, core::DType::UInt8);
    QString footprint = tr("<b>%1 values</b>").arg(values ? thousands(*values) : tr("too many"));
    for (const core::DType t : {core::DType::UInt8, core::DType::Float32, core::DType::Float64}) {
        const auto bytes = core::footprintBytes(d.shape, t);
        footprint += QStringLiteral("<br>%1: <b>%2</b> (%3 bytes)")
                         .arg(QString::fromUtf8(core::dtypeName(t).data()),
                              bytes ? QString::fromStdString(core::binaryBytes(*bytes)) : tr("-"),
                              bytes ? thousands(*bytes) : tr("-"));
    }
    footprint += tr("<br><small>1 MB = 1,024 × 1,024 bytes, as the book counts</small>");
    m_footprint->setText(footprint);
}

QString RealDataTab::footprintText() const
{
    QString text = m_footprint->text();
    text.replace(QStringLiteral("<br>"), QStringLiteral("\n"));
    text.remove(QRegularExpression(QStringLiteral("<[^>]*>")));
    return text;
}

QString RealDataTab::cell() const
{
    const core::DataShape &d = shapeAt(std::max(m_row, 0));
    QStringList factors;
    for (const std::int64_t n : d.shape)
        factors << QString::number(n);
    return QStringLiteral("values = %1  # the shape's product\n"
                          "values * 4 / 1024 ** 2  # MB in float32: 4 bytes a value")
        .arg(factors.join(QStringLiteral(" * ")));
}

} // namespace ui
