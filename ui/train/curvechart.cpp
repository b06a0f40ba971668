#include "ui/train/curvechart.h"

#include <QEvent>
#include <QMouseEvent>
#include <QPaintEvent>
#include <QPainter>
#include <QToolTip>
#include <algorithm>
#include <cmath>
#include <limits>

namespace ui {

namespace {

constexpr double kHoverRadius = 24.0; // pixels: farther than this from every point, no tooltip
constexpr double kFarOutside = 1e5;   // pixels: a diverged value is drawn at most this far out
constexpr double kLineReach = 8.0;    // pixels at scale 1: a thick line or marker beyond its point

// A faint curve's key is drawn as faint, on white: the same colour, opaque.
QColor keyColour(QColor c)
{
    if (c.alpha() == 255) return c;
    const double a = c.alphaF();
    return QColor::fromRgbF(1 - a + a * c.redF(), 1 - a + a * c.greenF(), 1 - a + a * c.blueF());
}

bool isFinitePoint(QPointF p)
{
    return std::isfinite(p.x()) && std::isfinite(p.y());
}

bool sameFrame(const ChartLayout &a, const ChartLayout &b)
{
    auto sameTicks = [](const std::vector<ChartTick> &x, const std::vector<ChartTick> &y) {
        return std::equal(x.begin(), x.end(), y.begin(), y.end(),
                          [](const ChartTick &s, const ChartTick &t) {
                              return s.value == t.value && s.label == t.label;
                          });
    };
    return a.title == b.title && a.titleLines == b.titleLines && a.plot == b.plot &&
           a.xTitleShown == b.xTitleShown && a.yTitleShown == b.yTitleShown && a.yMin == b.yMin &&
           a.yMax == b.yMax && sameTicks(a.xTicks, b.xTicks) && sameTicks(a.yTicks, b.yTicks);
}

} // namespace

CurveChart::CurveChart(const QString &title, const QString &xTitle, const QString &yTitle,
                       QWidget *parent)
    : QWidget(parent), m_title(title), m_xTitle(xTitle), m_yTitle(yTitle)
{
    setMouseTracking(true);
    // Every pixel is painted: Qt need not paint the parent behind the chart first.
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumSize(200, 110);
    changeEvent(nullptr);
}

QFont CurveChart::titleFont() const
{
    QFont f = font();
    f.setBold(true);
    return f;
}

int CurveChart::addCurve(const QString &name, const QColor &color, qreal width, bool markers)
{
    m_curves.push_back({name, color, width, markers, {}});
    m_frame = QPixmap(); // the key joins the title, which may now need two lines
    relayout();
    return static_cast<int>(m_curves.size()) - 1;
}

void CurveChart::setCurve(int curve, const QList<QPointF> &points)
{
    Curve &c = m_curves[static_cast<std::size_t>(curve)];
    // Only what lies between the first point that changed (from the one before it, which the
    // changed line leaves) and the last, old or new, is drawn again: while training, the newest
    // strip of the plot (decimate.h keeps the older columns' points).
    const qsizetype common = std::min(c.points.size(), points.size());
    qsizetype same = 0;
    while (same < common && c.points[same] == points[same])
        ++same;
    const bool unchanged = same == c.points.size() && same == points.size();
    double left = std::numeric_limits<double>::infinity(), right = -left;
    const auto spanFromChange = [&](const QList<QPointF> &list) {
        for (qsizetype i = std::max<qsizetype>(0, same - 1); i < list.size(); ++i)
            if (isFinitePoint(list[i])) {
                const double x = toPixel(list[i]).x();
                left = std::min(left, x);
                right = std::max(right, x);
            }
    };
    spanFromChange(c.points);
    spanFromChange(points);
    c.points = points;
    bool hoverGone = false;
    if (m_hover.curve == curve &&
        (m_hover.index >= c.points.size() || !isFinitePoint(c.points[m_hover.index]))) {
        m_hover = {};
        hoverGone = true;
    }
    // The plot, and what a thick line or marker at its edge covers.
    const double pad = kLineReach * m_scale;
    QRectF area = m_layout.plot.adjusted(-pad, -pad, pad, pad);
    if (!hoverGone) {
        if (unchanged || !(left <= right))
            area = QRectF();
        else
            area.setCoords(std::max(area.left(), left - pad), area.top(),
                           std::min(area.right(), right + pad), area.bottom());
    }
    if (!area.isEmpty()) update(area.toAlignedRect());
    emit curveChanged(curve);
}

const QList<QPointF> &CurveChart::points(int curve) const
{
    return m_curves[static_cast<std::size_t>(curve)].points;
}

void CurveChart::setCurveColour(int curve, const QColor &color)
{
    Curve &c = m_curves[static_cast<std::size_t>(curve)];
    if (c.color == color) return;
    c.color = color;
    m_frame = QPixmap(); // the key in the title
    update();
}

QColor CurveChart::curveColour(int curve) const
{
    return m_curves[static_cast<std::size_t>(curve)].color;
}

int CurveChart::pointCount(int curve) const
{
    return static_cast<int>(m_curves[static_cast<std::size_t>(curve)].points.size());
}

void CurveChart::setXRange(double min, double max, double interval)
{
    if (min == m_xMin && max == m_xMax && interval == m_xInterval) return;
    m_xMin = min;
    m_xMax = max;
    m_xInterval = interval;
    m_frame = QPixmap(); // the ticks move even where their labels stay
    relayout();
}

void CurveChart::setYExtent(double min, double max)
{
    if (min == m_yLow && max == m_yHigh) return;
    m_yLow = min;
    m_yHigh = max;
    relayout(); // repaints only when the axis's round ticks change
}

void CurveChart::setXGridVisible(bool visible)
{
    if (m_xGrid == visible) return;
    m_xGrid = visible;
    m_frame = QPixmap();
    update();
}

void CurveChart::setLineScale(double scale)
{
    if (m_scale == scale) return;
    m_scale = scale;
    update();
}

QString CurveChart::plainTitle() const
{
    QString plain = m_title;
    for (const Curve &c : m_curves)
        plain += QStringLiteral("  — ") + c.name;
    return plain;
}

void CurveChart::relayout()
{
    ChartLayoutInput in;
    in.size = size();
    in.font = font();
    in.titleFont = titleFont();
    in.titleText = plainTitle();
    in.xTitle = m_xTitle;
    in.yTitle = m_yTitle;
    in.xMin = m_xMin;
    in.xMax = m_xMax;
    in.xInterval = m_xInterval;
    in.yLow = m_yLow;
    in.yHigh = m_yHigh;
    ChartLayout next = layoutChart(in);
    if (sameFrame(next, m_layout) && !m_frame.isNull()) return;
    m_layout = std::move(next);
    m_frame = QPixmap();
    update();
}

QPointF CurveChart::toPixel(QPointF value) const
{
    const QRectF &plot = m_layout.plot;
    const double xSpan = m_xMax - m_xMin, ySpan = m_layout.yMax - m_layout.yMin;
    const double x = plot.left() + (xSpan > 0 ? (value.x() - m_xMin) / xSpan : 0.0) * plot.width();
    const double y =
        plot.bottom() - (ySpan > 0 ? (value.y() - m_layout.yMin) / ySpan : 0.0) * plot.height();
    return {std::clamp(x, -kFarOutside, kFarOutside), std::clamp(y, -kFarOutside, kFarOutside)};
}

QPointF CurveChart::toValue(QPointF pixel) const
{
    const QRectF &plot = m_layout.plot;
    return {m_xMin + (pixel.x() - plot.left()) / plot.width() * (m_xMax - m_xMin),
            m_layout.yMin +
                (plot.bottom() - pixel.y()) / plot.height() * (m_layout.yMax - m_layout.yMin)};
}

void CurveChart::paintTitle(QPainter &p) const
{
    const QFont bold = titleFont();
    const QFontMetricsF fm(bold);
    p.setFont(bold);
    // "Loss per epoch  ━ train  ━ test", each key in its curve's colour.
    std::vector<std::pair<QString, QColor>> keys;
    double keysWidth = 0.0;
    for (const Curve &c : m_curves) {
        keys.push_back({QStringLiteral("  ━ ") + c.name, keyColour(c.color)});
        keysWidth += fm.horizontalAdvance(keys.back().first);
    }
    const QRectF &r = m_layout.title;
    const double titleWidth = fm.horizontalAdvance(m_title);
    const bool oneLine = m_layout.titleLines == 1;
    double x = r.center().x() - (oneLine ? titleWidth + keysWidth : titleWidth) / 2.0;
    double baseline = r.top() + fm.ascent() + 1;
    p.setPen(palette().color(QPalette::Text));
    p.drawText(QPointF(x, baseline), m_title);
    if (oneLine) {
        x += titleWidth;
    } else {
        x = r.center().x() - keysWidth / 2.0;
        baseline += fm.height();
    }
    for (const auto &[text, colour] : keys) {
        p.setPen(colour);
        p.drawText(QPointF(x, baseline), text);
        x += fm.horizontalAdvance(text);
    }
}

void CurveChart::paintFrame()
{
    ++m_framesPainted;
    const qreal ratio = devicePixelRatioF();
    m_frame = QPixmap((QSizeF(size()) * ratio).toSize());
    m_frame.setDevicePixelRatio(ratio);
    m_frame.fill(palette().color(QPalette::Base));
    QPainter p(&m_frame);
    p.setRenderHint(QPainter::TextAntialiasing);
    paintTitle(p);

    const ChartLayout &l = m_layout;
    const QRectF &plot = l.plot;
    QColor faint = palette().color(QPalette::Text);
    faint.setAlpha(40);
    p.setPen(QPen(faint, 0)); // cosmetic, crisp: the frame is drawn without antialiasing
    const QFontMetricsF fm(font());
    p.setFont(font());
    for (const ChartTick &t : l.yTicks) {
        const double y = std::round(toPixel({0.0, t.value}).y());
        p.setPen(QPen(faint, 0));
        p.drawLine(QPointF(plot.left() - kChartTickLength, y), QPointF(plot.right(), y));
        p.setPen(palette().color(QPalette::Text));
        const QRectF label(0, y - fm.height() / 2, plot.left() - kChartTickLength - 3, fm.height());
        p.drawText(label, Qt::AlignRight | Qt::AlignVCenter, t.label);
    }
    for (const ChartTick &t : l.xTicks) {
        const double x = std::round(toPixel({t.value, 0.0}).x());
        p.setPen(QPen(faint, 0));
        p.drawLine(QPointF(x, m_xGrid ? plot.top() : plot.bottom()),
                   QPointF(x, plot.bottom() + kChartTickLength));
        p.setPen(palette().color(QPalette::Text));
        const double w = fm.horizontalAdvance(t.label);
        p.drawText(QPointF(x - w / 2, plot.bottom() + kChartTickLength + 1 + fm.ascent()), t.label);
    }
    p.setPen(QPen(faint, 0));
    p.drawLine(plot.bottomLeft(), plot.topLeft());
    p.drawLine(plot.bottomLeft(), plot.bottomRight());

    p.setPen(palette().color(QPalette::Text));
    if (l.xTitleShown) {
        const QRectF below(plot.left(), plot.bottom() + kChartTickLength + 1 + fm.height(),
                           plot.width(), fm.height());
        p.drawText(below, Qt::AlignHCenter | Qt::AlignTop, m_xTitle);
    }
    if (l.yTitleShown) {
        p.save();
        p.translate(kChartMargin, plot.center().y());
        p.rotate(-90);
        p.drawText(QRectF(-plot.height() / 2, 0, plot.height(), fm.height()),
                   Qt::AlignHCenter | Qt::AlignTop, m_yTitle);
        p.restore();
    }
}

void CurveChart::paintCurve(QPainter &p, const Curve &c, double left, double right)
{
    QPen pen(c.color, c.width * m_scale);
    pen.setCapStyle(Qt::RoundCap);
    pen.setJoinStyle(Qt::RoundJoin);
    // A cosmetic 1-pixel pen takes the raster engine's fast line path; a wider one goes through
    // the general stroker, which costs ten times more per point.
    pen.setCosmetic(pen.widthF() <= 1.0);
    p.setPen(pen);
    p.setBrush(Qt::NoBrush);
    // Only the points from the last one left of the repainted columns to the first one right of
    // them: their lines are all that show there (points are in x order). While training, that is
    // the newest strip's few points, not the whole run's.
    // Without an x span, every point maps to the same column: all of them are drawn.
    const bool span = m_xMax > m_xMin;
    const double xLeft = span ? toValue({left, 0.0}).x() : -std::numeric_limits<double>::infinity();
    const double xRight =
        span ? toValue({right, 0.0}).x() : std::numeric_limits<double>::infinity();
    const auto byX = [](const QPointF &a, const QPointF &b) { return a.x() < b.x(); };
    const qsizetype first = std::max<qsizetype>(
        0, std::lower_bound(c.points.begin(), c.points.end(), QPointF(xLeft, 0), byX) -
               c.points.begin() - 1);
    const qsizetype n =
        std::min<qsizetype>(c.points.size(), std::upper_bound(c.points.begin(), c.points.end(),
                                                              QPointF(xRight, 0), byX) -
                                                 c.points.begin() + 1);
    // Runs of finite points: a diverged run's NaN breaks the line instead of spoiling it.
    for (qsizetype i = first; i < n;) {
        m_polyline.clear();
        for (; i < n && isFinitePoint(c.points[i]); ++i)
            m_polyline.append(toPixel(c.points[i]));
        if (m_polyline.size() == 1)
            p.drawPoint(m_polyline.front());
        else if (m_polyline.size() > 1)
            p.drawPolyline(m_polyline);
        for (; i < n && !isFinitePoint(c.points[i]); ++i) {
        }
    }
    if (!c.markers) return;
    const double r = 1.5 * c.width * m_scale;
    p.setPen(Qt::NoPen);
    p.setBrush(c.color);
    for (qsizetype i = first; i < n; ++i)
        if (isFinitePoint(c.points[i])) p.drawEllipse(toPixel(c.points[i]), r, r);
}

void CurveChart::paintEvent(QPaintEvent *event)
{
    // Also when the window moved to a screen of another pixel ratio.
    if (m_frame.isNull() || m_frame.devicePixelRatio() != devicePixelRatioF()) paintFrame();
    QPainter p(this);
    const QRect dirty = event->rect();
    const qreal ratio = m_frame.devicePixelRatio();
    p.drawPixmap(dirty, m_frame,
                 QRectF(QPointF(dirty.topLeft()) * ratio, QSizeF(dirty.size()) * ratio));

    p.setRenderHint(QPainter::Antialiasing);
    const double pad = 4.0 * m_scale; // a line along the top or a marker at an end shows whole
    p.setClipRect(m_layout.plot.adjusted(-pad, -pad, pad, pad));
    const double reach = kLineReach * m_scale;
    for (const Curve &c : m_curves)
        paintCurve(p, c, dirty.left() - reach, dirty.right() + 1 + reach);
    if (m_hover.curve < 0) return;
    const Curve &c = m_curves[static_cast<std::size_t>(m_hover.curve)];
    const double r = 4.5 * m_scale;
    p.setPen(QPen(Qt::white, 1.5));
    p.setBrush(c.color);
    p.drawEllipse(toPixel(c.points[m_hover.index]), r, r);
}

void CurveChart::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    m_frame = QPixmap(); // the cached frame has the old size
    relayout();
}

