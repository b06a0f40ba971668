#include "ui/mnist/digitview.h"

#include "ui/common/palette.h"
#include "ui/common/tensorimage.h"

#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <cmath>

namespace ui {

namespace {
constexpr int kGrab = 7; // pixels around an edge that grab it
}

DigitView::DigitView(QWidget *parent) : QWidget(parent)
{
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void DigitView::setDigit(const core::Tensor &digit, const QString &title, const QString &shortTitle)
{
    m_digit = digit;
    m_image = digit.ndim() == 2 ? imageOf2d(digit) : QImage();
    m_title = title;
    m_shortTitle = shortTitle;
    update();
}

QString DigitView::titleFor(double width) const
{
    QFont titleFont = font();
    titleFont.setBold(true);
    const QFontMetricsF metrics(titleFont);
    if (metrics.horizontalAdvance(m_title) <= width || m_shortTitle.isEmpty())
        return metrics.elidedText(m_title, Qt::ElideRight, width);
    return metrics.elidedText(m_shortTitle, Qt::ElideRight, width);
}

void DigitView::setCrop(std::optional<CropRect> crop, bool editable)
{
    if (m_dragEdges != None) return; // the drag in progress owns the rectangle
    m_crop = crop;
    m_editable = editable;
    update();
}

void DigitView::setLineScale(double scale)
{
    m_lineScale = scale;
    update();
}

QRectF DigitView::imageRect(const QRectF &area) const
{
    if (m_image.isNull()) return {};
    const QFontMetricsF fm(font());
    const double left = fm.horizontalAdvance(QStringLiteral("000")) + 10;
    const double top = fm.height() * 1.6;
    const double bottom = fm.height() + 10;
    const QSizeF room(area.width() - left - 8, area.height() - top - bottom);
    const QSizeF size = QSizeF(m_image.size()).scaled(room, Qt::KeepAspectRatio);
    return {area.left() + left + (room.width() - size.width()) / 2, area.top() + top, size.width(),
            size.height()};
}

QRectF DigitView::pixelRect(int row, int col) const
{
    return pixelRectIn(rect(), row, col);
}

QRectF DigitView::pixelRectIn(const QRectF &area, int row, int col) const
{
    const QRectF img = imageRect(area);
    const double w = img.width() / m_image.width(), h = img.height() / m_image.height();
    return {img.left() + col * w, img.top() + row * h, w, h};
}

std::optional<QPoint> DigitView::pixelAt(const QPointF &pos) const
{
    const QRectF img = imageRect(rect());
    if (img.isEmpty() || !img.contains(pos)) return std::nullopt;
    const int col =
        std::clamp(static_cast<int>((pos.x() - img.left()) / img.width() * m_image.width()), 0,
                   m_image.width() - 1);
    const int row =
        std::clamp(static_cast<int>((pos.y() - img.top()) / img.height() * m_image.height()), 0,
                   m_image.height() - 1);
    return QPoint(col, row);
}

QRectF DigitView::cropRectIn(const QRectF &area) const
{
    if (!m_crop) return {};
    const QRectF a = pixelRectIn(area, m_crop->top, m_crop->left);
    const QRectF b = pixelRectIn(area, m_crop->bottom - 1, m_crop->right - 1);
    return a.united(b);
}

void DigitView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    paintInto(p, rect());
}

QImage DigitView::render(int size)
{
    QImage out(size, size, QImage::Format_RGB32);
    out.fill(palette().color(QPalette::Window));
    QPainter p(&out);
    p.setFont(font());
    const auto hover = m_hover;
    m_hover.reset();
    paintInto(p, QRectF(0, 0, size, size));
    m_hover = hover;
    return out;
}

void DigitView::paintInto(QPainter &p, const QRectF &area)
{
    p.setRenderHint(QPainter::Antialiasing, true);
    const QPalette &pal = palette();
    const QFontMetricsF fm(font());
    if (m_image.isNull()) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(area, Qt::AlignCenter, tr("No digit selected"));
        return;
    }
    const QRectF img = imageRect(area);

