#include "ui/tensors/batchtab.h"

#include "ui/common/numbers.h"
#include "ui/common/palette.h"
#include "ui/common/tensorimage.h"

#include <QFormLayout>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QVBoxLayout>
#include <algorithm>

namespace ui {

// The samples axis as a bar from 0 to N, with the batch's span marked on it, and the batch's
// digits under it, scaled to fit.
class BatchTab::SampleAxis : public QWidget {
public:
    explicit SampleAxis(QWidget *parent) : QWidget(parent)
    {
        setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    }
    void setBatch(qint64 count, qint64 start, qint64 stop)
    {
        m_count = count;
        m_start = start;
        m_stop = stop;
        update();
    }
    void setDigits(const QImage &image)
    {
        m_digits = image;
        update();
    }
    QSize sizeHint() const override { return {560, 420}; }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter p(this);
        p.fillRect(rect(), palette().color(QPalette::Window));
        const int lh = fontMetrics().height();
        const QRectF bar(lh, lh * 1.6, width() - 2 * lh, lh * 1.2);
        p.setPen(QPen(palette().color(QPalette::Mid), 1));
        p.setBrush(palette().color(QPalette::Base));
        p.drawRect(bar);
        p.setPen(palette::axis(0));
        p.drawText(QRectF(bar.left(), 0, bar.width(), lh * 1.5), Qt::AlignCenter,
                   tr("axis 0, the samples · %1").arg(thousands(m_count)));
        p.setPen(palette().color(QPalette::Text));
        const QRectF under(bar.left(), bar.bottom() + 2, bar.width(), lh * 1.2);
        p.drawText(under, Qt::AlignLeft | Qt::AlignTop, QStringLiteral("0"));
        p.drawText(under, Qt::AlignRight | Qt::AlignTop, thousands(m_count));
        if (m_count > 0 && m_stop > m_start) {
            // At least 3 px wide: one batch of 469 would otherwise be a hairline.
            const double x0 = bar.left() + bar.width() * m_start / m_count;
            const double w = std::max(3.0, bar.width() * (m_stop - m_start) / m_count);
            p.fillRect(QRectF(x0, bar.top(), w, bar.height()), palette::accent());
            // The span's label under it, kept clear of the "0" and total at the bar's ends.
            const QString span = QStringLiteral("[%1:%2]").arg(m_start).arg(m_stop);
            const QFontMetricsF fm(font());
            const double lw = fm.horizontalAdvance(span);
            const double lo = bar.left() + fm.horizontalAdvance(QStringLiteral("0")) + lh * 0.5;
            const double hi = bar.right() - fm.horizontalAdvance(thousands(m_count)) - lh * 0.5;
            const double x = std::clamp(x0 + w / 2 - lw / 2, lo, std::max(lo, hi - lw));
            p.drawText(QRectF(x, bar.bottom() + 2, lw + 2, lh * 1.2), Qt::AlignLeft | Qt::AlignTop,
                       span);
        }
        if (m_digits.isNull()) return;
        const QRectF room(bar.left(), under.bottom() + lh * 0.6, bar.width(),
                          height() - under.bottom() - lh);
        QSizeF size = m_digits.size();
        size.scale(room.size(), Qt::KeepAspectRatio);
        const QRectF target(room.left() + (room.width() - size.width()) / 2, room.top(),
                            size.width(), size.height());
        p.setRenderHint(QPainter::SmoothPixmapTransform, size.width() < m_digits.width());
        p.drawImage(target, m_digits);
    }

private:
    qint64 m_count = 0, m_start = 0, m_stop = 0;
    QImage m_digits;
};

