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
    return {800, static_cast<int>(fontMetrics().height() * 4.4) + 28};
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
    setToolTip(caption + QLatin1Char('\n') + description());
    update();
}

void FlattenStrip::clear()
{
    m_caption = tr("No digit selected");
    m_rowLength = 28;
    m_values = core::Tensor(core::DType::Float32, {0});
    m_image = QImage();
    m_hover.reset();
    setToolTip(QString());
    update();
}

QString FlattenStrip::description() const
{
    const int n = static_cast<int>(m_values.size());
    if (n == 0) return {};
    return tr("%1 values in [0, 1], %2 rows end to end").arg(n).arg(n / std::max(1, m_rowLength));
}

QRectF FlattenStrip::stripRect() const
{
    const double line = fontMetrics().height();
    return QRectF(10, line * 2.6, width() - 20, std::max(18.0, height() - line * 4.3));
}

QStringList FlattenStrip::captionLines() const
{
    // Break before a method call (".astype"), never inside a call's brackets, so each line reads
    // as code. A line is elided only if one piece alone is too wide.
    QStringList pieces;
    int from = 0;
    for (int i = 1; i < m_caption.size(); ++i) {
        const bool method = m_caption[i] == QLatin1Char('.') && i + 1 < m_caption.size() &&
                            m_caption[i + 1].isLetter() && !m_caption[i - 1].isDigit();
        if (method) {
            pieces << m_caption.mid(from, i - from);
            from = i;
        }
    }
    pieces << m_caption.mid(from);

    const QFontMetrics fm = fontMetrics();
    const int width = static_cast<int>(stripRect().width());
    QStringList lines{QString()};
    for (const QString &piece : pieces) {
        if (lines.size() == 1 && !lines[0].isEmpty() &&
            fm.horizontalAdvance(lines[0] + piece) > width)
            lines << QString();
        lines.last() += lines.last().isEmpty() ? piece.trimmed() : piece;
    }
    for (QString &line : lines)
        line = fm.elidedText(line, Qt::ElideMiddle, width);
    return lines;
}

QList<QRectF> FlattenStrip::axisLabelRects() const
{
    // Numbers where every seventh row begins and at the end, each kept inside the widget.
    QList<QRectF> rects;
    const QRectF r = stripRect();
    const int n = static_cast<int>(m_values.size());
    if (n == 0) return rects;
    const QFontMetricsF fm(font());
    for (int i = 0; i <= n; i += m_rowLength) {
        if (i % (m_rowLength * 7) != 0 && i != n) continue;
        const double w = fm.horizontalAdvance(QString::number(i)) + 2;
        const double x = r.left() + r.width() * i / n;
        const double left = std::clamp(x - w / 2, 0.0, width() - w);
        rects << QRectF(left, r.bottom() + 4, w, fm.height());
    }
    return rects;
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

    // Two header lines: the code (on one or both), then what it gives or the value under the mouse.
    p.setPen(pal.color(QPalette::WindowText));
    const QRectF first(r.left(), 0, r.width(), line * 1.25),
        second(r.left(), line * 1.25, r.width(), line * 1.25);
    const QStringList caption = captionLines();
    p.drawText(first, Qt::AlignLeft | Qt::AlignVCenter, caption.value(0));
    QString info;
    if (m_hover) {
        const int i = *m_hover;
        const float v = m_values.data<float>()[i];
        info = tr("x[%1] = %2   (pixel row %3, col %4 of the digit: %5 / 255)")
                   .arg(i)
                   .arg(static_cast<double>(v), 0, 'g', 7)
                   .arg(i / m_rowLength)
                   .arg(i % m_rowLength)
                   .arg(static_cast<int>(std::lround(v * 255.0f)));
    }
    if (caption.size() > 1 && !m_hover) {
        p.drawText(second, Qt::AlignLeft | Qt::AlignVCenter, caption[1]);
        const int used = fontMetrics().horizontalAdvance(caption[1]) + 24;
        if (used + fontMetrics().horizontalAdvance(description()) <= r.width())
            p.drawText(second, Qt::AlignRight | Qt::AlignVCenter, description());
    } else {
        p.drawText(second, Qt::AlignLeft | Qt::AlignVCenter,
                   fontMetrics().elidedText(m_hover ? info : description(), Qt::ElideRight,
                                            static_cast<int>(r.width())));
    }
    if (n == 0) return;
    p.setRenderHint(QPainter::SmoothPixmapTransform, false);
    p.drawImage(r, m_image);
    p.setPen(QPen(pal.color(QPalette::Mid), 1));
    p.drawRect(r);

    // A tick where each row of the digit begins, and the numbers.
    p.setPen(QPen(palette::accent(), 1));
    for (int i = 0; i <= n; i += m_rowLength) {
        const double x = r.left() + r.width() * i / n;
        p.drawLine(QPointF(x, r.bottom()), QPointF(x, r.bottom() + 4));
    }
    p.setPen(pal.color(QPalette::WindowText));
    const QList<QRectF> labels = axisLabelRects();
    int k = 0;
    for (int i = 0; i <= n; i += m_rowLength)
        if (i % (m_rowLength * 7) == 0 || i == n)
            p.drawText(labels.value(k++), Qt::AlignCenter, QString::number(i));
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
