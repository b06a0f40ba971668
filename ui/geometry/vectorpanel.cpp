#include "ui/geometry/vectorpanel.h"

#include "ui/common/messagetext.h"
#include "ui/common/numberformat.h"
#include "ui/geometry/geometrystate.h"
#include "ui/geometry/numberentry.h"
#include "ui/geometry/planetheme.h"

#include <QCheckBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace ui {

VectorPanel::VectorPanel(QWidget *parent)
    : QWidget(parent), m_grid(new QGridLayout), m_add(new QPushButton(tr("Add vector"))),
      m_sum(new QCheckBox(tr("Show v₁ + v₂ as a parallelogram (Fig. 2.8)"))), m_error(new QLabel)
{
    auto *title = new QLabel(tr("Vectors: drag their tips in the plane"));
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #E0483C;"));
    m_error->hide();
    m_add->setObjectName(QStringLiteral("addVector"));
    m_sum->setChecked(true);
    connect(m_add, &QPushButton::clicked, this, &VectorPanel::addRequested);
    connect(m_sum, &QCheckBox::toggled, this, &VectorPanel::showSumToggled);

    m_grid->setColumnStretch(1, 1);
    m_grid->setColumnStretch(2, 1);
    m_grid->setColumnStretch(3, 3);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title);
    layout->addLayout(m_grid);
    layout->addWidget(m_error);
    layout->addLayout(buttons);
    layout->addWidget(m_sum);
}

void VectorPanel::rebuild(int count)
{
    while (static_cast<int>(m_rows.size()) > count) {
        Row row = m_rows.back();
        m_rows.pop_back();
        for (QWidget *w :
             std::initializer_list<QWidget *>{row.name, row.x, row.y, row.image, row.remove})
            w->deleteLater();
    }
    while (static_cast<int>(m_rows.size()) < count) {
        const int i = static_cast<int>(m_rows.size());
        Row row{new QLabel, new NumberEntry, new NumberEntry, new QLabel,
                new QPushButton(QStringLiteral("✕"))};
        row.x->setObjectName(QStringLiteral("v%1x").arg(i + 1));
        row.y->setObjectName(QStringLiteral("v%1y").arg(i + 1));
        row.image->setObjectName(QStringLiteral("v%1image").arg(i + 1));
        row.image->setTextInteractionFlags(Qt::TextSelectableByMouse);
        row.remove->setToolTip(tr("Remove this vector"));
        row.remove->setFixedWidth(row.remove->sizeHint().height());
        row.remove->setFlat(true);
        auto edited = [this, i](int axis, double value) {
            if (i >= static_cast<int>(m_vectors.size())) return;
            Eigen::Vector2d v = m_vectors[static_cast<std::size_t>(i)];
            v[axis] = value;
            emit vectorEdited(i, v, 1000 + 2 * i + axis);
        };
        connect(row.x, &NumberEntry::valueEdited, this, [edited](double v) { edited(0, v); });
        connect(row.y, &NumberEntry::valueEdited, this, [edited](double v) { edited(1, v); });
        for (NumberEntry *e : {row.x, row.y}) {
            connect(e, &NumberEntry::errorChanged, this, &VectorPanel::showError);
            connect(e, &NumberEntry::editingDone, this, &VectorPanel::editingDone);
        }
        connect(row.remove, &QPushButton::clicked, this, [this, i] { emit removeRequested(i); });
        m_grid->addWidget(row.name, i, 0);
        m_grid->addWidget(row.x, i, 1);
        m_grid->addWidget(row.y, i, 2);
        m_grid->addWidget(row.image, i, 3);
        m_grid->addWidget(row.remove, i, 4);
        m_rows.push_back(row);
    }
    m_add->setEnabled(count < GeometryState::kMaxVectors);
    m_add->setToolTip(count < GeometryState::kMaxVectors
                          ? tr("Add a vector to drag")
                          : tr("At most %1 vectors").arg(GeometryState::kMaxVectors));
    showError();
}

void VectorPanel::setVectors(const std::vector<Eigen::Vector2d> &vectors,
                             const std::vector<Eigen::Vector2d> &images,
                             const std::vector<bool> &clamped, bool identity)
{
    m_vectors = vectors;
    rebuild(static_cast<int>(vectors.size()));
    for (std::size_t i = 0; i < vectors.size(); ++i) {
        Row &row = m_rows[i];
        const QString name = QStringLiteral("v") + subscript(static_cast<int>(i) + 1);
        const QColor colour = i < m_colours.size() ? m_colours[i] : palette().color(QPalette::Text);
        row.name->setText(
            QStringLiteral("<b style='color:%1'>●</b> %2 =").arg(colour.name(), name));
        row.x->setValue(vectors[i].x());
        row.y->setValue(vectors[i].y());
        QString image = QStringLiteral("→ %1 = %2")
                            .arg(identity ? name : QStringLiteral("T(%1)").arg(name),
                                 formatVector(i < images.size() ? images[i] : vectors[i]));
        if (i < clamped.size() && clamped[i]) image += tr(" clamped");
        if (row.image->text() != image) row.image->setText(image);
    }
}

void VectorPanel::setShowSum(bool on)
{
    const QSignalBlocker block(m_sum);
    m_sum->setChecked(on);
}

void VectorPanel::setColours(const PlaneTheme &theme)
{
    m_colours.clear();
    for (int i = 0; i < GeometryState::kMaxVectors; ++i)
        m_colours.push_back(theme.vector(i));
}

QString VectorPanel::imageText(int index) const
{
    return index >= 0 && index < static_cast<int>(m_rows.size())
               ? m_rows[static_cast<std::size_t>(index)].image->text()
               : QString();
}

void VectorPanel::showError()
{
    QString message;
    for (std::size_t i = 0; i < m_rows.size() && message.isEmpty(); ++i)
        for (NumberEntry *e : {m_rows[i].x, m_rows[i].y})
            if (!e->isValid() && message.isEmpty())
                message = tr("v%1 %2: %3. The vector keeps its last valid value.")
                              .arg(subscript(static_cast<int>(i) + 1),
                                   e == m_rows[i].x ? QStringLiteral("x") : QStringLiteral("y"),
                                   e->errorText());
    m_error->setText(shortenLongWords(message));
    m_error->setVisible(!message.isEmpty());
}

} // namespace ui
