#include "ui/mnist/flattenstrip.h"

#include "ui/common/palette.h"

#include <QMouseEvent>
#include <QPainter>
#include <algorithm>

namespace ui {

FlattenStrip::FlattenStrip(QWidget *parent) : QWidget(parent)
{
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

QSize FlattenStrip::sizeHint() const
{
    return {800, fontMetrics().height() * 4 + 40};
}

void FlattenStrip::setDigit(const core::Tensor &digit, const QString &caption)
{
    m_caption = caption;
    m_rowLength =
        digit.ndim() == 2 ? static_cast<int>(digit.shape()[1]) : static_cast<int>(digit.size());
    // The book's preprocessing, on this one digit: reshape to a row, then astype("float32") / 255.
    m_values = digit.reshape({-1}).divided(255.0f);
    const int n = static_cast<int>(m_values.size());
    m_image = QImage(std::max(n, 1), 1, QImage::Format_RGB32);
    const float *v = m_values.data<float>();
    for (int i = 0; i < n; ++i)
        m_image.setPixel(i, 0, palette::binaryF(v[i]));
    update();
}

QRectF FlattenStrip::stripRect() const
{
    const double line = fontMetrics().height();
    return QRectF(10, line * 1.6, width() - 20, std::max(18.0, height() - line * 3.4));
}

std::optional<int> FlattenStrip::indexAt(const QPointF &pos) const
{
    const QRectF r = stripRect();
    const int n = static_cast<int>(m_values.size());
    if (n == 0 || pos.x() < r.left() || pos.x() >= r.right() || pos.y() < r.top() - 4 ||
        pos.y() > r.bottom() + 4)
        return std::nullopt;
    return std::clamp(static_cast<int>((pos.x() - r.left()) / r.width() * n), 0, n - 1);
}

void FlattenStrip::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const QPalette &pal = palette();
    const QRectF r = stripRect();
    const int n = static_cast<int>(m_values.size());
    const double line = fontMetrics().height();

    p.setPen(pal.color(QPalette::WindowText));
    const QRectF headRect(r.left(), 0, r.width(), line * 1.5);
    if (m_hover) {
        const int i = *m_hover;
        const float v = m_values.data<float>()[i];
        p.drawText(headRect, Qt::AlignLeft | Qt::AlignVCenter,
                   tr("x[%1] = %2   (pixel row %3, col %4 of the digit: %5 / 255)")
                       .arg(i)
                       .arg(static_cast<double>(v), 0, 'g', 7)
                       .arg(i / m_rowLength)
                       .arg(i % m_rowLength)
                       .arg(static_cast<int>(std::lround(v * 255.0f))));
    } else {
        const QString what = tr("%1 values in [0, 1], %2 rows end to end")
                                 .arg(n)
                                 .arg(n / std::max(1, m_rowLength));
        const int whatWidth = fontMetrics().horizontalAdvance(what) + 16;
        p.drawText(headRect, Qt::AlignRight | Qt::AlignVCenter, what);
        p.drawText(headRect.adjusted(0, 0, -whatWidth, 0), Qt::AlignLeft | Qt::AlignVCenter,
                   fontMetrics().elidedText(m_caption, Qt::ElideMiddle,
                                            static_cast<int>(r.width()) - whatWidth));
    }
    if (n == 0) return;
    p.setRenderHint(QPainter::SmoothPixmapTransform, false);
    p.drawImage(r, m_image);
    p.setPen(QPen(pal.color(QPalette::Mid), 1));
    p.drawRect(r);

    // A tick where each row of the digit begins; numbers every 7 rows.
    p.setPen(QPen(palette::accent(), 1));
    for (int i = 0; i <= n; i += m_rowLength) {
        const double x = r.left() + r.width() * i / n;
        p.drawLine(QPointF(x, r.bottom()), QPointF(x, r.bottom() + 4));
        if (i % (m_rowLength * 7) == 0 || i == n) {
            p.setPen(pal.color(QPalette::WindowText));
            p.drawText(QRectF(x - 30, r.bottom() + 4, 60, line), Qt::AlignHCenter | Qt::AlignTop,
                       QString::number(i));
            p.setPen(QPen(palette::accent(), 1));
        }
    }
    if (m_hover) {
        const double x0 = r.left() + r.width() * *m_hover / n,
                     x1 = r.left() + r.width() * (*m_hover + 1) / n;
        p.setPen(QPen(palette::e2(), 2));
        p.setBrush(Qt::NoBrush);
        p.drawRect(QRectF(x0 - 1, r.top() - 3, std::max(2.0, x1 - x0) + 2, r.height() + 6));
    }
}

void FlattenStrip::mouseMoveEvent(QMouseEvent *event)
{
    const auto i = indexAt(event->position());
    if (i != m_hover) {
        m_hover = i;
        update();
    }
}

void FlattenStrip::leaveEvent(QEvent *)
{
    m_hover.reset();
    update();
}

} // namespace ui
