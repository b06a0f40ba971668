#include "ui/common/tensorview.h"

#include "core/cell/repr.h"
#include "ui/common/fonts.h"
#include "ui/common/numbers.h"
#include "ui/common/palette.h"

#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QScopeGuard>
#include <algorithm>
#include <cmath>

namespace ui {

namespace {

constexpr int kMaxRank = 5; // the drawings go up to a grid of stacks

QString tooManyAxes(int rank)
{
    return QObject::tr("A tensor of rank %1: the drawing goes up to rank 5 (a grid of stacks). "
                       "The cell's output shows its values.")
        .arg(rank);
}

QString indexText(const std::vector<std::int64_t> &index)
{
    QStringList parts;
    for (const std::int64_t i : index)
        parts << QString::number(i);
    return parts.join(QStringLiteral(", "));
}

} // namespace

TensorView::TensorView(QWidget *parent) : QWidget(parent)
{
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void TensorView::setTensor(const core::Tensor &tensor, const QStringList &axisNames)
{
    if (tensor.ndim() > kMaxRank) {
        clear(tooManyAxes(tensor.ndim()));
        return;
    }
    m_tensor = tensor;
    m_shape = tensor.shape();
    m_axisNames = axisNames;
    m_message.clear();
    setHover({});
    update();
}

void TensorView::setShape(const std::vector<std::int64_t> &shape, const QStringList &axisNames)
{
    if (static_cast<int>(shape.size()) > kMaxRank) {
        clear(tooManyAxes(static_cast<int>(shape.size())));
        return;
    }
    m_tensor.reset();
    m_shape = shape;
    m_axisNames = axisNames;
    m_message.clear();
    setHover({});
    update();
}

void TensorView::clear(const QString &message)
{
    m_tensor.reset();
    m_shape.clear();
    m_message = message;
    setHover({});
    update();
}

void TensorView::setHighlighter(Highlighter highlighter)
{
    m_highlighter = std::move(highlighter);
    update();
}

void TensorView::setValueHidden(CellTest hidden)
{
    m_hidden = std::move(hidden);
    update();
}

void TensorView::setFaded(CellTest faded)
{
    m_faded = std::move(faded);
    update();
}

void TensorView::setCornerLabel(std::function<QString(const std::vector<std::int64_t> &)> label)
{
    m_cornerLabel = std::move(label);
    update();
}

void TensorView::setName(const QString &name)
{
    m_name = name;
}

void TensorView::setMaxCell(double pixels)
{
    m_maxCell = pixels;
    update();
}

TensorLayout TensorView::layout() const
{
    return layoutFor(m_shape);
}

TensorLayout TensorView::layoutFor(const std::vector<std::int64_t> &shape) const
{
    const double lh = fontMetrics().height();
    const double scaled = m_maxCell * std::max(1.0, lh / 17.0); // presentation fonts, larger cells
    return TensorLayout(shape, QRectF(rect()).adjusted(4, 4, -4, -4), lh, scaled);
}

QString TensorView::axisLabel(int axis) const
{
    const QString name = axis < m_axisNames.size() && !m_axisNames[axis].isEmpty()
                             ? m_axisNames[axis]
                             : tr("axis %1").arg(axis);
    return QStringLiteral("%1 · %2").arg(name, thousands(m_shape[axis]));
}

QString TensorView::valueText(const std::vector<std::int64_t> &index) const
{
    return m_tensor ? QString::fromStdString(core::cell::elementRepr(*m_tensor, index)) : QString();
}

QString TensorView::describeAt(const QPointF &point) const
{
    if (!m_message.isEmpty()) return {};
    const TensorLayout l = layout();
    const int cell = l.cellAt(point);
    if (cell < 0) return {};
    const auto &index = l.cells()[cell].index;
    if (!m_tensor) return tr("index (%1)").arg(indexText(index));
    if (index.empty()) return tr("%1 = %2").arg(m_name, valueText(index));
    return tr("%1[%2] = %3").arg(m_name, indexText(index), valueText(index));
}

QColor TensorView::tintOf(const std::vector<std::int64_t> &index, double maxAbs) const
{
    if (m_highlighter)
        if (const auto colour = m_highlighter(index)) return *colour;
    const QColor base = palette().color(QPalette::Base);
    if (!m_tensor || maxAbs <= 0) return base;
    const double v = m_tensor->at(index);
    if (!std::isfinite(v)) return base;
    // A light wash: the number stays readable on every cell.
    const QColor ink = v >= 0 ? palette::negative() : palette::positive();
    const double a = 0.38 * std::min(1.0, std::abs(v) / maxAbs);
    return QColor::fromRgbF(base.redF() * (1 - a) + ink.redF() * a,
                            base.greenF() * (1 - a) + ink.greenF() * a,
                            base.blueF() * (1 - a) + ink.blueF() * a);
}

void TensorView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().color(QPalette::Window));
    painter.setRenderHint(QPainter::Antialiasing);
    if (!m_message.isEmpty()) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect().adjusted(8, 8, -8, -8), Qt::AlignCenter | Qt::TextWordWrap,
                         m_message);
        return;
    }
    const TensorLayout l = layout();
    paintCells(painter, l);
    paintAxes(painter, l);
}

