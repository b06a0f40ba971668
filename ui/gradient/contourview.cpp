#include "ui/gradient/contourview.h"

#include "core/geometry/ticks.h"

#include <QFontMetricsF>
#include <QMouseEvent>
#include <QPainter>
#include <algorithm>
#include <array>
#include <cmath>

namespace ui {

namespace {

// A domain for the geometry before any surface is given, so that toPixel and toW still work.
const QRectF kFallbackDomain(-1, -1, 2, 2);
// Step dots closer than this (logical pixels at the normal font size) are left out.
constexpr double kDotSpacing = 7.0;

// Numbers with a real minus sign, as tickText prints them.
QString number(double v, int decimals)
{
    return QString::number(v, 'f', decimals).replace(QLatin1Char('-'), QChar(0x2212));
}

} // namespace

ContourView::ContourView(QWidget *parent) : QWidget(parent)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMouseTracking(true);
    setCursor(Qt::CrossCursor);
    setMinimumSize(minimumSizeHint());
}

void ContourView::setSurface(const QRectF &domain, int nx, int ny, std::vector<double> values)
{
    m_grid = SurfaceGrid{domain, nx, ny, std::move(values)};
    if (!m_grid.isValid()) m_grid = SurfaceGrid{domain, 0, 0, {}};
    m_scale = LossScale::fit(m_grid.values);
    m_imageDirty = true;
    update();
}

std::vector<std::vector<QPolygonF>>
ContourView::polygonsOf(const std::vector<core::gradient::Contour> &contours)
{
    std::vector<std::vector<QPolygonF>> levels;
    for (const auto &contour : contours) {
        std::vector<QPolygonF> lines;
        for (const auto &line : contour.lines) {
            QPolygonF polygon;
            for (const auto &p : line.points)
                polygon << QPointF(p.x(), p.y());
            if (line.closed && !polygon.isEmpty()) polygon << polygon.front();
            lines.push_back(polygon);
        }
        levels.push_back(std::move(lines));
    }
    return levels;
}

void ContourView::setContours(std::vector<std::vector<QPolygonF>> levels)
{
    m_contours = std::move(levels);
    update();
}

void ContourView::setPaths(std::vector<Path> paths)
{
    m_paths = std::move(paths);
    update();
}

void ContourView::setMarker(std::optional<QPointF> w)
{
    m_marker = w;
    update();
}

void ContourView::setArrows(std::vector<Arrow> arrows)
{
    m_arrows = std::move(arrows);
    update();
}

void ContourView::setLegendVisible(bool visible)
{
    m_legend = visible;
    update();
}

double ContourView::unit() const
{
    // Sizes follow the font, which presentation mode enlarges.
    return std::max(0.8, QFontMetricsF(font()).height() / 17.0);
}

namespace {

struct AxisTicks {
    double step;
    std::vector<double> values;
};

AxisTicks ticksFor(double lo, double hi)
{
    const double step = core::geometry::niceStep((hi - lo) / 5);
    return {step, core::geometry::ticksBetween(lo, hi, step, 50)};
}

QFont smallFont(const QFont &font)
{
    QFont small = font;
    small.setPointSizeF(font.pointSizeF() * 0.9);
    return small;
}

} // namespace

QRectF ContourView::plotRect() const
{
    const QRectF domain = m_grid.domain.isValid() ? m_grid.domain : kFallbackDomain;
    // Kept while the size, the font and the domain are: toPixel, called for every point of every
    // contour, would otherwise measure the tick labels each time.
    if (m_plotKey.size == size() && m_plotKey.domain == domain && m_plotKey.font == font())
        return m_plotKey.plot;
    m_plotKey = {size(), domain, font(), computePlotRect(domain)};
    return m_plotKey.plot;
}

QRectF ContourView::computePlotRect(const QRectF &domain) const
{
    const QFontMetricsF fm(smallFont(font()));
    QFont bold = smallFont(font());
    bold.setBold(true);
    const QFontMetricsF fmBold(bold);
    const double u = unit(), gap = 5 * u;
    // Room for the w1 numbers and name on the left, the w0 ones below.
    const AxisTicks t1 = ticksFor(domain.top(), domain.bottom());
    double labelWidth = 0;
    for (const double v : t1.values)
        labelWidth = std::max(labelWidth, fm.horizontalAdvance(tickText(v, t1.step)));
    const double left = 2 * gap + labelWidth + gap + fmBold.horizontalAdvance(QStringLiteral("w1"));
    const double bottom = gap + fm.height() + gap + fmBold.height() + gap;
    const double top = 8 * u + fm.height() / 2, right = 8 * u + fm.horizontalAdvance("0.00") / 2;
    const QRectF room(left, top, std::max(1.0, width() - left - right),
                      std::max(1.0, height() - top - bottom));
    const double scale = std::min(room.width() / domain.width(), room.height() / domain.height());
    const QSizeF size(domain.width() * scale, domain.height() * scale);
    return {room.center().x() - size.width() / 2, room.center().y() - size.height() / 2,
            size.width(), size.height()};
}

