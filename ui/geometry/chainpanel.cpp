#include "ui/geometry/chainpanel.h"

#include "ui/common/numberformat.h"
#include "ui/geometry/geometrystate.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QSignalBlocker>
#include <QToolButton>
#include <QVBoxLayout>
#include <numbers>

namespace ui {

using core::geometry::TransformKind;

ChainPanel::ChainPanel(QWidget *parent)
    : QWidget(parent), m_list(new QListWidget), m_add(new QToolButton), m_remove(new QToolButton),
      m_up(new QToolButton), m_down(new QToolButton)
{
    m_maxSteps = GeometryState::kMaxSteps;
    auto *title = new QLabel(tr("Transforms, applied top to bottom"));
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);

    m_list->setObjectName(QStringLiteral("chainList"));
    // Room for four steps without scrolling; more scroll.
    m_list->setFixedHeight(m_list->fontMetrics().lineSpacing() * 4 + 4 * m_list->frameWidth() + 8);
    m_list->setToolTip(tr("The chain T: each step acts on the result of the one above it"));
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        updateButtons();
        emit selectionChanged(row);
    });

    auto *menu = new QMenu(this);
    const std::pair<TransformKind, QString> kinds[] = {
        {TransformKind::Translation, tr("Translation x + t (Fig. 2.9)")},
        {TransformKind::Rotation, tr("Rotation by θ (Fig. 2.10)")},
        {TransformKind::Scaling, tr("Scaling (Fig. 2.11)")},
        {TransformKind::Affine, tr("Affine W·x + b (Fig. 2.12)")},
        {TransformKind::AffineRelu, tr("Affine + ReLU (Fig. 2.13)")}};
    for (const auto &[kind, text] : kinds) {
        const TransformKind k = kind;
        menu->addAction(text, this, [this, k] { emit addRequested(k); });
    }
    m_add->setText(tr("Add step"));
    m_add->setMenu(menu);
    m_add->setPopupMode(QToolButton::InstantPopup);
    m_add->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_add->setObjectName(QStringLiteral("addStep"));
    m_remove->setText(tr("Remove"));
    m_remove->setToolTip(tr("Remove the selected step"));
    m_up->setText(QStringLiteral("▲"));
    m_up->setToolTip(tr("Apply the selected step earlier"));
    m_down->setText(QStringLiteral("▼"));
    m_down->setToolTip(tr("Apply the selected step later"));
    connect(m_remove, &QToolButton::clicked, this, [this] {
        if (selected() >= 0) emit removeRequested(selected());
    });
    connect(m_up, &QToolButton::clicked, this, [this] {
        if (selected() > 0) emit moveRequested(selected(), selected() - 1);
    });
    connect(m_down, &QToolButton::clicked, this, [this] {
        if (selected() >= 0 && selected() + 1 < m_list->count())
            emit moveRequested(selected(), selected() + 1);
    });

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    buttons->addWidget(m_up);
    buttons->addWidget(m_down);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title);
    layout->addWidget(m_list);
    layout->addLayout(buttons);
    updateButtons();
}

QString ChainPanel::describe(const core::geometry::Transform &step)
{
    switch (step.kind) {
    case TransformKind::Translation:
        return tr("translation by t = %1").arg(formatVector(step.shift));
    case TransformKind::Rotation:
        return tr("rotation by θ = %1°")
            .arg(formatNumber(step.angle * 180.0 / std::numbers::pi, 2));
    case TransformKind::Scaling:
        return tr("scaling by %1 and %2")
            .arg(formatNumber(step.scale.x()), formatNumber(step.scale.y()));
    case TransformKind::Affine:
        return tr("affine W·x + b");
    case TransformKind::AffineRelu:
        return tr("affine + ReLU: max(W·x + b, 0)");
    }
    return {};
}

void ChainPanel::setChain(const core::geometry::Chain &chain, int selected)
{
    const QSignalBlocker block(m_list);
    while (m_list->count() > static_cast<int>(chain.size()))
        delete m_list->takeItem(m_list->count() - 1);
    for (int i = 0; i < static_cast<int>(chain.size()); ++i) {
        QString text =
            QStringLiteral("%1.  %2").arg(i + 1).arg(describe(chain[static_cast<std::size_t>(i)]));
        if (i == m_active) text += QStringLiteral("   ◀");
        if (i < m_list->count()) {
            if (m_list->item(i)->text() != text) m_list->item(i)->setText(text);
        } else {
            m_list->addItem(text);
        }
    }
    m_list->setCurrentRow(selected);
    updateButtons();
}

int ChainPanel::selected() const
{
    return m_list->currentRow();
}

void ChainPanel::setActiveStep(int step)
{
    if (step == m_active) return;
    const int old = m_active;
    m_active = step;
    for (const int row : {old, step}) {
        if (row < 0 || row >= m_list->count()) continue;
        QString text = m_list->item(row)->text();
        if (text.endsWith(QStringLiteral("   ◀"))) text.chop(4);
        if (row == m_active) text += QStringLiteral("   ◀");
        m_list->item(row)->setText(text);
    }
}

void ChainPanel::updateButtons()
{
    const int row = selected();
    m_add->setEnabled(m_list->count() < m_maxSteps);
    m_add->setToolTip(m_list->count() < m_maxSteps
                          ? tr("Append a transform to the chain")
                          : tr("The chain holds at most %1 steps").arg(m_maxSteps));
    m_remove->setEnabled(row >= 0);
    m_up->setEnabled(row > 0);
    m_down->setEnabled(row >= 0 && row + 1 < m_list->count());
}

} // namespace ui