BatchTab::BatchTab(QWidget *parent)
    : CellTab(parent), m_axis(new SampleAxis(this)), m_summary(new QLabel(this)),
      m_side(new QWidget), m_size(new QSpinBox(m_side)), m_index(new QSpinBox(m_side)),
      m_open(new QPushButton(tr("Show on the MNIST page"), m_side))
{
    m_summary->setObjectName(QStringLiteral("batchSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_axis, 1);

    m_size->setRange(1, 60000);
    m_size->setValue(128);
    m_size->setToolTip(tr("The batch size: the book's is 128"));
    m_index->setRange(0, 468);
    m_index->setToolTip(tr("n: which batch"));
    m_open->setToolTip(tr("Open the MNIST page with this batch sliced out"));
    connect(m_size, &QSpinBox::valueChanged, this, &BatchTab::onBatchChanged);
    connect(m_index, &QSpinBox::valueChanged, this, &BatchTab::onBatchChanged);
    connect(m_open, &QPushButton::clicked, this,
            [this] { emit showOnMnistPage(m_size->value(), m_index->value()); });
    auto *form = new QFormLayout(m_side);
    form->setContentsMargins(0, 0, 0, 0);
    auto *note = new QLabel(tr("<b>Batches</b>: deep learning models don't process a whole data "
                               "set at once; they break it into small batches along the first "
                               "axis, the <i>samples axis</i>."),
                            m_side);
    note->setWordWrap(true);
    form->addRow(note);
    form->addRow(tr("Batch size"), m_size);
    form->addRow(tr("n"), m_index);
    form->addRow(m_open);
    setSampleCount(60000);
}

void BatchTab::setSampleCount(qint64 count)
{
    m_count = count;
    m_axis->setBatch(count, 0, 0);
    onBatchChanged();
}

QString BatchTab::cell() const
{
    return QStringLiteral("n = %1\nbatch = train_images[%2 * n:%2 * (n + 1)]\nbatch.shape")
        .arg(m_index->value())
        .arg(m_size->value());
}

void BatchTab::onBatchChanged()
{
    // n's range follows the batch size: 469 batches of 128, 60,000 of 1.
    m_index->setMaximum(
        static_cast<int>(std::max<qint64>(0, (m_count - 1) / std::max(1, m_size->value()))));
    emit cellChosen(cell());
}

void BatchTab::showRun(const CellRun &run)
{
    if (!run.result.ok() || !run.shown || run.shown->ndim() != 3) return;
    const core::Tensor &batch = *run.shown;
    m_shape = QString::fromStdString(run.result.valueRepr);
    // n and the size as the cell has them: the user may have edited them there.
    static const QRegularExpression form(
        QStringLiteral(R"(n\s*=\s*(\d+)[\s\S]*train_images\[\s*(\d+)\s*\*\s*n\s*:)"));
    const auto match = form.match(run.cell);
    const qint64 n = match.hasMatch() ? match.captured(1).toLongLong() : m_index->value();
    const qint64 size = match.hasMatch() ? match.captured(2).toLongLong() : m_size->value();
    const qint64 start = std::min(size * n, m_count);
    const qint64 stop = start + batch.shape()[0];
    m_axis->setBatch(m_count, start, stop);
    // MNIST's 28 x 28 digits; a cell's batch of huge images is described, not drawn.
    const bool drawable = batch.shape()[1] * batch.shape()[2] <= 128 * 128;
    m_axis->setDigits(drawable ? imageOfTensor(batch, 1, 16, 128) : QImage());
    const QString name = run.shownName.isEmpty() ? QStringLiteral("_") : run.shownName;
    m_summary->setText(
        batch.shape()[0] == 0
            ? tr("<b>%1</b> = train_images[%2 * n:%2 * (n + 1)] with n = %3 is empty: shape "
                 "<b>%4</b>")
                  .arg(name)
                  .arg(size)
                  .arg(n)
                  .arg(m_shape)
            : tr("<b>%1</b> = train_images[%2 * n:%2 * (n + 1)] with n = %3: shape <b>%4</b>, "
                 "digits %5 to %6%7")
                  .arg(name)
                  .arg(size)
                  .arg(n)
                  .arg(m_shape)
                  .arg(start)
                  .arg(stop - 1)
                  .arg(batch.shape()[0] > 128 ? tr(" (the first 128 drawn)") : QString()));
}

} // namespace ui