QPointF ContourView::toPixel(QPointF w) const
{
    const QRectF domain = m_grid.domain.isValid() ? m_grid.domain : kFallbackDomain;
    const QRectF plot = plotRect();
    // One scale for both axes (plotRect has the domain's aspect); w1 runs up.
    const double scale = plot.width() / domain.width();
    return {plot.left() + (w.x() - domain.left()) * scale,
            plot.bottom() - (w.y() - domain.top()) * scale};
}

QPointF ContourView::toW(QPointF pixel) const
{
    const QRectF domain = m_grid.domain.isValid() ? m_grid.domain : kFallbackDomain;
    const QRectF plot = plotRect();
    const double scale = plot.width() / domain.width();
    return {domain.left() + (pixel.x() - plot.left()) / scale,
            domain.top() + (plot.bottom() - pixel.y()) / scale};
}

QPointF ContourView::clampToDomain(QPointF w) const
{
    const QRectF domain = m_grid.domain.isValid() ? m_grid.domain : kFallbackDomain;
    return {std::clamp(w.x(), domain.left(), domain.right()),
            std::clamp(w.y(), domain.top(), domain.bottom())};
}

const QImage &ContourView::mapImage(const QRectF &plot, double dpr)
{
    const QSize size(std::max(1, static_cast<int>(std::lround(plot.width() * dpr))),
                     std::max(1, static_cast<int>(std::lround(plot.height() * dpr))));
    if (!m_imageDirty && size == m_imageSize) return m_image;
    m_imageDirty = false;
    m_imageSize = size;
    m_image = QImage(size, QImage::Format_ARGB32_Premultiplied);
    m_image.fill(Qt::transparent);
    m_image.setDevicePixelRatio(dpr);
    if (!m_grid.isValid()) return m_image;
    // The losses interpolated at each pixel, then coloured (smoother than scaling a small image of
    // colours); a table of the ramp keeps it to a few milliseconds.
    static const std::array<QRgb, 1024> ramp = [] {
        std::array<QRgb, 1024> r{};
        for (std::size_t k = 0; k < r.size(); ++k)
            r[k] = surfaceColor(static_cast<double>(k) / (r.size() - 1));
        return r;
    }();
    const QRectF &d = m_grid.domain;
    for (int y = 0; y < size.height(); ++y) {
        auto *line = reinterpret_cast<QRgb *>(m_image.scanLine(y));
        const double w1 = d.bottom() - (y + 0.5) / size.height() * d.height();
        for (int x = 0; x < size.width(); ++x) {
            const double w0 = d.left() + (x + 0.5) / size.width() * d.width();
            const double h = m_scale.height(m_grid.sample({w0, w1}));
            if (std::isnan(h)) continue;
            line[x] = ramp[static_cast<std::size_t>(std::lround(h * (ramp.size() - 1)))];
        }
    }
    return m_image;
}

void ContourView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().color(QPalette::Base));
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF plot = plotRect();
    const QFont small = smallFont(font());
    const double u = unit();

    // Where the surface has no value the map is left blank over a faint hatch, so "missing"
    // differs from "low".
    QColor hatch = palette().color(QPalette::Text);
    hatch.setAlphaF(0.12);
    painter.fillRect(plot, QBrush(hatch, Qt::BDiagPattern));
    painter.drawImage(plot.topLeft(), mapImage(plot, devicePixelRatioF()));

    painter.save();
    painter.setClipRect(plot);
    if (!m_contours.empty()) {
        QColor ink(15, 30, 45);
        ink.setAlphaF(0.42);
        painter.setPen(QPen(ink, 0.9 * u));
        painter.setBrush(Qt::NoBrush);
        for (const auto &level : m_contours)
            for (const QPolygonF &line : level) {
                QPolygonF pixels;
                pixels.reserve(line.size());
                for (const QPointF &w : line)
                    pixels.append(toPixel(w));
                painter.drawPolyline(pixels);
            }
    }
    paintPaths(painter);
    paintArrows(painter);
    painter.restore();
    if (m_marker && plot.adjusted(-1, -1, 1, 1).contains(toPixel(*m_marker)))
        paintMarker(painter, toPixel(*m_marker), palette(), u);

    paintAxes(painter, plot, small);
    if (m_legend)
        paintPathLegend(painter, legendCorner(plot, small, u), m_paths, small, palette(), u);

    if (!m_readout.isEmpty()) {
        // Top right of the map, on a light box.
        const QFontMetricsF fm(small);
        const double pad = 5 * u;
        const QRectF box(plot.right() - fm.horizontalAdvance(m_readout) - 2 * pad - 6 * u,
                         plot.top() + 6 * u, fm.horizontalAdvance(m_readout) + 2 * pad,
                         fm.height() + pad);
        QColor fill = palette().color(QPalette::Base);
        fill.setAlphaF(0.88);
        painter.setPen(Qt::NoPen);
        painter.setBrush(fill);
        painter.drawRoundedRect(box, 4 * u, 4 * u);
        painter.setPen(palette().color(QPalette::Text));
        painter.setFont(small);
        painter.drawText(box, Qt::AlignCenter, m_readout);
    }
}

