#include "ui/gradient/graphview.h"

#include "ui/common/palette.h"

#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <cmath>

namespace ui {

namespace {

const QColor kForward(0x1F, 0x4E, 0x79);  // values: the curve's blue
const QColor kBackward(0xB3, 0x47, 0x00); // gradients: a dark orange, 4.5:1 on white
const QColor kNode(0xF2, 0xF2, 0xF2);

// How far a step has appeared: 0 before it, rising over its first half-phase, 1 after.
double revealed(double t, int step)
{
    if (step < 0) return 0;
    return std::clamp((t - step) * 2.0, 0.0, 1.0);
}

QColor faded(QColor c, double amount)
{
    c.setAlphaF(static_cast<float>(std::clamp(amount, 0.0, 1.0)));
    return c;
}

} // namespace

GraphView::GraphView(QWidget *parent) : QWidget(parent)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
}

void GraphView::setGraph(std::vector<GraphNode> nodes, std::vector<GraphEdge> edges)
{
    m_nodes = std::move(nodes);
    m_edges = std::move(edges);
    update();
}

void GraphView::setTime(double t)
{
    m_time = t;
    update();
}

QPointF GraphView::place(const QPointF &unit) const
{
    const QRectF r = QRectF(rect()).adjusted(70, 50, -90, -50);
    return {r.left() + unit.x() * r.width(), r.top() + unit.y() * r.height()};
}

void GraphView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), palette().color(QPalette::Base));
    if (hasFocus()) { // where the keys go
        p.setPen(QPen(palette::accent(), 2));
        p.drawRect(QRectF(rect()).adjusted(1, 1, -1, -1));
    }
    p.setRenderHint(QPainter::Antialiasing);
    const QFontMetricsF fm(font());
    const double radius = std::max(18.0, fm.height() * 1.1);
    // The step last revealed (as the caption names it), highlighted while it is the newest.
    const int current = static_cast<int>(std::ceil(m_time)) - 1;

    for (const GraphEdge &e : m_edges) {
        if (e.from < 0 || e.to < 0 || e.from >= static_cast<int>(m_nodes.size()) ||
            e.to >= static_cast<int>(m_nodes.size()))
            continue;
        const QPointF a = place(m_nodes[static_cast<std::size_t>(e.from)].at);
        const QPointF b = place(m_nodes[static_cast<std::size_t>(e.to)].at);
        const QPointF d = b - a;
        const double length = std::hypot(d.x(), d.y());
        if (length < 1) continue;
        const QPointF u = d / length, n(-u.y(), u.x());
        const QPointF from = a + u * radius, to = b - u * radius;
        const bool active = e.forwardStep == current || e.backwardStep == current;
        p.setPen(QPen(active ? palette::accent() : QColor(0x80, 0x80, 0x80), active ? 3 : 1.6));
        p.setBrush(p.pen().color());
        p.drawLine(from, to);
        p.drawPolygon(QPolygonF{to, to - u * 10 + n * 4.5, to - u * 10 - n * 4.5});

        // The forward value above the edge's middle, the gradient below it (in screen terms).
        const QPointF mid = (from + to) / 2;
        const double fwd = revealed(m_time, e.forwardStep);
        if (fwd > 0) {
            p.setPen(faded(kForward, fwd));
            const double w = fm.horizontalAdvance(e.forward);
            p.drawText(QPointF(mid.x() - w / 2, mid.y() - 8), e.forward);
        }
        const double back = revealed(m_time, e.backwardStep);
        if (back > 0) {
            p.setPen(faded(kBackward, back));
            const double w = fm.horizontalAdvance(e.backward);
            p.drawText(QPointF(mid.x() - w / 2, mid.y() + fm.ascent() + 6), e.backward);
        }
    }

    for (const GraphNode &node : m_nodes) {
        const QPointF at = place(node.at);
        p.setPen(QPen(palette().color(QPalette::WindowText), 1.5));
        p.setBrush(node.operation ? QColor(0xFF, 0xF4, 0xE0) : kNode);
        const double w = std::max(2 * radius, fm.horizontalAdvance(node.label) + 18);
        if (node.operation)
            p.drawEllipse(at, radius, radius);
        else
            p.drawRoundedRect(QRectF(at.x() - w / 2, at.y() - radius, w, 2 * radius), 6, 6);
        p.setPen(palette().color(QPalette::WindowText));
        p.drawText(QRectF(at.x() - w / 2, at.y() - radius, w, 2 * radius), Qt::AlignCenter,
                   node.label);
    }

    // The legend: which colour is which pass.
    p.setPen(kForward);
    p.drawText(QPointF(12, height() - 12 - fm.height()), tr("forward pass: values"));
    p.setPen(kBackward);
    p.drawText(QPointF(12, height() - 12), tr("backward pass: gradients"));
}

} // namespace ui
