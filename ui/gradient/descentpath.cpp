#include "ui/gradient/descentpath.h"

#include "core/geometry/segmentclip.h"

#include <QFontMetricsF>
#include <QPainter>
#include <algorithm>
#include <cmath>

namespace ui {

bool ClippedPoint::isStep() const
{
    return at == std::floor(at);
}

namespace {

bool finite(const QPointF &p)
{
    return std::isfinite(p.x()) && std::isfinite(p.y());
}

// The parameters [t0, t1] of a -> b inside the rectangle; false when none is.
bool clipSegment(const QPointF &a, const QPointF &b, const QRectF &r, double *t0, double *t1)
{
    return core::geometry::clipSegment(a.x(), a.y(), b.x(), b.y(),
                                       {r.left(), r.top(), r.right(), r.bottom()}, t0, t1);
}

} // namespace

std::vector<std::vector<ClippedPoint>> clipToDomain(const std::vector<QPointF> &points,
                                                    const QRectF &domain)
{
    std::vector<std::vector<ClippedPoint>> parts;
    std::vector<ClippedPoint> part;
    const auto flush = [&] {
        if (!part.empty()) parts.push_back(std::move(part));
        part.clear();
    };
    const auto add = [&](const ClippedPoint &p) {
        // Points that coincide with the last one (a clip point on a step) are kept once.
        if (!part.empty() && part.back().w == p.w) {
            if (p.isStep()) part.back() = p;
            return;
        }
        part.push_back(p);
    };
    const int n = static_cast<int>(points.size());
    if (n == 1 && finite(points[0]) && domain.contains(points[0]))
        parts.push_back({{points[0], 0.0}});
    for (int k = 0; k + 1 < n; ++k) {
        const QPointF a = points[static_cast<std::size_t>(k)],
                      b = points[static_cast<std::size_t>(k + 1)];
        double t0 = 0, t1 = 0;
        if (!finite(a) || !finite(b) || !clipSegment(a, b, domain, &t0, &t1)) {
            flush();
            continue;
        }
        // A segment that enters the domain starts a new part.
        if (t0 > 0) flush();
        add({a + (b - a) * t0, k + t0});
        add({a + (b - a) * t1, k + t1});
        if (t1 < 1) flush();
    }
    flush();
    return parts;
}

void paintPathStart(QPainter &painter, QPointF at, const DescentPath &path, const QColor &rim,
                    double unit)
{
    painter.setPen(QPen(rim, 1.5 * unit));
    painter.setBrush(path.color);
    painter.drawEllipse(at, 5.5 * unit, 5.5 * unit);
}

void paintPathEnd(QPainter &painter, QPointF at, const DescentPath &path, const QColor &rim,
                  double unit)
{
    painter.setBrush(Qt::NoBrush);
    if (path.diverged) {
        const double r = 5.5 * unit;
        for (const auto &[colour, width] :
             {std::pair{rim, 5.0 * unit}, std::pair{path.color, 2.6 * unit}}) {
            painter.setPen(QPen(colour, width, Qt::SolidLine, Qt::RoundCap));
            painter.drawLine(at + QPointF(-r, -r), at + QPointF(r, r));
            painter.drawLine(at + QPointF(-r, r), at + QPointF(r, -r));
        }
        return;
    }
    painter.setPen(QPen(rim, 5.0 * unit));
    painter.drawEllipse(at, 6 * unit, 6 * unit);
    painter.setPen(QPen(path.color, 2.4 * unit));
    painter.drawEllipse(at, 6 * unit, 6 * unit);
}

void paintStepDot(QPainter &painter, QPointF at, const QColor &colour, const QColor &rim,
                  double unit)
{
    painter.setPen(QPen(rim, 1.0 * unit));
    painter.setBrush(colour);
    painter.drawEllipse(at, 2.8 * unit, 2.8 * unit);
}

void paintMarker(QPainter &painter, QPointF at, const QPalette &palette, double unit)
{
    QColor disc = palette.color(QPalette::Base);
    disc.setAlphaF(0.55);
    painter.setPen(QPen(palette.color(QPalette::Base), 4.5 * unit));
    painter.setBrush(disc);
    painter.drawEllipse(at, 8 * unit, 8 * unit);
    painter.setPen(QPen(palette.color(QPalette::Text), 2.0 * unit));
    painter.setBrush(Qt::NoBrush);
    painter.drawEllipse(at, 8 * unit, 8 * unit);
    painter.setPen(Qt::NoPen);
    painter.setBrush(palette.color(QPalette::Text));
    painter.drawEllipse(at, 1.8 * unit, 1.8 * unit);
}

QSizeF pathLegendSize(const std::vector<DescentPath> &paths, const QFont &font, double unit)
{
    const QFontMetricsF fm(font);
    const double swatch = 18 * unit, pad = 6 * unit;
    double textWidth = 0;
    int named = 0;
    for (const DescentPath &path : paths)
        if (!path.name.isEmpty()) {
            textWidth = std::max(textWidth, fm.horizontalAdvance(path.name));
            ++named;
        }
    if (named == 0) return {};
    return {pad * 3 + swatch + textWidth, fm.height() * named + pad};
}

void paintPathLegend(QPainter &painter, QPointF topLeft, const std::vector<DescentPath> &paths,
                     const QFont &font, const QPalette &palette, double unit)
{
    std::vector<const DescentPath *> named;
    for (const DescentPath &path : paths)
        if (!path.name.isEmpty()) named.push_back(&path);
    if (named.empty()) return;
    const QFontMetricsF fm(font);
    const double swatch = 18 * unit, pad = 6 * unit;
    const QRectF box(topLeft, pathLegendSize(paths, font, unit));
    const double textWidth = box.width() - pad * 3 - swatch;
    QColor fill = palette.color(QPalette::Base);
    fill.setAlphaF(0.85);
    painter.setPen(Qt::NoPen);
    painter.setBrush(fill);
    painter.drawRoundedRect(box, 4 * unit, 4 * unit);
    painter.setFont(font);
    double y = box.top() + pad / 2;
    for (const DescentPath *path : named) {
        const double mid = y + fm.height() / 2, x = box.left() + pad;
        painter.setPen(QPen(path->color, 2.4 * unit, Qt::SolidLine, Qt::RoundCap));
        painter.drawLine(QPointF(x, mid), QPointF(x + swatch, mid));
        painter.setPen(palette.color(QPalette::Text));
        painter.drawText(QRectF(x + swatch + pad, y, textWidth + 2, fm.height()),
                         Qt::AlignLeft | Qt::AlignVCenter, path->name);
        y += fm.height();
    }
}

} // namespace ui