    // Title, and the value under the mouse on the right.
    p.setPen(pal.color(QPalette::WindowText));
    QFont titleFont = font();
    titleFont.setBold(true);
    p.setFont(titleFont);
    // The title may use the width of the row numbers too; when the view is narrow it shortens,
    // then is elided, and the hovered value takes the place of a cut title.
    const QRectF titleRect(area.left() + 4, area.top(), area.width() - 8, fm.height() * 1.4);
    QString value;
    if (m_hover) {
        const std::int64_t at[] = {m_hover->y(), m_hover->x()};
        const double v = m_digit.at(at);
        value =
            tr("[%1, %2] = %3")
                .arg(m_hover->y())
                .arg(m_hover->x())
                .arg(m_digit.dtype() == core::DType::UInt8 ? QString::number(static_cast<int>(v))
                                                           : QString::number(v, 'g', 6));
    }
    const double valueWidth = value.isEmpty() ? 0 : fm.horizontalAdvance(value) + 16;
    const QString title = titleFor(titleRect.width() - valueWidth);
    if (value.isEmpty() || !title.endsWith(QChar(0x2026))) // a cut title gives way to the value
        p.drawText(titleRect, Qt::AlignLeft | Qt::AlignVCenter, title);
    p.setFont(font());
    if (!value.isEmpty()) p.drawText(titleRect, Qt::AlignRight | Qt::AlignVCenter, value);

    p.setRenderHint(QPainter::SmoothPixmapTransform, false);
    p.drawImage(img, m_image);
    p.setPen(QPen(pal.color(QPalette::Mid), 1));
    p.setBrush(Qt::NoBrush);
    p.drawRect(img);

    // Ticks every 5 pixels at pixel centres, as matplotlib draws them for imshow.
    p.setPen(QPen(pal.color(QPalette::WindowText), 1));
    const int rows = m_image.height(), cols = m_image.width();
    const int rowStep = rows > 60 ? (rows / 50 + 1) * 10 : 5,
              colStep = cols > 60 ? (cols / 50 + 1) * 10 : 5;
    for (int c = 0; c < cols; c += colStep) {
        const double x = pixelRectIn(area, 0, c).center().x();
        p.drawLine(QPointF(x, img.bottom()), QPointF(x, img.bottom() + 4));
        p.drawText(QRectF(x - 20, img.bottom() + 5, 40, fm.height()),
                   Qt::AlignHCenter | Qt::AlignTop, QString::number(c));
    }
    for (int r = 0; r < rows; r += rowStep) {
        const double y = pixelRectIn(area, r, 0).center().y();
        p.drawLine(QPointF(img.left() - 4, y), QPointF(img.left(), y));
        p.drawText(QRectF(img.left() - 46, y - fm.height() / 2, 40, fm.height()),
                   Qt::AlignRight | Qt::AlignVCenter, QString::number(r));
    }

    if (m_crop) {
        const QRectF c = cropRectIn(area);
        // Veil what the slice drops, so the kept part stands out.
        QPainterPath veil;
        veil.addRect(img);
        QPainterPath kept;
        kept.addRect(c);
        QColor veilColour = palette().color(QPalette::WindowText);
        veilColour.setAlpha(55);
        p.fillPath(veil.subtracted(kept), veilColour);
        // A step drops rows or columns inside the rectangle too (::2 keeps every other one):
        // they get the same veil, so the kept ones read as a comb, not as all 28.
        if (m_crop->rowStep != 1 || m_crop->colStep != 1) {
            p.setRenderHint(QPainter::Antialiasing, false); // adjacent cells without seams
            for (int r = m_crop->top; r < m_crop->bottom; ++r)
                for (int col = m_crop->left; col < m_crop->right; ++col)
                    if (!m_crop->keepsRow(r) || !m_crop->keepsCol(col))
                        p.fillRect(pixelRectIn(area, r, col), veilColour);
            p.setRenderHint(QPainter::Antialiasing, true);
        }
        QPen pen(palette::accent(), 2.5 * m_lineScale);
        pen.setJoinStyle(Qt::MiterJoin);
        if (!m_editable) pen.setStyle(Qt::DashLine);
        p.setPen(pen);
        p.drawRect(c);
        if (m_editable) {
            p.setBrush(palette::accent());
            p.setPen(QPen(Qt::white, 1));
            const double h = 4.5 * m_lineScale;
            for (QPointF pt :
                 {c.topLeft(), c.topRight(), c.bottomLeft(), c.bottomRight(),
                  QPointF(c.center().x(), c.top()), QPointF(c.center().x(), c.bottom()),
                  QPointF(c.left(), c.center().y()), QPointF(c.right(), c.center().y())})
                p.drawRect(QRectF(pt.x() - h, pt.y() - h, 2 * h, 2 * h));
        }
    }
    if (m_hover) {
        p.setBrush(Qt::NoBrush);
        p.setPen(QPen(palette::e2(), 2 * m_lineScale));
        p.drawRect(pixelRectIn(area, m_hover->y(), m_hover->x()));
    }
}