void CurveChart::changeEvent(QEvent *event)
{
    if (event) QWidget::changeEvent(event);
    if (event && event->type() != QEvent::PaletteChange && event->type() != QEvent::FontChange)
        return;
    // A title, two rows of labels and a plot: about seven lines of text.
    setMinimumHeight(std::max(110, static_cast<int>(7.25 * QFontMetrics(font()).lineSpacing())));
    m_frame = QPixmap();
    relayout();
}

CurveChart::Hit CurveChart::nearest(QPointF pixel) const
{
    Hit best;
    double bestDistance = kHoverRadius;
    const double x = toValue(pixel).x();
    for (std::size_t ci = 0; ci < m_curves.size(); ++ci) {
        const QList<QPointF> &points = m_curves[ci].points;
        // Points are in x order: look only around the cursor's x.
        const auto it = std::lower_bound(points.begin(), points.end(), x,
                                         [](const QPointF &p, double v) { return p.x() < v; });
        const qsizetype centre = it - points.begin();
        for (qsizetype i = std::max<qsizetype>(0, centre - 12),
                       end = std::min<qsizetype>(points.size(), centre + 12);
             i < end; ++i) {
            if (!isFinitePoint(points[i])) continue;
            const QPointF p = toPixel(points[i]);
            const double d = std::hypot(p.x() - pixel.x(), p.y() - pixel.y());
            if (d < bestDistance) {
                bestDistance = d;
                best = {static_cast<int>(ci), static_cast<int>(i)};
            }
        }
    }
    return best;
}

QString CurveChart::describe(Hit hit) const
{
    if (hit.curve < 0) return {};
    const Curve &c = m_curves[static_cast<std::size_t>(hit.curve)];
    const QPointF p = c.points[hit.index];
    if (m_describe) return m_describe(hit.curve, hit.index, p);
    return QStringLiteral("%1: %2, %3").arg(c.name).arg(p.x()).arg(p.y());
}

QString CurveChart::describeAt(QPointF position) const
{
    return describe(nearest(toPixel(position)));
}

void CurveChart::mouseMoveEvent(QMouseEvent *event)
{
    QWidget::mouseMoveEvent(event);
    const Hit hit = nearest(event->position());
    if (hit.curve != m_hover.curve || hit.index != m_hover.index) {
        m_hover = hit;
        update();
    }
    if (hit.curve < 0)
        QToolTip::hideText();
    else
        QToolTip::showText(event->globalPosition().toPoint(), describe(hit), this);
}

void CurveChart::leaveEvent(QEvent *event)
{
    QWidget::leaveEvent(event);
    if (m_hover.curve < 0) return;
    m_hover = {};
    update();
}

} // namespace ui
