#include "ui/gradient/curveview.h"

#include "core/geometry/ticks.h"
#include "ui/common/palette.h"

#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <cmath>

namespace ui {

namespace {

const QColor kCurve(0x1F, 0x4E, 0x79);
const QColor kTangent(0xD9, 0x5F, 0x02);
const QColor kGrid(0xE6, 0xE6, 0xE6);

QString number(double v)
{
    return QString::number(v, 'g', 4);
}

void arrow(QPainter &p, QPointF from, QPointF to)
{
    p.drawLine(from, to);
    const QPointF d = to - from;
    const double length = std::hypot(d.x(), d.y());
    if (length < 1) return;
    const QPointF u = d / length, n(-u.y(), u.x());
    const double head = std::min(10.0, length / 2);
    p.drawPolygon(QPolygonF{to, to - u * head + n * head * 0.45, to - u * head - n * head * 0.45});
}

} // namespace

CurveView::CurveView(QWidget *parent) : QWidget(parent)
{
    setMouseTracking(false);
    setCursor(Qt::SizeHorCursor);
    setAttribute(Qt::WA_OpaquePaintEvent);
}

void CurveView::setCurve(std::vector<double> xs, std::vector<double> ys)
{
    m_xs = std::move(xs);
    m_ys = std::move(ys);
    updateRange();
    update();
}

void CurveView::setPoint(double x, double y, double slope)
{
    m_x = x;
    m_y = y;
    m_slope = slope;
    update();
}

void CurveView::setStep(std::optional<double> xNext, std::optional<double> yNext)
{
    m_xNext = xNext;
    m_yNext = yNext;
    update();
}

void CurveView::updateRange()
{
    if (m_xs.size() < 2) return;
    m_x0 = m_xs.front();
    m_x1 = m_xs.back();
    if (!(m_x1 > m_x0)) m_x1 = m_x0 + 1; // never a range of no width (toPixel divides by it)
    double lo = INFINITY, hi = -INFINITY;
    for (double y : m_ys)
        if (std::isfinite(y)) {
            lo = std::min(lo, y);
            hi = std::max(hi, y);
        }
    if (!std::isfinite(lo)) lo = -1, hi = 1;
    if (hi - lo < 1e-9) lo -= 1, hi += 1;
    const double pad = (hi - lo) * 0.08;
    m_y0 = lo - pad;
    m_y1 = hi + pad;
}

QRectF CurveView::plotRect() const
{
    return QRectF(rect()).adjusted(60, 18, -20, -40);
}

QPointF CurveView::toPixel(double x, double y) const
{
    const QRectF r = plotRect();
    return {r.left() + (x - m_x0) / (m_x1 - m_x0) * r.width(),
            r.bottom() - (y - m_y0) / (m_y1 - m_y0) * r.height()};
}

double CurveView::toX(double pixelX) const
{
    const QRectF r = plotRect();
    return std::clamp(m_x0 + (pixelX - r.left()) / r.width() * (m_x1 - m_x0), m_x0, m_x1);
}

void CurveView::drawAxes(QPainter &p) const
{
    const QRectF r = plotRect();
    p.setFont(font());
    const QFontMetricsF fm(font());
    using core::geometry::niceStep;
    using core::geometry::ticksBetween;
    const double xs = niceStep((m_x1 - m_x0) / std::max(2.0, r.width() / 90));
    const double ys = niceStep((m_y1 - m_y0) / std::max(2.0, r.height() / 60));
    for (double x : ticksBetween(m_x0, m_x1, xs)) {
        const QPointF at = toPixel(x, m_y0);
        p.setPen(kGrid);
        p.drawLine(QPointF(at.x(), r.top()), QPointF(at.x(), r.bottom()));
        p.setPen(palette().color(QPalette::WindowText));
        const QString label = number(core::geometry::roundToStep(x, xs));
        p.drawText(QPointF(at.x() - fm.horizontalAdvance(label) / 2, r.bottom() + fm.ascent() + 4),
                   label);
    }
    for (double y : ticksBetween(m_y0, m_y1, ys)) {
        const QPointF at = toPixel(m_x0, y);
        p.setPen(kGrid);
        p.drawLine(QPointF(r.left(), at.y()), QPointF(r.right(), at.y()));
        p.setPen(palette().color(QPalette::WindowText));
        const QString label = number(core::geometry::roundToStep(y, ys));
        p.drawText(QPointF(r.left() - fm.horizontalAdvance(label) - 6, at.y() + fm.ascent() / 2.5),
                   label);
    }
    p.setPen(palette().color(QPalette::WindowText));
    p.drawRect(r);
    p.drawText(QPointF(r.right() - fm.horizontalAdvance("x"), r.bottom() + 2 * fm.height() + 2),
               QStringLiteral("x"));
    p.drawText(QPointF(r.left() - 52, r.top() - 4), QStringLiteral("y = f(x)"));
}

void CurveView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), palette().color(QPalette::Base));
    p.setRenderHint(QPainter::Antialiasing);
    drawAxes(p);
    const QRectF r = plotRect();
    p.setClipRect(r.adjusted(-1, -1, 1, 1));

    QPainterPath curve;
    bool open = false;
    for (std::size_t i = 0; i < m_xs.size() && i < m_ys.size(); ++i) {
        if (!std::isfinite(m_ys[i])) {
            open = false;
            continue;
        }
        const QPointF at = toPixel(m_xs[i], m_ys[i]);
        open ? curve.lineTo(at) : curve.moveTo(at);
        open = true;
    }
    p.setPen(QPen(kCurve, 2.5));
    p.setBrush(Qt::NoBrush);
    p.drawPath(curve);

    if (!m_x || !m_y || !m_slope || !std::isfinite(*m_y)) return;
    const QPointF point = toPixel(*m_x, *m_y);
    // The tangent: the line the derivative describes, over a fifth of the range each side.
    const double reach = (m_x1 - m_x0) / 5;
    p.setPen(QPen(kTangent, 2, Qt::DashLine));
    p.drawLine(toPixel(*m_x - reach, *m_y - *m_slope * reach),
               toPixel(*m_x + reach, *m_y + *m_slope * reach));
    const QFontMetricsF fm(font());
    p.setPen(kTangent);
    const QString slopeText = tr("slope f′(x) = %1").arg(number(*m_slope));
    const QPointF textAt = point + QPointF(12, *m_slope > 0 ? 22 : -12);
    p.drawText(QPointF(std::min(textAt.x(), r.right() - fm.horizontalAdvance(slopeText) - 4),
                       std::clamp(textAt.y(), r.top() + fm.height(), r.bottom() - 4)),
               slopeText);

    if (m_xNext && m_yNext && std::isfinite(*m_xNext) && std::isfinite(*m_yNext)) {
        // The step moves x against the slope; the arrow runs at the current height, then a dashed
        // drop shows where the curve is there.
        const QPointF land = toPixel(*m_xNext, *m_y);
        const QPointF next = toPixel(*m_xNext, *m_yNext);
        p.setPen(QPen(palette::accent(), 2));
        p.setBrush(palette::accent());
        arrow(p, point, land);
        p.setPen(QPen(palette::accent(), 1.5, Qt::DotLine));
        p.drawLine(land, next);
        p.setBrush(palette().color(QPalette::Base));
        p.setPen(QPen(palette::accent(), 2));
        p.drawEllipse(next, 5.5, 5.5);
        const QString stepText = tr("x − η·f′(x) = %1").arg(number(*m_xNext));
        p.setPen(palette::accent());
        const double tx = std::clamp(land.x() - fm.horizontalAdvance(stepText) / 2, r.left() + 4,
                                     r.right() - fm.horizontalAdvance(stepText) - 4);
        p.drawText(QPointF(tx, std::max(r.top() + fm.height(), land.y() - 10)), stepText);
    }
    p.setPen(QPen(Qt::white, 2));
    p.setBrush(palette::accent());
    p.drawEllipse(point, 7, 7);
}

void CurveView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || m_xs.size() < 2) return;
    m_dragging = true;
    emit xDragged(toX(event->position().x()));
}

void CurveView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_dragging) emit xDragged(toX(event->position().x()));
}

void CurveView::mouseReleaseEvent(QMouseEvent *event)
{
    if (!m_dragging || event->button() != Qt::LeftButton) return;
    m_dragging = false;
    emit xDropped(toX(event->position().x()));
}

} // namespace ui
