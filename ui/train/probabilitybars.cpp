#include "ui/train/probabilitybars.h"

#include "ui/common/palette.h"

#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <algorithm>

namespace ui {

QString probabilityText(double p)
{
    return QString::number(p, 'f', 3);
}

void paintProbabilityBars(QPainter &painter, const QRectF &rect, std::span<const float> p,
                          int label, const QPalette &pal)
{
    const int n = static_cast<int>(p.size());
    if (n == 0) return;
    const QFontMetricsF fm(painter.font());
    const double digitRow = fm.height() + 2;
    const double valueRow = fm.height();
    const QRectF plot(rect.left(), rect.top() + valueRow, rect.width(),
                      std::max(4.0, rect.height() - digitRow - valueRow));
    const double slot = plot.width() / n;
    const int best = static_cast<int>(std::max_element(p.begin(), p.end()) - p.begin());
    // Lines as thick as the font is large: presentation mode's larger text gets thicker ones.
    const double pen = std::max(1.0, fm.height() / 14.0);

    QColor baseline = pal.color(QPalette::Text);
    baseline.setAlpha(60);
    painter.setPen(QPen(baseline, pen));
    painter.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()));
    for (int d = 0; d < n; ++d) {
        const double v = std::clamp(p[static_cast<std::size_t>(d)], 0.0f, 1.0f);
        const QRectF bar(plot.left() + d * slot + slot * 0.15, plot.bottom() - v * plot.height(),
                         slot * 0.7, v * plot.height());
        painter.fillRect(bar, palette::digit(d));
        QFont f = painter.font();
        f.setBold(d == best);
        painter.setFont(f);
        const QRectF digitBox(plot.left() + d * slot, plot.bottom() + 1, slot, digitRow);
        painter.setPen(d == best ? pal.color(QPalette::Text)
                                 : pal.color(QPalette::PlaceholderText));
        painter.drawText(digitBox, Qt::AlignHCenter | Qt::AlignTop, QString::number(d));
        if (d == label) {
            painter.setPen(QPen(pal.color(QPalette::Text), 1.5 * pen));
            const double y = digitBox.top() + fm.height();
            painter.drawLine(QPointF(digitBox.center().x() - slot * 0.3, y),
                             QPointF(digitBox.center().x() + slot * 0.3, y));
        }
    }
    // The winner's probability above its bar, as the book prints predictions[0][7].
    QFont f = painter.font();
    f.setBold(false);
    painter.setFont(f);
    painter.setPen(pal.color(QPalette::Text));
    const double v = std::clamp(p[static_cast<std::size_t>(best)], 0.0f, 1.0f);
    const QString text = probabilityText(p[static_cast<std::size_t>(best)]);
    const double w = fm.horizontalAdvance(text);
    const double cx =
        std::clamp(plot.left() + (best + 0.5) * slot, rect.left() + w / 2, rect.right() - w / 2);
    painter.drawText(
        QRectF(cx - w / 2 - 2, plot.bottom() - v * plot.height() - valueRow, w + 4, valueRow),
        Qt::AlignCenter, text);
}

ProbabilityBars::ProbabilityBars(QWidget *parent) : QWidget(parent)
{
    setMouseTracking(true);
}

QSize ProbabilityBars::minimumSizeHint() const
{
    // The ten digits under their bars, a value row and bars most of a line tall: in the
    // page's font, so presentation mode's larger digits get wider slots (the Draw tab still fits
    // a 1024 x 640 window).
    const QFontMetrics fm(font());
    return {std::max(160, 10 * (fm.horizontalAdvance(QLatin1Char('8')) + 8)),
            std::max(60, 3 * fm.height() + 8)};
}

QSize ProbabilityBars::sizeHint() const
{
    const QSize least = minimumSizeHint();
    return {std::max(280, least.width() * 7 / 4), std::max(140, 8 * fontMetrics().height())};
}

void ProbabilityBars::setProbabilities(std::vector<float> p, int label)
{
    m_p = std::move(p);
    m_label = label;
    update();
}

int ProbabilityBars::predicted() const
{
    if (m_p.empty()) return -1;
    return static_cast<int>(std::max_element(m_p.begin(), m_p.end()) - m_p.begin());
}

void ProbabilityBars::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    if (m_p.empty()) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter, tr("no prediction yet"));
        return;
    }
    paintProbabilityBars(painter, QRectF(rect()).adjusted(4, 2, -4, -2), m_p, m_label, palette());
}

void ProbabilityBars::mouseMoveEvent(QMouseEvent *event)
{
    if (m_p.empty()) return;
    const int d =
        std::clamp(static_cast<int>(event->position().x() / std::max(1, width()) * m_p.size()), 0,
                   static_cast<int>(m_p.size()) - 1);
    QToolTip::showText(
        event->globalPosition().toPoint(),
        tr("digit %1: probability %2").arg(d).arg(m_p[static_cast<std::size_t>(d)], 0, 'f', 6),
        this);
}

} // namespace ui
