#include "ui/mnist/batchpanel.h"

#include "ui/common/numbers.h"
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <algorithm>

namespace ui {

BatchPanel::BatchPanel(QWidget *parent)
    : QWidget(parent), m_size(new QSpinBox), m_index(new QSpinBox), m_summary(new QLabel)
{
    m_size->setObjectName(QStringLiteral("batchSize"));
    m_size->setRange(1, 60000);
    m_size->setValue(128);
    m_size->setToolTip(tr("Samples per batch (the book uses 128)"));
    m_index->setObjectName(QStringLiteral("batchIndex"));
    m_index->setToolTip(tr("Which batch: n = 0 is the first"));
    m_summary->setObjectName(QStringLiteral("batchSummary"));
    auto *show = new QPushButton(tr("Show batch"));
    show->setObjectName(QStringLiteral("showBatch"));

    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("Batch size"), m_size);
    form->addRow(tr("Batch n"), m_index);
    form->addRow(m_summary);
    form->addRow(show);

    connect(m_size, &QSpinBox::valueChanged, this, [this] {
        refresh();
        emit batchRequested();
    });
    connect(m_index, &QSpinBox::valueChanged, this, [this] {
        refresh();
        emit batchRequested();
    });
    connect(show, &QPushButton::clicked, this, &BatchPanel::batchRequested);
}

void BatchPanel::setSampleCount(qint64 count)
{
    m_count = count;
    refresh();
}

int BatchPanel::batchSize() const
{
    return m_size->value();
}

int BatchPanel::batchIndex() const
{
    return m_index->value();
}

int BatchPanel::batchCount() const
{
    return m_count > 0 ? static_cast<int>((m_count + batchSize() - 1) / batchSize()) : 0;
}

void BatchPanel::setBatch(int size, int index)
{
    m_size->setValue(size);
    m_index->setValue(index);
}

QString BatchPanel::expression(const QString &set) const
{
    const qint64 start = qint64(batchSize()) * batchIndex();
    return QStringLiteral("%1_images[%2:%3]").arg(set).arg(start).arg(start + batchSize());
}

QString BatchPanel::bookExpression(const QString &set) const
{
    return QStringLiteral("%1_images[%2 * %3:%2 * (%3 + 1)]")
        .arg(set)
        .arg(batchSize())
        .arg(batchIndex());
}

void BatchPanel::refresh()
{
    const QSignalBlocker block(m_index);
    m_index->setRange(0, std::max(0, batchCount() - 1));
    const qint64 last = m_count - qint64(batchSize()) * (batchCount() - 1);
    const qint64 start = qint64(batchSize()) * batchIndex();
    const qint64 here = std::min<qint64>(batchSize(), m_count - start);
    // Short lines broken by hand, not word-wrapped: a wrapped label can be squeezed under the
    // controls below it when the column is short (1024x640 in presentation mode).
    QString text = tr("%1 batches of %2").arg(thousands(batchCount())).arg(batchSize());
    if (batchCount() > 0 && last != batchSize()) text += tr(",\nthe last of %1").arg(last);
    text += tr(".\nBatch %1: %2 digits.").arg(batchIndex()).arg(here);
    m_summary->setText(text);
}

} // namespace ui
