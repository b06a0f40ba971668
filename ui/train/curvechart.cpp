#include "ui/train/curvechart.h"

#include "ui/train/niceaxis.h"

#include <QEvent>
#include <QLegend>
#include <QLineSeries>
#include <QMouseEvent>
#include <QScatterSeries>
#include <QTimer>
#include <QToolTip>
#include <QValueAxis>
#include <algorithm>
#include <cmath>

namespace ui {

namespace {
constexpr double kHoverRadius = 24.0; // pixels: farther than this from every point, no tooltip
} // namespace

CurveChart::CurveChart(const QString &title, const QString &xTitle, const QString &yTitle,
                       QWidget *parent)
    : QChartView(new QChart, parent), m_x(new QValueAxis), m_y(new QValueAxis),
      m_marker(new QScatterSeries)
{
    QChart *c = chart();
    m_title = title;
    c->setMargins(QMargins(4, 4, 4, 4));
    c->setBackgroundRoundness(0);
    // The key is in the title (see updateTitle): a legend row would take height the plot needs.
    c->legend()->hide();
    c->setAnimationOptions(QChart::NoAnimation); // animations repaint for seconds: training cost
    m_x->setTitleText(xTitle);
    m_y->setTitleText(yTitle);
    m_x->setLabelFormat(QStringLiteral("%g"));
    m_x->setTickType(QValueAxis::TicksDynamic);
    m_x->setTickAnchor(0.0);
    m_y->setLabelFormat(QStringLiteral("%g"));
    c->addAxis(m_x, Qt::AlignBottom);
    c->addAxis(m_y, Qt::AlignLeft);

    m_marker->setMarkerSize(9);
    m_marker->setBorderColor(Qt::white);
    c->addSeries(m_marker);
    m_marker->attachAxis(m_x);
    m_marker->attachAxis(m_y);

    setRenderHint(QPainter::Antialiasing);
    // Repainted 12.5 times a second while training: skip the work Qt does for arbitrary items.
    setOptimizationFlags(QGraphicsView::DontSavePainterState |
                         QGraphicsView::DontAdjustForAntialiasing);
    setCacheMode(QGraphicsView::CacheBackground);
    setMouseTracking(true);
    setMinimumSize(200, 110);
    // Qt Charts elides a y title longer than the plot ("accura..."): the chart's own title names
    // the metric, so a title that does not fit is left out instead. Hiding it changes only the
    // plot's width, so this settles at once.
    connect(c, &QChart::plotAreaChanged, this, [this](const QRectF &plot) {
        const bool fits = QFontMetricsF(m_y->titleFont()).horizontalAdvance(m_y->titleText()) + 4 <=
                          plot.height();
        if (m_y->isTitleVisible() != fits) m_y->setTitleVisible(fits);
    });
    applyColours();
}

int CurveChart::addCurve(const QString &name, const QColor &color, qreal width, bool markers)
{
    auto *s = new QLineSeries;
    s->setName(name);
    s->setPointsVisible(markers);
    // Under the hover marker, which was added first.
    chart()->removeSeries(m_marker);
    chart()->addSeries(s);
    s->attachAxis(m_x);
    s->attachAxis(m_y);
    chart()->addSeries(m_marker);
    m_marker->attachAxis(m_x);
    m_marker->attachAxis(m_y);
    m_curves.push_back({s, name, color, width, {}});
    applyPens();
    updateTitle();
    return static_cast<int>(m_curves.size()) - 1;
}

void CurveChart::updateTitle()
{
    // "Loss per epoch  — train  — test", each key in its curve's colour (QChart titles take HTML).
    const QString html = QStringLiteral("<b>%1</b>").arg(m_title.toHtmlEscaped());
    QString keys, plain = m_title;
    for (const Curve &c : m_curves) {
        QColor key = c.color;
        if (key.alpha() < 255) { // a faint curve: its key as faint, on white
            const double a = key.alphaF();
            key = QColor::fromRgbF(1 - a + a * key.redF(), 1 - a + a * key.greenF(),
                                   1 - a + a * key.blueF());
        }
        keys += QStringLiteral("&nbsp;&nbsp;<span style=\"color:%1\">&#9473;&nbsp;%2</span>")
                    .arg(key.name(), c.name.toHtmlEscaped());
        plain += QStringLiteral("  — ") + c.name;
    }
    // On a narrow chart the key goes to a second line rather than being cut.
    QFont bold = chart()->titleFont();
    bold.setBold(true);
    const bool fits = QFontMetricsF(bold).horizontalAdvance(plain) < width() - 16;
    m_titleLines = fits ? 1 : 2;
    const QString title = html + (fits ? QString() : QStringLiteral("<br>")) + keys;
    if (chart()->title() != title) chart()->setTitle(title);
}

void CurveChart::setCurve(int curve, const QList<QPointF> &points)
{
    Curve &c = m_curves[static_cast<std::size_t>(curve)];
    c.points = points;
    c.series->replace(points);
}

void CurveChart::setCurveColour(int curve, const QColor &color)
{
    Curve &c = m_curves[static_cast<std::size_t>(curve)];
    if (c.color == color) return;
    c.color = color;
    applyPens();
    updateTitle();
}

QColor CurveChart::curveColour(int curve) const
{
    return m_curves[static_cast<std::size_t>(curve)].color;
}

int CurveChart::pointCount(int curve) const
{
    return static_cast<int>(m_curves[static_cast<std::size_t>(curve)].points.size());
}

QLineSeries *CurveChart::series(int curve) const
{
    return m_curves[static_cast<std::size_t>(curve)].series;
}

void CurveChart::setXRange(double min, double max, double interval)
{
    // Dynamic ticks: whole epochs even when the range is [0.5, 5.5]. A coarser interval goes
    // first and a finer one last: in between, Qt Charts lays out a label for every tick, and a
    // range of 1,000 epochs at the old interval of 1 took the sanitizer build 5 to 7 s (monkey).
    const bool coarser = interval > m_x->tickInterval();
    if (coarser) m_x->setTickInterval(interval);
    if (m_x->min() != min || m_x->max() != max) m_x->setRange(min, max);
    if (!coarser && m_x->tickInterval() != interval) m_x->setTickInterval(interval);
}

void CurveChart::setXGridVisible(bool visible)
{
    m_x->setGridLineVisible(visible);
}

void CurveChart::setYExtent(double min, double max)
{
    if (min == m_yLow && max == m_yHigh) return;
    m_yLow = min;
    m_yHigh = max;
    fitYAxis();
}

void CurveChart::fitYAxis()
{
    // Qt Charts 6.4 elides every label of an axis to "..." when its labels do not fit: allow
    // one tick per two text lines of the plot's height (the title and the x axis take about
    // five lines of the chart).
    const double line = QFontMetricsF(m_y->labelsFont()).height();
    // A short chart (presentation mode on a laptop) gives the x axis title's line to the plot.
    const bool xTitle = height() >= 11 * line;
    if (m_x->isTitleVisible() != xTitle) m_x->setTitleVisible(xTitle);
    const double plot = height() - (xTitle ? 4.5 : 3.5) * line - m_titleLines * line;
    const int room = std::clamp(static_cast<int>(plot / (2.0 * line)) + 1, 2, 6);
    NiceRange r;
    for (int intervals = room - 1; intervals >= 1; --intervals) {
        r = niceRange(m_yLow, m_yHigh, intervals);
        if (std::lround((r.max - r.min) / r.interval) + 1 <= room) break;
    }
    // Fixed ticks (min and max are whole multiples of the interval): the dynamic kind sizes
    // its label column too narrowly.
    const int ticks = static_cast<int>(std::lround((r.max - r.min) / r.interval)) + 1;
    if (m_y->min() != r.min || m_y->max() != r.max) m_y->setRange(r.min, r.max);
    if (m_y->tickCount() != ticks) m_y->setTickCount(ticks);
}

void CurveChart::resizeEvent(QResizeEvent *event)
{
    QChartView::resizeEvent(event);
    updateTitle();
    fitYAxis();
}

double CurveChart::yMin() const
{
    return m_y->min();
}

double CurveChart::yMax() const
{
    return m_y->max();
}

void CurveChart::setLineScale(double scale)
{
    if (m_scale == scale) return;
    m_scale = scale;
    applyPens();
}

void CurveChart::applyPens()
{
    for (const Curve &c : m_curves) {
        QPen pen(c.color, c.width * m_scale);
        pen.setCapStyle(Qt::RoundCap);
        pen.setJoinStyle(Qt::RoundJoin);
        // A cosmetic 1-pixel pen is drawn by the raster engine's fast line path; any other pen
        // goes through the general stroker, which costs ten times more per point.
        pen.setCosmetic(pen.widthF() <= 1.0);
        c.series->setPen(pen);
        c.series->setColor(c.color);
    }
    m_marker->setMarkerSize(9 * m_scale);
}

void CurveChart::applyColours()
{
    const QPalette p = palette();
    QChart *c = chart();
    c->setBackgroundBrush(p.base());
    c->setPlotAreaBackgroundVisible(false);
    c->setTitleBrush(p.text());
    QFont titleFont = font();
    titleFont.setBold(true);
    c->setTitleFont(titleFont);
    QColor grid = p.color(QPalette::Text);
    grid.setAlpha(40);
    QPen gridPen(grid, 1);
    gridPen.setCosmetic(true); // the fast line path (see applyPens)
    for (QValueAxis *a : {m_x, m_y}) {
        a->setLabelsBrush(p.text());
        a->setTitleBrush(p.text());
        a->setLabelsFont(font());
        a->setTitleFont(font());
        a->setGridLinePen(gridPen);
        a->setLinePen(gridPen);
    }
    m_marker->setColor(p.color(QPalette::Text));
    // Qt Charts elides every label of an axis to "..." on a chart too short for its title, two
    // rows of labels and a plot: about seven lines of text.
    setMinimumHeight(std::max(110, static_cast<int>(7.25 * QFontMetrics(font()).lineSpacing())));
    updateTitle();
    fitYAxis(); // the label font decides how many ticks fit
}

void CurveChart::changeEvent(QEvent *event)
{
    QChartView::changeEvent(event);
    // Later, not inside the event: Qt Charts 6.4 elides every axis label to "..." when the label
    // fonts change while the view handles its own font change.
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        QTimer::singleShot(0, this, &CurveChart::applyColours);
}

CurveChart::Hit CurveChart::nearest(QPointF pixel) const
{
    Hit best;
    double bestDistance = kHoverRadius;
    const QPointF value =
        chart()->mapToValue(pixel, m_curves.empty() ? nullptr : m_curves.front().series);
    for (std::size_t ci = 0; ci < m_curves.size(); ++ci) {
        const Curve &c = m_curves[ci];
        if (c.points.isEmpty() || !c.series->isVisible()) continue;
        // Points are in x order: look only around the cursor's x.
        const auto it = std::lower_bound(c.points.begin(), c.points.end(), value.x(),
                                         [](const QPointF &p, double x) { return p.x() < x; });
        const qsizetype centre = it - c.points.begin();
        for (qsizetype i = std::max<qsizetype>(0, centre - 12),
                       end = std::min<qsizetype>(c.points.size(), centre + 12);
             i < end; ++i) {
            const QPointF p = chart()->mapToPosition(c.points[i], c.series);
            const double d = std::hypot(p.x() - pixel.x(), p.y() - pixel.y());
            if (d < bestDistance) {
                bestDistance = d;
                best = {static_cast<int>(ci), static_cast<int>(i)};
            }
        }
    }
    return best;
}

QString CurveChart::describeAt(QPointF position) const
{
    if (m_curves.empty()) return {};
    const Hit hit = nearest(chart()->mapToPosition(position, m_curves.front().series));
    if (hit.curve < 0) return {};
    const Curve &c = m_curves[static_cast<std::size_t>(hit.curve)];
    const QPointF p = c.points[hit.index];
    if (m_describe) return m_describe(hit.curve, hit.index, p);
    return QStringLiteral("%1: %2, %3").arg(c.name).arg(p.x()).arg(p.y());
}

void CurveChart::mouseMoveEvent(QMouseEvent *event)
{
    QChartView::mouseMoveEvent(event);
    const QPointF scenePos = mapToScene(event->position().toPoint());
    const QPointF chartPos = chart()->mapFromScene(scenePos);
    const Hit hit = nearest(chartPos);
    if (hit.curve < 0) {
        m_marker->clear();
        QToolTip::hideText();
        return;
    }
    const Curve &c = m_curves[static_cast<std::size_t>(hit.curve)];
    const QPointF p = c.points[hit.index];
    m_marker->replace(QList<QPointF>{p});
    m_marker->setColor(c.color);
    const QString text = m_describe
                             ? m_describe(hit.curve, hit.index, p)
                             : QStringLiteral("%1: %2, %3").arg(c.name).arg(p.x()).arg(p.y());
    QToolTip::showText(event->globalPosition().toPoint(), text, this);
}

void CurveChart::leaveEvent(QEvent *event)
{
    QChartView::leaveEvent(event);
    m_marker->clear();
}

} // namespace ui
