#include "ui/geometry/displaypanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QSignalBlocker>

namespace ui {

const std::vector<int> &DisplayPanel::cloudCounts()
{
    static const std::vector<int> counts = {1000, 10000, 100000};
    return counts;
}

DisplayPanel::DisplayPanel(QWidget *parent)
    : QWidget(parent), m_cloud(new QComboBox), m_count(new QComboBox),
      m_grid(new QCheckBox(tr("Warped grid"))), m_square(new QCheckBox(tr("Unit square")))
{
    auto *title = new QLabel(tr("Along for the ride"));
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);

    m_cloud->setObjectName(QStringLiteral("cloudKind"));
    m_cloud->addItem(tr("No point cloud"), static_cast<int>(CloudKind::None));
    m_cloud->addItem(tr("Picture: a winking face"), static_cast<int>(CloudKind::Smiley));
    m_cloud->addItem(tr("Picture: MNIST test_images[0]"), static_cast<int>(CloudKind::Digit));
    m_cloud->addItem(tr("Letter F"), static_cast<int>(CloudKind::Letter));
    m_cloud->addItem(tr("Data set: two moons"), static_cast<int>(CloudKind::Moons));
    m_cloud->setToolTip(tr("Points that move with the plane"));
    m_count->setObjectName(QStringLiteral("cloudCount"));
    for (const int n : cloudCounts())
        m_count->addItem(tr("%1 points").arg(QLocale().toString(n)), n);
    connect(m_cloud, &QComboBox::currentIndexChanged, this, &DisplayPanel::emitCloud);
    connect(m_count, &QComboBox::currentIndexChanged, this, &DisplayPanel::emitCloud);
    connect(m_grid, &QCheckBox::toggled, this, &DisplayPanel::showGridToggled);
    connect(m_square, &QCheckBox::toggled, this, &DisplayPanel::showSquareToggled);

    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title, 0, 0, 1, 2);
    layout->addWidget(m_cloud, 1, 0);
    layout->addWidget(m_count, 1, 1);
    layout->addWidget(m_grid, 2, 0);
    layout->addWidget(m_square, 2, 1);
    layout->setColumnStretch(0, 2);
    layout->setColumnStretch(1, 1);
}

void DisplayPanel::setState(const GeometryState &state)
{
    const QSignalBlocker b1(m_cloud), b2(m_count), b3(m_grid), b4(m_square);
    m_cloud->setCurrentIndex(m_cloud->findData(static_cast<int>(state.cloud)));
    const int countIndex = m_count->findData(state.cloudCount);
    m_count->setCurrentIndex(countIndex >= 0 ? countIndex : 1);
    m_count->setEnabled(state.cloud != CloudKind::None);
    m_grid->setChecked(state.showGrid);
    m_square->setChecked(state.showSquare);
}

void DisplayPanel::emitCloud()
{
    const auto kind = static_cast<CloudKind>(m_cloud->currentData().toInt());
    m_count->setEnabled(kind != CloudKind::None);
    emit cloudChanged(kind, m_count->currentData().toInt());
}

} // namespace ui