int DigitView::hitTest(const QPointF &pos) const
{
    if (!m_crop || !m_editable) return None;
    const QRectF c = cropRectIn(rect());
    if (!c.adjusted(-kGrab, -kGrab, kGrab, kGrab).contains(pos)) return None;
    int edges = None;
    if (std::abs(pos.x() - c.left()) <= kGrab)
        edges |= Left;
    else if (std::abs(pos.x() - c.right()) <= kGrab)
        edges |= Right;
    if (std::abs(pos.y() - c.top()) <= kGrab)
        edges |= Top;
    else if (std::abs(pos.y() - c.bottom()) <= kGrab)
        edges |= Bottom;
    return edges == None && c.contains(pos) ? Move : edges;
}

void DigitView::updateCursor(int edges)
{
    if (edges == Move)
        setCursor(Qt::SizeAllCursor);
    else if (edges == (Left | Top) || edges == (Right | Bottom))
        setCursor(Qt::SizeFDiagCursor);
    else if (edges == (Right | Top) || edges == (Left | Bottom))
        setCursor(Qt::SizeBDiagCursor);
    else if (edges & (Left | Right))
        setCursor(Qt::SizeHorCursor);
    else if (edges & (Top | Bottom))
        setCursor(Qt::SizeVerCursor);
    else
        unsetCursor();
}

void DigitView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) return;
    m_dragEdges = hitTest(event->position());
    m_dragStart = event->position();
    if (m_crop) m_dragOrigin = *m_crop;
}

void DigitView::mouseMoveEvent(QMouseEvent *event)
{
    const QPointF pos = event->position();
    const auto pixel = pixelAt(pos);
    if (pixel != m_hover) {
        m_hover = pixel;
        if (pixel) {
            const std::int64_t at[] = {pixel->y(), pixel->x()};
            emit hovered(pixel->y(), pixel->x(), m_digit.at(at));
        }
        update();
    }
    if (m_dragEdges == None) {
        updateCursor(hitTest(pos));
        return;
    }
    const QRectF img = imageRect(rect());
    const double pw = img.width() / m_image.width(), ph = img.height() / m_image.height();
    const int dc = static_cast<int>(std::lround((pos.x() - m_dragStart.x()) / pw));
    const int dr = static_cast<int>(std::lround((pos.y() - m_dragStart.y()) / ph));
    const int rows = m_image.height(), cols = m_image.width();
    CropRect c = m_dragOrigin;
    if (m_dragEdges == Move) {
        const int h = c.bottom - c.top, w = c.right - c.left;
        c.top = std::clamp(c.top + dr, 0, rows - h);
        c.left = std::clamp(c.left + dc, 0, cols - w);
        c.bottom = c.top + h;
        c.right = c.left + w;
    } else {
        if (m_dragEdges & Left) c.left = std::clamp(c.left + dc, 0, c.right - 1);
        if (m_dragEdges & Right) c.right = std::clamp(c.right + dc, c.left + 1, cols);
        if (m_dragEdges & Top) c.top = std::clamp(c.top + dr, 0, c.bottom - 1);
        if (m_dragEdges & Bottom) c.bottom = std::clamp(c.bottom + dr, c.top + 1, rows);
    }
    if (m_crop != c) {
        m_crop = c;
        update();
        emit cropEdited(c);
    }
}

void DigitView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) m_dragEdges = None;
}

void DigitView::leaveEvent(QEvent *)
{
    m_hover.reset();
    update();
}

} // namespace ui
