#include "ui/geometry/planeoverlay.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

namespace ui {

PlaneOverlay::PlaneOverlay(QPainter &painter, const PlaneTheme &theme, const QFont &base,
                           double scale)
    : m_painter(painter), m_theme(theme), m_base(base), m_scale(scale)
{
    m_painter.setRenderHint(QPainter::Antialiasing);
    m_painter.setRenderHint(QPainter::TextAntialiasing);
}

QFont PlaneOverlay::font(SceneLabel::Style style) const
{
    QFont f = m_base;
    switch (style) {
    case SceneLabel::Style::Small:
        f.setPointSizeF(m_base.pointSizeF() * 0.9);
        break;
    case SceneLabel::Style::Normal:
        f.setPointSizeF(m_base.pointSizeF() * 1.05);
        f.setWeight(QFont::DemiBold);
        break;
    case SceneLabel::Style::Strong:
        f.setPointSizeF(m_base.pointSizeF() * 1.25);
        f.setBold(true);
        break;
    }
    return f;
}

void PlaneOverlay::labels(const std::vector<SceneLabel> &labels)
{
    for (const SceneLabel &label : labels) {
        const QFont f = font(label.style);
        const QFontMetricsF metrics(f);
        const QSizeF size(metrics.horizontalAdvance(label.text), metrics.height());
        QPointF topLeft = label.at;
        if (label.align & Qt::AlignRight)
            topLeft.rx() -= size.width();
        else if (label.align & Qt::AlignHCenter)
            topLeft.rx() -= size.width() / 2;
        if (label.align & Qt::AlignBottom)
            topLeft.ry() -= size.height();
        else if (label.align & Qt::AlignVCenter)
            topLeft.ry() -= size.height() / 2;
        // A halo in the background colour keeps the text readable over grid lines and arrows.
        QPainterPath path;
        path.addText(topLeft + QPointF(0, metrics.ascent()), f, label.text);
        QColor halo = m_theme.background;
        halo.setAlphaF(0.85f);
        m_painter.strokePath(path,
                             QPen(halo, 3.5 * m_scale, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        m_painter.fillPath(path, label.colour);
    }
}

void PlaneOverlay::box(const QStringList &lines, Qt::Alignment corner, const QRectF &area,
                       bool emphasize)
{
    if (lines.isEmpty()) return;
    QFont f = m_base;
    if (emphasize) {
        f.setPointSizeF(m_base.pointSizeF() * 1.1);
        f.setWeight(QFont::DemiBold);
    }
    const QFontMetricsF metrics(f);
    double width = 0;
    for (const QString &line : lines)
        width = std::max(width, metrics.horizontalAdvance(line));
    const double pad = 8 * m_scale;
    const QSizeF size(width + 2 * pad,
                      lines.size() * metrics.lineSpacing() + 2 * pad - metrics.leading());
    const double margin = 10 * m_scale;
    QPointF topLeft(area.left() + margin, area.top() + margin);
    if (corner & Qt::AlignRight)
        topLeft.rx() = area.right() - margin - size.width();
    else if (corner & Qt::AlignHCenter)
        topLeft.rx() = area.center().x() - size.width() / 2;
    if (corner & Qt::AlignBottom) topLeft.ry() = area.bottom() - margin - size.height();
    const QRectF rect(topLeft, size);

    QColor fill = m_theme.background;
    fill.setAlphaF(0.9f);
    m_painter.setPen(QPen(mixColours(m_theme.background, m_theme.text, 0.2), 1));
    m_painter.setBrush(fill);
    m_painter.drawRoundedRect(rect, 6 * m_scale, 6 * m_scale);
    m_painter.setFont(f);
    m_painter.setPen(m_theme.text);
    double y = rect.top() + pad + metrics.ascent();
    for (const QString &line : lines) {
        m_painter.drawText(QPointF(rect.left() + pad, y), line);
        y += metrics.lineSpacing();
    }
}

void PlaneOverlay::hint(const QString &text, Qt::Alignment corner, const QRectF &area)
{
    QFont f = m_base;
    f.setPointSizeF(m_base.pointSizeF() * 0.85);
    m_painter.setFont(f);
    m_painter.setPen(m_theme.mutedText);
    const double margin = 10 * m_scale;
    m_painter.drawText(area.adjusted(margin, margin, -margin, -margin), int(corner), text);
}

void PlaneOverlay::message(const QString &text, const QRectF &area)
{
    m_painter.fillRect(area, m_theme.background);
    m_painter.setFont(m_base);
    m_painter.setPen(m_theme.text);
    m_painter.drawText(area.adjusted(20, 20, -20, -20), Qt::AlignCenter | Qt::TextWordWrap, text);
}

} // namespace ui
