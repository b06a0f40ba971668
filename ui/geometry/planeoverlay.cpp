#include "ui/geometry/planeoverlay.h"

#include "ui/common/captions.h"
#include "ui/geometry/captionplacement.h"
#include "ui/geometry/labelplacement.h"

#include <QFontMetricsF>
#include <QPainter>
#include <algorithm>
#include <cmath>
#include <numbers>

namespace ui {

void PlaneOverlay::begin(const PlaneTheme &theme, const QFont &base, double scale,
                         double devicePixelRatio)
{
    m_theme = theme;
    m_base = base;
    m_scale = scale;
    m_dpr = devicePixelRatio;
    m_items.clear();
}

QString PlaneOverlay::styleKey() const
{
    return QStringLiteral("%1|%2|%3|%4|%5")
        .arg(m_base.key())
        .arg(m_scale)
        .arg(m_dpr)
        .arg(m_theme.background.rgba())
        .arg(m_theme.text.rgba());
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

QImage PlaneOverlay::cached(const QString &key, const QSizeF &size,
                            const std::function<void(QPainter &)> &draw)
{
    if (const auto it = m_current.constFind(key); it != m_current.constEnd()) return *it;
    QImage image = m_previous.take(key);
    if (image.isNull()) {
        const QSize pixels(static_cast<int>(std::ceil(size.width() * m_dpr)),
                           static_cast<int>(std::ceil(size.height() * m_dpr)));
        image = QImage(pixels.expandedTo(QSize(1, 1)), QImage::Format_ARGB32_Premultiplied);
        image.setDevicePixelRatio(m_dpr);
        image.fill(Qt::transparent);
        QPainter p(&image);
        p.setRenderHint(QPainter::Antialiasing);
        p.setRenderHint(QPainter::TextAntialiasing);
        draw(p);
    }
    m_current.insert(key, image);
    return image;
}

void PlaneOverlay::add(const QPointF &topLeft, const QImage &image)
{
    // On whole device pixels, so the blit stays as sharp as the rendered text.
    const QPointF snapped(std::round(topLeft.x() * m_dpr) / m_dpr,
                          std::round(topLeft.y() * m_dpr) / m_dpr);
    m_items.push_back({snapped, image});
}

std::vector<QRectF> PlaneOverlay::labels(const std::vector<SceneLabel> &labels, const QRectF &area,
                                         const std::vector<QRectF> &avoid)
{
    const double halo = 2.0 * m_scale;
    std::vector<QImage> images(labels.size());
    std::vector<QRectF> places(labels.size()); // the images, halo included
    // Tick numbers (labels without a tip) stay where they are, out from under the boxes; then
    // each vector's label takes a place around its tip that hides none of them (labelplacement.h).
    LabelRoom room{area, {}, avoid};
    std::vector<std::size_t> movable;
    for (std::size_t i = 0; i < labels.size(); ++i) {
        const SceneLabel &label = labels[i];
        const QFont f = font(label.style);
        const QFontMetricsF metrics(f);
        const QSizeF text(metrics.horizontalAdvance(label.text), metrics.height());
        QPointF topLeft = label.at;
        if (label.align & Qt::AlignRight)
            topLeft.rx() -= text.width();
        else if (label.align & Qt::AlignHCenter)
            topLeft.rx() -= text.width() / 2;
        if (label.align & Qt::AlignBottom)
            topLeft.ry() -= text.height();
        else if (label.align & Qt::AlignVCenter)
            topLeft.ry() -= text.height() / 2;

        const QString key = QStringLiteral("L|%1|%2|%3|%4")
                                .arg(static_cast<int>(label.style))
                                .arg(label.colour.rgba())
                                .arg(styleKey(), label.text);
        const QSizeF size = text + QSizeF(2 * halo, 2 * halo);
        images[i] = cached(key, size, [&](QPainter &p) {
            // A halo in the background colour keeps the text readable over lines and arrows:
            // the text drawn around a circle of offsets, then on top. (Much cheaper than
            // stroking the glyphs' outlines, and as good at this size.)
            p.setFont(f);
            QColor ground = m_theme.background;
            ground.setAlphaF(0.9f);
            p.setPen(ground);
            const QPointF origin(halo, halo + metrics.ascent());
            for (int k = 0; k < 8; ++k) {
                const double a = k * std::numbers::pi / 4;
                p.drawText(origin + QPointF(std::cos(a), std::sin(a)) * (halo * 0.75), label.text);
            }
            p.setPen(label.colour);
            p.drawText(origin, label.text);
        });
        places[i] = QRectF(topLeft - QPointF(halo, halo), size);
        if (label.tip) {
            movable.push_back(i);
            continue;
        }
        topLeft.rx() = std::clamp(topLeft.x(), area.left() + halo,
                                  std::max(area.left() + halo, area.right() - text.width() - halo));
        topLeft.ry() =
            std::clamp(topLeft.y(), area.top() + halo,
                       std::max(area.top() + halo, area.bottom() - text.height() - halo));
        for (const QRectF &box : avoid)
            if (!box.isEmpty() && QRectF(topLeft, text).intersects(box))
                topLeft.ry() = std::min(box.bottom() + halo, area.bottom() - text.height() - halo);
        places[i].moveTopLeft(topLeft - QPointF(halo, halo));
        room.ticks.push_back(places[i]);
    }

    // The vectors and e₁, e₂ choose before the faint names of the vectors before the chain.
    std::stable_sort(movable.begin(), movable.end(), [&](std::size_t a, std::size_t b) {
        return (labels[a].style == SceneLabel::Style::Small) <
               (labels[b].style == SceneLabel::Style::Small);
    });
    std::vector<LabelRequest> requests;
    for (const std::size_t i : movable) {
        const SceneLabel &label = labels[i];
        const QPointF d = label.at - *label.tip;
        const double gap = std::hypot(d.x(), d.y());
        requests.push_back({*label.tip, gap > 1e-9 ? d / gap : QPointF(), gap, places[i]});
    }
    const std::vector<LabelPlace> placed = placeLabels(requests, room);
    for (std::size_t k = 0; k < movable.size(); ++k)
        places[movable[k]] = placed[k].rect;

    std::vector<QRectF> texts;
    for (std::size_t i = 0; i < labels.size(); ++i) {
        add(places[i].topLeft(), images[i]);
        texts.push_back(places[i].adjusted(halo, halo, -halo, -halo));
    }
    return texts;
}

QFont PlaneOverlay::boxFont(bool emphasize) const
{
    QFont f = m_base;
    if (emphasize) {
        f.setPointSizeF(m_base.pointSizeF() * 1.1);
        f.setWeight(QFont::DemiBold);
    }
    return f;
}

QSizeF PlaneOverlay::boxSize(const QStringList &lines, bool emphasize) const
{
    const QFontMetricsF metrics(boxFont(emphasize));
    double width = 0;
    for (const QString &line : lines)
        width = std::max(width, metrics.horizontalAdvance(line));
    const double pad = 8 * m_scale;
    return {width + 2 * pad, lines.size() * metrics.lineSpacing() + 2 * pad - metrics.leading()};
}

QRectF PlaneOverlay::box(const QStringList &lines, Qt::Alignment corner, const QRectF &area,
                         bool emphasize, const QRectF &avoid)
{
    if (lines.isEmpty()) return {};
    const QRectF r = boxInCorner(boxSize(lines, emphasize), corner, area, margin(), avoid);
    boxAt(lines, r, emphasize);
    return r;
}

void PlaneOverlay::boxAt(const QStringList &lines, const QRectF &place, bool emphasize)
{
    if (lines.isEmpty()) return;
    const QFont f = boxFont(emphasize);
    const QFontMetricsF metrics(f);
    const QSizeF size = place.size();
    const double pad = 8 * m_scale;
    const QString key =
        QStringLiteral("B|%1|%2|%3").arg(emphasize).arg(styleKey(), lines.join(QLatin1Char('\n')));
    const QImage image = cached(key, size, [&](QPainter &p) {
        const QRectF rect(QPointF(0.5, 0.5), size - QSizeF(1, 1));
        QColor fill = m_theme.background;
        fill.setAlphaF(0.9f);
        p.setPen(QPen(mixColours(m_theme.background, m_theme.text, 0.2), 1));
        p.setBrush(fill);
        p.drawRoundedRect(rect, 6 * m_scale, 6 * m_scale);
        p.setFont(f);
        p.setPen(m_theme.text);
        double y = pad + metrics.ascent();
        for (const QString &line : lines) {
            p.drawText(QPointF(pad, y), line);
            y += metrics.lineSpacing();
        }
    });
    add(place.topLeft(), image);
}

double PlaneOverlay::hintHeight() const
{
    return QFontMetricsF(font(SceneLabel::Style::Small)).height() + 4 * m_scale;
}

void PlaneOverlay::hint(const QString &text, Qt::Alignment corner, const QRectF &area)
{
    const double margin = this->margin();
    QPointF at(area.left() + margin, area.top() + margin);
    Qt::Alignment align = Qt::AlignLeft | Qt::AlignTop;
    if (corner & Qt::AlignRight) {
        at.rx() = area.right() - margin;
        align = (align & ~Qt::AlignLeft) | Qt::AlignRight;
    }
    if (corner & Qt::AlignBottom) {
        at.ry() = area.bottom() - margin;
        align = (align & ~Qt::AlignTop) | Qt::AlignBottom;
    }
    labels({{at, text, m_theme.mutedText, align, SceneLabel::Style::Small, std::nullopt}}, area);
}

QRectF PlaneOverlay::hint(const QStringList &wordings, Qt::Alignment corner, const QRectF &area)
{
    if (wordings.isEmpty()) return {};
    const QFontMetricsF metrics(font(SceneLabel::Style::Small));
    const double room = area.width() - 2 * margin() - 4 * m_scale; // the halo on both sides
    QString text = wordings.constLast();
    for (const QString &w : wordings)
        if (metrics.horizontalAdvance(w) <= room) {
            text = w;
            break;
        }
    hint(text, corner, area);
    const QSizeF size(metrics.horizontalAdvance(text), metrics.height());
    return boxInCorner(size, corner, area, margin());
}

QStringList PlaneOverlay::wrapToWidth(const QStringList &lines, double width, bool emphasize) const
{
    const double pad = 8 * m_scale;
    return wrapLines(QFontMetricsF(boxFont(emphasize)), lines, width - 2 * pad - 1);
}

void PlaneOverlay::paint(QPainter &painter)
{
    for (const Item &item : m_items)
        painter.drawImage(item.topLeft, item.image);
    // Keep what this frame used (and only that) for the next one.
    m_previous = std::move(m_current);
    m_current = {};
}

void PlaneOverlay::message(QPainter &painter, const PlaneTheme &theme, const QFont &font,
                           const QString &text, const QRectF &area)
{
    painter.fillRect(area, theme.background);
    painter.setFont(font);
    painter.setPen(theme.text);
    painter.drawText(area.adjusted(20, 20, -20, -20), Qt::AlignCenter | Qt::TextWordWrap, text);
}

} // namespace ui