void TensorView::paintCells(QPainter &painter, const TensorLayout &l) const
{
    double maxAbs = 0;
    if (m_tensor)
        for (const TensorCell &c : l.cells())
            if (const double v = std::abs(m_tensor->at(c.index)); std::isfinite(v))
                maxAbs = std::max(maxAbs, v);

    const double s = l.cellSize();
    const double line = std::max(1.0, fontMetrics().height() / 17.0);
    QFont valueFont = monospaceFont();
    valueFont.setPixelSize(std::max(6, static_cast<int>(s * 0.34)));
    painter.setFont(valueFont);
    const QFontMetricsF metrics(valueFont);
    const QColor border = palette().color(QPalette::Mid);
    const QColor text = palette().color(QPalette::Text);
    QColor veil = palette().color(QPalette::Window);
    veil.setAlphaF(0.6);
    for (const TensorCell &c : l.cells()) {
        const bool hidden = m_hidden && m_hidden(c.index);
        painter.setPen(QPen(border, line));
        // A hidden value's tint would give its size away.
        painter.setBrush(hidden ? palette().color(QPalette::Base) : tintOf(c.index, maxAbs));
        painter.drawRect(c.rect);
        // Faded: drawn as usual under a veil of the background, after the value (below).
        const auto fade = qScopeGuard([&] {
            if (m_cornerLabel && s >= 24) {
                QFont small = valueFont;
                small.setPixelSize(std::max(6, static_cast<int>(s * 0.2)));
                painter.setFont(small);
                painter.setPen(palette().color(QPalette::PlaceholderText));
                painter.drawText(c.rect.adjusted(2, 1, -2, -1), Qt::AlignLeft | Qt::AlignTop,
                                 m_cornerLabel(c.index));
                painter.setFont(valueFont);
            }
            if (m_faded && m_faded(c.index)) painter.fillRect(c.rect, veil);
        });
        if (!m_tensor || s < 14 || hidden) continue;
        const QString value = valueText(c.index);
        const double width = metrics.horizontalAdvance(value);
        painter.setPen(text);
        if (width <= s - 4) {
            painter.drawText(c.rect, Qt::AlignCenter, value);
            continue;
        }
        // A long number gets a smaller font; one too small to read is left to the hover (a cut
        // number would mislead).
        const int size = static_cast<int>(valueFont.pixelSize() * (s - 4) / width);
        if (size < 8) continue;
        QFont smaller = valueFont;
        smaller.setPixelSize(size);
        painter.setFont(smaller);
        painter.drawText(c.rect, Qt::AlignCenter, value);
        painter.setFont(valueFont);
    }
    painter.setPen(text);
    for (const TensorEllipsis &e : l.ellipses()) {
        QFont dots = painter.font();
        dots.setPixelSize(std::max(8, static_cast<int>(s * 0.5)));
        painter.setFont(dots);
        painter.drawText(e.rect, Qt::AlignCenter,
                         e.vertical ? QStringLiteral("⋮") : QStringLiteral("⋯"));
    }
}

void TensorView::paintAxes(QPainter &painter, const TensorLayout &l) const
{
    const double line = std::max(1.0, fontMetrics().height() / 14.0);
    QFont labelFont = font();
    labelFont.setBold(true);
    painter.setFont(labelFont);
    const QFontMetricsF metrics(labelFont);
    for (const TensorAxisMark &m : l.axisMarks()) {
        const QColor colour = palette::axis(m.axis);
        painter.setPen(QPen(colour, line, Qt::SolidLine, Qt::FlatCap));
        painter.drawLine(m.from, m.to);
        // Small end ticks make it a bracket rather than an underline.
        const QPointF d = m.to - m.from;
        const double length = std::hypot(d.x(), d.y());
        if (length > 0) {
            const QPointF normal(-d.y() / length * 4 * line, d.x() / length * 4 * line);
            painter.drawLine(m.from - normal, m.from + normal);
            painter.drawLine(m.to - normal, m.to + normal);
        }
        const QString label = axisLabel(m.axis);
        const double w = metrics.horizontalAdvance(label) + 4;
        const double h = metrics.height();
        painter.save();
        painter.translate(m.labelAt);
        if (m.vertical) painter.rotate(-90);
        painter.drawText(QRectF(-w / 2, -h / 2, w, h), Qt::AlignCenter, label);
        painter.restore();
    }
}

void TensorView::mouseMoveEvent(QMouseEvent *event)
{
    setHover(describeAt(event->position()));
    setToolTip(m_hover);
}

void TensorView::leaveEvent(QEvent *)
{
    setHover({});
}

void TensorView::setHover(const QString &text)
{
    if (text == m_hover) return;
    m_hover = text;
    emit hoverChanged(text);
}

} // namespace ui