QPointF ContourView::legendCorner(const QRectF &plot, const QFont &small, double unit) const
{
    const QSizeF size = pathLegendSize(m_paths, small, unit);
    const QRectF inner = plot.adjusted(6 * unit, 6 * unit, -6 * unit, -6 * unit);
    const QPointF corners[] = {
        inner.topLeft(), QPointF(inner.right() - size.width(), inner.top()),
        QPointF(inner.left(), inner.bottom() - size.height()),
        QPointF(inner.right() - size.width(), inner.bottom() - size.height())};
    QPointF best = corners[0];
    int fewest = -1;
    for (const QPointF &corner : corners) {
        const QRectF box(corner, size);
        int hidden = m_marker && box.contains(toPixel(*m_marker)) ? 1000 : 0;
        for (const Path &path : m_paths)
            for (const QPointF &w : path.points)
                hidden += box.contains(toPixel(w)) ? 1 : 0;
        if (fewest < 0 || hidden < fewest) {
            fewest = hidden;
            best = corner;
        }
    }
    return best;
}

void ContourView::paintAxes(QPainter &painter, const QRectF &plot, const QFont &small)
{
    const QRectF domain = m_grid.domain.isValid() ? m_grid.domain : kFallbackDomain;
    const double u = unit(), gap = 5 * u, tick = 4 * u;
    const QColor text = palette().color(QPalette::Text);
    QColor frame = text;
    frame.setAlphaF(0.45);
    QColor muted = text;
    muted.setAlphaF(0.75);
    painter.setPen(QPen(frame, 1.0));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(plot);
    const QFontMetricsF fm(small);
    painter.setFont(small);

    const AxisTicks t0 = ticksFor(domain.left(), domain.right());
    double lastRight = -1e9;
    for (const double v : t0.values) {
        const double x = toPixel({v, domain.top()}).x();
        const QString label = tickText(v, t0.step);
        const double w = fm.horizontalAdvance(label);
        painter.setPen(QPen(frame, 1.0));
        painter.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + tick));
        if (x - w / 2 < lastRight + 4 * u) continue;
        painter.setPen(muted);
        painter.drawText(QRectF(x - w / 2, plot.bottom() + gap, w, fm.height()), Qt::AlignCenter,
                         label);
        lastRight = x + w / 2;
    }
    const AxisTicks t1 = ticksFor(domain.top(), domain.bottom());
    double lastTop = 1e9;
    double widest = 0;
    for (const double v : t1.values) {
        const double y = toPixel({domain.left(), v}).y();
        const QString label = tickText(v, t1.step);
        const double w = fm.horizontalAdvance(label);
        painter.setPen(QPen(frame, 1.0));
        painter.drawLine(QPointF(plot.left() - tick, y), QPointF(plot.left(), y));
        if (y + fm.height() / 2 > lastTop - 2 * u) continue;
        painter.setPen(muted);
        painter.drawText(QRectF(plot.left() - gap - w, y - fm.height() / 2, w, fm.height()),
                         Qt::AlignRight | Qt::AlignVCenter, label);
        lastTop = y - fm.height() / 2;
        widest = std::max(widest, w);
    }
    QFont bold = small;
    bold.setBold(true);
    const QFontMetricsF fmBold(bold);
    painter.setFont(bold);
    painter.setPen(text);
    const QString w0 = QStringLiteral("w0"), w1 = QStringLiteral("w1");
    painter.drawText(QRectF(plot.center().x() - fmBold.horizontalAdvance(w0) / 2,
                            plot.bottom() + 2 * gap + fm.height(), fmBold.horizontalAdvance(w0),
                            fmBold.height()),
                     Qt::AlignCenter, w0);
    painter.drawText(QRectF(plot.left() - 2 * gap - widest - fmBold.horizontalAdvance(w1),
                            plot.center().y() - fmBold.height() / 2, fmBold.horizontalAdvance(w1),
                            fmBold.height()),
                     Qt::AlignCenter, w1);
}

