#include "ui/train/drawcanvas.h"

#include "ui/common/palette.h"

#include <QMouseEvent>
#include <QPainter>
#include <algorithm>

namespace ui {

namespace {
// MNIST strokes are about 2 to 3 pixels wide in the 20-pixel box; a 22-pixel pen on the 280 canvas
// gives that after scaling for a digit drawn across most of the square.
constexpr double kPenWidth = 22.0;
} // namespace

DrawCanvas::DrawCanvas(QWidget *parent)
    : QWidget(parent), m_ink(kSide, kSide, QImage::Format_Grayscale8)
{
    m_ink.fill(0);
    setMinimumSize(140, 140);
    setCursor(Qt::CrossCursor);
    setToolTip(tr("Draw a digit with the left mouse button; erase with the right one"));
    QSizePolicy policy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
}

QSize DrawCanvas::sizeHint() const
{
    return {280, 280};
}

std::vector<float> DrawCanvas::ink() const
{
    std::vector<float> v(static_cast<std::size_t>(kSide) * kSide);
    for (int r = 0; r < kSide; ++r) {
        const uchar *line = m_ink.constScanLine(r);
        for (int c = 0; c < kSide; ++c)
            v[static_cast<std::size_t>(r * kSide + c)] = line[c] / 255.0f;
    }
    return v;
}

void DrawCanvas::setDrawing(const QImage &image)
{
    // The image's darkness is ink: invert a white-ground picture into the canvas' 255 = ink.
    QImage grey = image.convertToFormat(QImage::Format_Grayscale8)
                      .scaled(kSide, kSide, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    grey.invertPixels();
    m_ink.fill(0);
    QPainter p(&m_ink);
    p.drawImage((kSide - grey.width()) / 2, (kSide - grey.height()) / 2, grey);
    p.end();
    m_empty = false;
    update();
    emit drawingChanged();
}

void DrawCanvas::stroke(const QList<QPointF> &points)
{
    for (qsizetype i = 0; i < points.size(); ++i)
        segment(i ? points[i - 1] : points[i], points[i]);
    update();
    emit drawingChanged();
}

void DrawCanvas::clear()
{
    m_ink.fill(0);
    m_empty = true;
    update();
    emit drawingChanged();
}

QRectF DrawCanvas::square() const
{
    const double side = std::min(width(), height()) - 2;
    return QRectF((width() - side) / 2, (height() - side) / 2, side, side);
}

QPointF DrawCanvas::toCanvas(QPointF widget) const
{
    const QRectF s = square();
    return (widget - s.topLeft()) * (kSide / s.width());
}

void DrawCanvas::segment(QPointF from, QPointF to)
{
    QPainter p(&m_ink);
    p.setRenderHint(QPainter::Antialiasing);
    // Ink is white in m_ink (255 = full ink); the eraser is a wider pen of paper.
    const QColor colour = m_erasing ? QColor(0, 0, 0) : QColor(255, 255, 255);
    const double width = m_erasing ? kPenWidth * 1.6 : kPenWidth;
    p.setPen(QPen(colour, width, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    if (from == to)
        p.drawPoint(from);
    else
        p.drawLine(from, to);
    if (!m_erasing) m_empty = false;
}

void DrawCanvas::updateEmpty()
{
    // After erasing, the canvas may be blank again (then the placeholder and no prediction).
    for (int r = 0; r < kSide; ++r) {
        const uchar *line = m_ink.constScanLine(r);
        for (int c = 0; c < kSide; ++c)
            if (line[c] != 0) {
                m_empty = false;
                return;
            }
    }
    m_empty = true;
}

void DrawCanvas::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const QRectF s = square();
    // Shown as the book shows digits: white paper, dark ink.
    QImage shown = m_ink.copy();
    shown.invertPixels();
    p.setRenderHint(QPainter::SmoothPixmapTransform);
    p.drawImage(s, shown);
    p.setPen(QPen(palette().color(QPalette::Mid), 1));
    p.drawRect(s);
    if (m_empty) {
        p.setPen(QColor(150, 150, 150));
        p.drawText(s, Qt::AlignCenter | Qt::TextWordWrap, tr("Draw a digit here"));
    }
}

void DrawCanvas::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton && event->button() != Qt::RightButton) return;
    m_erasing = event->button() == Qt::RightButton;
    m_drawing = true;
    m_last = toCanvas(event->position());
    segment(m_last, m_last);
    update();
    emit drawingChanged();
}

void DrawCanvas::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_drawing) return;
    const QPointF next = toCanvas(event->position());
    segment(m_last, next);
    m_last = next;
    update();
    emit drawingChanged();
}

void DrawCanvas::mouseReleaseEvent(QMouseEvent *)
{
    if (m_drawing && m_erasing) {
        updateEmpty();
        update();
        emit drawingChanged();
    }
    m_drawing = false;
    m_erasing = false;
}

} // namespace ui