void ContourView::paintPaths(QPainter &painter)
{
    const QRectF domain = m_grid.domain.isValid() ? m_grid.domain : kFallbackDomain;
    const double u = unit();
    const QColor rim = palette().color(QPalette::Base);
    for (const Path &path : m_paths) {
        const auto parts = clipToDomain(path.points, domain);
        // A light halo under each line so it reads over dark and light parts of the map alike.
        QColor halo = rim;
        halo.setAlphaF(0.7);
        for (const auto &[colour, width] :
             {std::pair{halo, 4.6 * u}, std::pair{path.color, 2.4 * u}}) {
            painter.setPen(QPen(colour, width, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
            painter.setBrush(Qt::NoBrush);
            for (const auto &part : parts) {
                QPolygonF line;
                for (const ClippedPoint &p : part)
                    line.append(toPixel(p.w));
                painter.drawPolyline(line);
            }
        }
        // A dot a step, but only where steps are apart: hundreds of tiny steps would bury their
        // line under the dots' rims.
        QPointF lastDot(1e9, 1e9);
        for (const auto &part : parts)
            for (const ClippedPoint &p : part) {
                const QPointF at = toPixel(p.w);
                if (!p.isStep() || p.at == 0 || QLineF(at, lastDot).length() < kDotSpacing * u)
                    continue;
                paintStepDot(painter, at, path.color, rim, u);
                lastDot = at;
            }
        if (!parts.empty() && parts.front().front().at == 0)
            paintPathStart(painter, toPixel(parts.front().front().w), path, rim, u);
        if (!parts.empty() && path.points.size() > 1)
            paintPathEnd(painter, toPixel(parts.back().back().w), path, rim, u);
    }
}

void ContourView::paintArrows(QPainter &painter)
{
    const double u = unit();
    for (const Arrow &arrow : m_arrows) {
        const QPointF a = toPixel(arrow.from), b = toPixel(arrow.to);
        const QPointF d = b - a;
        const double length = std::hypot(d.x(), d.y());
        if (!(length > 0.5) || !std::isfinite(length)) continue;
        const QPointF dir = d / length, normal(-dir.y(), dir.x());
        const double width = std::max(0.5, arrow.width) * u;
        // The head grows with the shaft but never past half the arrow.
        const double head = std::min(std::max(7 * u, 3.6 * width), length * 0.5);
        painter.setPen(QPen(arrow.color, width, Qt::SolidLine, Qt::FlatCap));
        painter.drawLine(a, b - dir * head * 0.8);
        painter.setPen(Qt::NoPen);
        painter.setBrush(arrow.color);
        painter.drawPolygon(QPolygonF(
            {b, b - dir * head + normal * head * 0.45, b - dir * head - normal * head * 0.45}));
    }
}

void ContourView::updateReadout(QPointF pixel)
{
    QString text;
    if (m_grid.isValid() && plotRect().contains(pixel)) {
        const QPointF w = toW(pixel);
        const QRectF &d = m_grid.domain;
        // Two decimals more than the ticks show: a hundredth of a tick step.
        const auto decimals = [](double span) {
            const double step = core::geometry::niceStep(span / 5);
            return std::clamp(static_cast<int>(std::ceil(-std::log10(step) - 1e-9)) + 2, 0, 6);
        };
        const double loss = m_grid.sample(w);
        text = tr("w0 = %1, w1 = %2, loss = %3")
                   .arg(number(w.x(), decimals(d.width())), number(w.y(), decimals(d.height())),
                        std::isfinite(loss)
                            ? QString::number(loss, 'g', 4).replace(QLatin1Char('-'), QChar(0x2212))
                            : tr("none"));
    }
    if (text == m_readout) return;
    m_readout = text;
    update();
}

void ContourView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !m_grid.domain.isValid()) {
        QWidget::mousePressEvent(event);
        return;
    }
    m_dragging = true;
    m_marker = clampToDomain(toW(event->position()));
    update();
    emit markerDragged(*m_marker);
    event->accept();
}

void ContourView::mouseMoveEvent(QMouseEvent *event)
{
    updateReadout(event->position());
    if (!m_dragging) return;
    m_marker = clampToDomain(toW(event->position()));
    update();
    emit markerDragged(*m_marker);
}

void ContourView::mouseReleaseEvent(QMouseEvent *event)
{
    if (!m_dragging || event->button() != Qt::LeftButton) return;
    m_dragging = false;
    m_marker = clampToDomain(toW(event->position()));
    update();
    emit markerDropped(*m_marker);
}

void ContourView::leaveEvent(QEvent *)
{
    if (m_readout.isEmpty()) return;
    m_readout.clear();
    update();
}

} // namespace ui
