#include "ui/gradient/surfaceview.h"

#include "core/geometry/ticks.h"
#include "ui/common/captions.h"

#include <QElapsedTimer>
#include <QFontMetricsF>
#include <QLineF>
#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>
#include <limits>

namespace ui {

namespace {

// At most this many cells a side: 48 × 48 filled polygons keep a frame within ~10 ms.
constexpr int kMaxCells = 48;
// About this many mesh lines a side, whatever the resolution.
constexpr int kMeshLines = 8;
// The surface's height in world units; the domain's larger side spans 2.
constexpr float kHeight = 0.9f;
// How far paths float above the surface (world units), so that they are never inside it.
constexpr float kLift = 0.012f;
// The part of the box's bounding sphere that the view frames.
constexpr float kFrame = 0.86f;
// How far below the floor the framed box reaches, in surface heights (see setSurface).
constexpr float kFrameDrop = 0.55f;
// Degrees above the camera's usual home: a surface is seen more from above than a point cloud, so
// that a bowl's near rim does not hide its floor.
constexpr double kExtraPitch = 12;
// How far each cell is grown beyond its edges (logical pixels) to hide the seams.
constexpr double kSeamPixels = 0.5;
// Step dots closer than this fraction of the domain's larger side are left out.
constexpr double kDotSpacing = 0.015;

QPointF unitVector(QPointF d, QPointF fallback)
{
    const double len = std::hypot(d.x(), d.y());
    return len > 1e-9 ? d / len : fallback;
}

// The text's box placed beside anchor, on the side dir points to, gap pixels away.
QRectF besideAnchor(const QFontMetricsF &fm, const QString &text, QPointF anchor, QPointF dir,
                    double gap)
{
    const double w = fm.horizontalAdvance(text), h = fm.height();
    const QPointF centre =
        anchor + dir * (gap + std::abs(dir.x()) * w / 2 + std::abs(dir.y()) * h / 2);
    return {centre.x() - w / 2, centre.y() - h / 2, w, h};
}

// Whether the quadrilateral q[0..3] is convex (every turn the same way round).
bool isConvex(const QPointF q[4])
{
    int sign = 0;
    for (int k = 0; k < 4; ++k) {
        const QPointF a = q[(k + 1) % 4] - q[k], b = q[(k + 2) % 4] - q[(k + 1) % 4];
        const double cross = a.x() * b.y() - a.y() * b.x();
        if (std::abs(cross) < 1e-9) continue;
        const int s = cross > 0 ? 1 : -1;
        if (sign != 0 && s != sign) return false;
        sign = s;
    }
    return true;
}

// A convex polygon filled grown by kSeamPixels around its centre, so that neighbours overlap and
// antialiasing leaves no hairline seams between them (an outline in the fill's colour would do
// the same at three times the cost).
void fillGrown(QPainter &painter, const QPointF *points, int count)
{
    QPointF mid;
    for (int k = 0; k < count; ++k)
        mid += points[k];
    mid /= count;
    QPointF grown[4];
    for (int k = 0; k < count; ++k) {
        const QPointF out = points[k] - mid;
        const double len = std::hypot(out.x(), out.y());
        grown[k] = len > 1e-6 ? points[k] + out * (kSeamPixels / len) : points[k];
    }
    painter.drawConvexPolygon(grown, count);
}

// Where a cell's corner k (0 low, 1 high i, 2 both high, 3 high j) lies from its centre, on the
// floor in world axes (x with i, z against j), in units of half a cell.
QPointF cornerOffset(int k)
{
    static const QPointF offsets[4] = {{-1, 1}, {1, 1}, {1, -1}, {-1, -1}};
    return offsets[k % 4];
}

QColor shaded(QRgb rgb, double f)
{
    const auto c = [f](int v) { return std::clamp(static_cast<int>(std::lround(v * f)), 0, 255); };
    return QColor(c(qRed(rgb)), c(qGreen(rgb)), c(qBlue(rgb)));
}

} // namespace

SurfaceView::SurfaceView(QWidget *parent) : QWidget(parent)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
    setFocusPolicy(Qt::ClickFocus);
    setMinimumSize(minimumSizeHint());
}

void SurfaceView::setSurface(const QRectF &domain, int nx, int ny, std::vector<double> values)
{
    const bool sameDomain = m_fitted && domain == m_grid.domain;
    m_grid = SurfaceGrid{domain, nx, ny, std::move(values)};
    if (!m_grid.isValid()) m_grid = SurfaceGrid{domain, 0, 0, {}};
    m_scale = LossScale::fit(m_grid.values);
    buildMesh();
    buildPaths();
    // A cell rerun with the same domain keeps the view the user orbited to.
    if (!sameDomain && m_grid.isValid()) {
        // fit() frames the box's bounding sphere, which leaves a wide margin around a box seen
        // from above; a smaller box fills the view and still leaves room for the labels.
        // Its floor is lowered for the framing: seen from above the near corner of the floor comes
        // low in the view and the top of the box high, so the box's own centre would leave the
        // labels under the floor cut off and room to spare above.
        const QVector3D lo = m_boxLo - QVector3D(0, kHeight * kFrameDrop, 0);
        const QVector3D centre = (lo + m_boxHi) / 2;
        m_camera.fit(centre + (lo - centre) * kFrame, centre + (m_boxHi - centre) * kFrame, false);
        m_camera.orbit(0, kExtraPitch);
        m_fitted = true;
    }
    update();
}

void SurfaceView::setPaths(std::vector<Path> paths)
{
    m_paths = std::move(paths);
    buildPaths();
    update();
}

void SurfaceView::setMarker(std::optional<QPointF> w)
{
    m_marker = w;
    update();
}

void SurfaceView::setLegendVisible(bool visible)
{
    m_legend = visible;
    update();
}

void SurfaceView::resetView()
{
    m_camera.reset();
    m_camera.orbit(0, kExtraPitch);
    update();
}

QVector3D SurfaceView::toWorld(QPointF w, double h) const
{
    const QPointF c = m_grid.domain.center();
    return {static_cast<float>((w.x() - c.x()) * m_scaleX), static_cast<float>(h) * kHeight,
            static_cast<float>(-(w.y() - c.y()) * m_scaleZ)};
}

double SurfaceView::meshHeight(QPointF w) const
{
    if (m_cols <= 0) return std::nan("");
    const QRectF &d = m_grid.domain;
    const double fi = (w.x() - d.left()) / d.width() * m_cols;
    const double fj = (w.y() - d.top()) / d.height() * m_rows;
    if (!(fi >= -1e-9 && fi <= m_cols + 1e-9 && fj >= -1e-9 && fj <= m_rows + 1e-9))
        return std::nan("");
    const int i = std::clamp(static_cast<int>(fi), 0, m_cols - 1);
    const int j = std::clamp(static_cast<int>(fj), 0, m_rows - 1);
    if (!m_cellDrawn[static_cast<std::size_t>(j * m_cols + i)]) return std::nan("");
    const auto h = [&](int a, int b) {
        return static_cast<double>(m_heights[static_cast<std::size_t>(b * (m_cols + 1) + a)]);
    };
    const double u = std::clamp(fi - i, 0.0, 1.0), v = std::clamp(fj - j, 0.0, 1.0);
    return (h(i, j) * (1 - u) + h(i + 1, j) * u) * (1 - v) +
           (h(i, j + 1) * (1 - u) + h(i + 1, j + 1) * u) * v;
}

void SurfaceView::buildMesh()
{
    m_cells.clear();
    m_cellDrawn.clear();
    m_heights.clear();
    m_cols = m_rows = 0;
    if (!m_grid.isValid()) return;

    // The world box: equal units on w0 and w1 (a round bowl looks round) unless the domain is
    // more than 3:1, when the short side is stretched to a third of the long one.
    const QRectF &d = m_grid.domain;
    const double halfW = d.width() / 2, halfH = d.height() / 2, m = std::max(halfW, halfH);
    const double ex = std::max(halfW / m, 1.0 / 3), ez = std::max(halfH / m, 1.0 / 3);
    m_scaleX = ex / halfW;
    m_scaleZ = ez / halfH;
    m_boxLo = QVector3D(static_cast<float>(-ex), 0, static_cast<float>(-ez));
    m_boxHi = QVector3D(static_cast<float>(ex), kHeight, static_cast<float>(ez));

    // The mesh samples the grid evenly; a finer grid is subsampled (bilinearly, so a vertex next
    // to a missing sample is missing too).
    const int nx = m_grid.nx, ny = m_grid.ny;
    m_cols = std::min(nx - 1, kMaxCells);
    m_rows = std::min(ny - 1, kMaxCells);
    const double fx = double(nx - 1) / m_cols, fy = double(ny - 1) / m_rows;
    m_heights.resize(static_cast<std::size_t>((m_cols + 1) * (m_rows + 1)));
    for (int j = 0; j <= m_rows; ++j)
        for (int i = 0; i <= m_cols; ++i) {
            const double v = m_cols == nx - 1 && m_rows == ny - 1
                                 ? m_grid.at(i, j)
                                 : m_grid.sample(m_grid.wAt(i * fx, j * fy));
            m_heights[static_cast<std::size_t>(j * (m_cols + 1) + i)] =
                std::isfinite(v) ? static_cast<float>(m_scale.height(v)) : NAN;
        }

    const int meshI = std::max(1, static_cast<int>(std::lround(double(m_cols) / kMeshLines)));
    const int meshJ = std::max(1, static_cast<int>(std::lround(double(m_rows) / kMeshLines)));
    // Light from the upper left behind the default eye; a level cell keeps its colour exactly,
    // slopes facing away from the light darken (none brightens: the ramp's pale end would glare).
    const QVector3D sun = QVector3D(-0.45f, 1.0f, 0.35f).normalized();
    const QVector3D up(0, 1, 0);
    // The light at each vertex, from the surface's normal there (central differences), so that
    // the two halves of a curved cell are shaded alike instead of in a pattern of triangles.
    const double stepX = 2.0 * ex / m_cols, stepZ = 2.0 * ez / m_rows;
    std::vector<float> light(m_heights.size(), 1.0f);
    const auto heightAt = [&](int i, int j) {
        return m_heights[static_cast<std::size_t>(j * (m_cols + 1) + i)];
    };
    const auto slope = [&](int i, int j, int di, int dj) {
        // Central where both sides have values, one-sided at an edge or next to a gap.
        const int ia = std::max(0, i - di), ja = std::max(0, j - dj);
        const int ib = std::min(m_cols, i + di), jb = std::min(m_rows, j + dj);
        float a = heightAt(ia, ja), b = heightAt(ib, jb);
        int span = (ib - ia) + (jb - ja);
        if (!std::isfinite(a)) a = heightAt(i, j), span = (ib - i) + (jb - j);
        if (!std::isfinite(b)) b = heightAt(i, j), span -= (ib - i) + (jb - j);
        return span > 0 && std::isfinite(a) && std::isfinite(b) ? (b - a) * kHeight / span : 0.0f;
    };
    for (int j = 0; j <= m_rows; ++j)
        for (int i = 0; i <= m_cols; ++i) {
            if (!std::isfinite(heightAt(i, j))) continue;
            // World z runs against w1 (and j).
            const QVector3D n = QVector3D(static_cast<float>(-slope(i, j, 1, 0) / stepX), 1.0f,
                                          static_cast<float>(slope(i, j, 0, 1) / stepZ))
                                    .normalized();
            const double lit = QVector3D::dotProduct(n, sun) / QVector3D::dotProduct(up, sun);
            light[static_cast<std::size_t>(j * (m_cols + 1) + i)] =
                static_cast<float>(std::clamp(0.62 + 0.38 * lit, 0.62, 1.0));
        }
    m_cellDrawn.assign(static_cast<std::size_t>(m_cols * m_rows), 0);
    for (int j = 0; j < m_rows; ++j)
        for (int i = 0; i < m_cols; ++i) {
            // Every sample under the cell must have a value, not only its corners.
            bool ok = true;
            const int i0 = static_cast<int>(std::floor(i * fx)),
                      i1 = std::min(nx - 1, static_cast<int>(std::ceil((i + 1) * fx)));
            const int j0 = static_cast<int>(std::floor(j * fy)),
                      j1 = std::min(ny - 1, static_cast<int>(std::ceil((j + 1) * fy)));
            for (int b = j0; b <= j1 && ok; ++b)
                for (int a = i0; a <= i1 && ok; ++a)
                    ok = std::isfinite(m_grid.at(a, b));
            const auto h = [&](int a, int b) {
                return m_heights[static_cast<std::size_t>(b * (m_cols + 1) + a)];
            };
            const float h00 = h(i, j), h10 = h(i + 1, j), h01 = h(i, j + 1), h11 = h(i + 1, j + 1);
            if (!ok || !std::isfinite(h00 + h10 + h01 + h11)) continue;
            m_cellDrawn[static_cast<std::size_t>(j * m_cols + i)] = 1;
            const int v00 = j * (m_cols + 1) + i, v10 = v00 + 1, v01 = v00 + m_cols + 1,
                      v11 = v01 + 1;
            const auto at = [&light](int v) { return light[static_cast<std::size_t>(v)]; };
            const double lit = (at(v00) + at(v10) + at(v01) + at(v11)) / 4.0;
            quint8 edges = 0;
            if (i % meshI == 0) edges |= 1;
            if ((i + 1) % meshI == 0 || i + 1 == m_cols) edges |= 2;
            if (j % meshJ == 0) edges |= 4;
            if ((j + 1) % meshJ == 0 || j + 1 == m_rows) edges |= 8;
            const QVector3D centre = toWorld(m_grid.wAt((i + 0.5) * fx, (j + 0.5) * fy), 0);
            // Split along the diagonal whose ends are closer in height, which follows a valley
            // or a ridge instead of cutting across it.
            m_cells.push_back({v00, shaded(surfaceColor((h00 + h10 + h01 + h11) / 4.0), lit).rgb(),
                               edges, std::abs(h10 - h01) < std::abs(h00 - h11), centre.x(),
                               centre.z()});
        }
}

void SurfaceView::buildPaths()
{
    m_pieces.clear();
    m_ends.clear();
    if (m_cols <= 0) return;
    const QRectF &d = m_grid.domain;
    // Paths lie on the drawn surface (its height at their w), so the mesh never hides them where
    // the grid is coarse; their own losses are used where the surface has no value.
    const auto heightOf = [&](const Path &path, const ClippedPoint &p) {
        const double h = meshHeight(p.w);
        if (std::isfinite(h) || !p.isStep()) return h;
        const auto k = static_cast<std::size_t>(p.at);
        return k < path.losses.size() ? m_scale.height(path.losses[k]) : std::nan("");
    };
    const QVector3D lift(0, kLift, 0);
    // Pieces no longer than a cell, so that sorting them with the cells hides the right parts.
    const double step = std::min(d.width() / m_cols, d.height() / m_rows);
    const double dotSpacing = kDotSpacing * std::max(d.width(), d.height());
    for (int pi = 0; pi < static_cast<int>(m_paths.size()); ++pi) {
        const Path &path = m_paths[static_cast<std::size_t>(pi)];
        const auto parts = clipToDomain(path.points, d);
        std::optional<QVector3D> last;
        QPointF lastDot(std::numeric_limits<double>::infinity(), 0);
        for (const auto &part : parts) {
            std::optional<ClippedPoint> prev;
            double prevH = 0;
            for (const ClippedPoint &p : part) {
                const double h = heightOf(path, p);
                if (!std::isfinite(h)) continue;
                const QVector3D at = toWorld(p.w, h) + lift;
                // A dot a step, but only where steps are apart: hundreds of tiny steps would bury
                // their line under the dots' rims.
                if (p.isStep() && p.at > 0 && QLineF(p.w, lastDot).length() >= dotSpacing) {
                    m_pieces.push_back({at, at, pi, true});
                    lastDot = p.w;
                }
                if (p.at == 0) m_ends.push_back({at, pi, true});
                if (prev) {
                    const QPointF a = prev->w, b = p.w;
                    const int n =
                        std::max(1, static_cast<int>(std::ceil(
                                        std::hypot(b.x() - a.x(), b.y() - a.y()) / step)));
                    QVector3D from = toWorld(a, prevH) + lift;
                    for (int s = 1; s <= n; ++s) {
                        const double t = double(s) / n;
                        const QPointF w = a + (b - a) * t;
                        double hs = s == n ? h : meshHeight(w);
                        if (!std::isfinite(hs)) hs = prevH + (h - prevH) * t;
                        const QVector3D to = toWorld(w, hs) + lift;
                        m_pieces.push_back({from, to, pi, false});
                        from = to;
                    }
                }
                prev = p;
                prevH = h;
                last = at;
            }
        }
        if (last && path.points.size() > 1) m_ends.push_back({*last, pi, false});
    }
}

double SurfaceView::unit() const
{
    // Sizes follow the font, which presentation mode enlarges.
    return std::max(0.8, QFontMetricsF(font()).height() / 17.0);
}

bool SurfaceView::toPixel(QPointF w, QPointF *pixel) const
{
    const double h = meshHeight(w);
    if (!std::isfinite(h)) return false;
    return m_camera.toPixel(toWorld(w, h), pixel);
}

void SurfaceView::resizeEvent(QResizeEvent *event)
{
    m_camera.setViewSize(size());
    QWidget::resizeEvent(event);
}

void SurfaceView::paintEvent(QPaintEvent *)
{
    QElapsedTimer timer;
    timer.start();
    QPainter painter(this);
    painter.fillRect(rect(), palette().color(QPalette::Base));
    painter.setRenderHint(QPainter::Antialiasing);
    m_camera.setViewSize(size());
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    m_drawnCells = 0;
    if (m_cols > 0) {
        paintBox(painter, small);
        paintItems(painter);
        paintEnds(painter);
    }
    if (m_legend)
        paintPathLegend(painter, QPointF(8, 8) * unit(), m_paths, small, palette(), unit());

    // How to move the view, bottom left, as the Uncrumple page's 3D view says it.
    const double margin = 8 * unit();
    QColor muted = palette().color(QPalette::Text);
    muted.setAlphaF(0.6);
    painter.setFont(small);
    painter.setPen(muted);
    const QFontMetricsF fm(small);
    const QStringList hint = wrapLines(fm, {OrbitInput::hint()}, width() - 2 * margin);
    for (int i = 0; i < hint.size(); ++i)
        painter.drawText(QRectF(margin, height() - margin - fm.height() * (hint.size() - i),
                                width() - 2 * margin, fm.height()),
                         Qt::AlignLeft, hint[i]);
    m_lastFrameMs = timer.nsecsElapsed() / 1e6;
}

void SurfaceView::paintBox(QPainter &painter, const QFont &small)
{
    // Matplotlib's 3D axes: a floor and the two walls behind the surface, shaded panes with grid
    // lines at the ticks, the ticks' numbers along the front edges.
    const QVector3D lo = m_boxLo, hi = m_boxHi, eye = m_camera.eye();
    const float xWall = eye.x() > 0 ? lo.x() : hi.x(), xFront = eye.x() > 0 ? hi.x() : lo.x();
    const float zWall = eye.z() > 0 ? lo.z() : hi.z(), zFront = eye.z() > 0 ? hi.z() : lo.z();
    const auto px = [&](const QVector3D &p) {
        QPointF out;
        m_camera.toPixel(p, &out);
        return out;
    };
    const auto behind = [&](std::initializer_list<QVector3D> ps) {
        QPointF dummy;
        for (const QVector3D &p : ps)
            if (!m_camera.toPixel(p, &dummy)) return true;
        return false;
    };
    if (behind({QVector3D(lo.x(), 0, lo.z()), QVector3D(hi.x(), 0, lo.z()),
                QVector3D(lo.x(), 0, hi.z()), QVector3D(hi.x(), 0, hi.z()),
                QVector3D(lo.x(), hi.y(), lo.z()), QVector3D(hi.x(), hi.y(), hi.z())}))
        return; // zoomed into the box: no frame

    const QColor text = palette().color(QPalette::Text);
    QColor pane = text;
    pane.setAlphaF(0.045);
    QColor gridColour = text;
    gridColour.setAlphaF(0.13);
    QColor edgeColour = text;
    edgeColour.setAlphaF(0.35);
    const double u = unit();

    const auto quad = [&](QVector3D a, QVector3D b, QVector3D c, QVector3D d) {
        painter.drawPolygon(QPolygonF({px(a), px(b), px(c), px(d)}));
    };
    painter.setPen(Qt::NoPen);
    painter.setBrush(pane);
    if (eye.y() > lo.y())
        quad({lo.x(), 0, lo.z()}, {hi.x(), 0, lo.z()}, {hi.x(), 0, hi.z()}, {lo.x(), 0, hi.z()});
    quad({xWall, 0, lo.z()}, {xWall, 0, hi.z()}, {xWall, hi.y(), hi.z()}, {xWall, hi.y(), lo.z()});
    quad({lo.x(), 0, zWall}, {hi.x(), 0, zWall}, {hi.x(), hi.y(), zWall}, {lo.x(), hi.y(), zWall});

    const QRectF &d = m_grid.domain;
    const double stepW0 = core::geometry::niceStep(d.width() / 5);
    const double stepW1 = core::geometry::niceStep(d.height() / 5);
    const auto ticksW0 = core::geometry::ticksBetween(d.left(), d.right(), stepW0, 50);
    const auto ticksW1 = core::geometry::ticksBetween(d.top(), d.bottom(), stepW1, 50);
    const double stepLoss = core::geometry::niceStep((m_scale.cap - m_scale.min) / 4);
    const auto ticksLoss = core::geometry::ticksBetween(m_scale.min, m_scale.cap, stepLoss, 50);

    painter.setPen(QPen(gridColour, 1.0));
    const auto line = [&](QVector3D a, QVector3D b) { painter.drawLine(px(a), px(b)); };
    for (const double w0 : ticksW0) {
        const float x = toWorld({w0, d.center().y()}, 0).x();
        line({x, 0, lo.z()}, {x, 0, hi.z()});
        line({x, 0, zWall}, {x, hi.y(), zWall});
    }
    for (const double w1 : ticksW1) {
        const float z = toWorld({d.center().x(), w1}, 0).z();
        line({lo.x(), 0, z}, {hi.x(), 0, z});
        line({xWall, 0, z}, {xWall, hi.y(), z});
    }
    for (const double loss : ticksLoss) {
        const float y = static_cast<float>(m_scale.height(loss)) * kHeight;
        line({xWall, y, lo.z()}, {xWall, y, hi.z()});
        line({lo.x(), y, zWall}, {hi.x(), y, zWall});
    }
    painter.setPen(QPen(edgeColour, 1.0));
    painter.setBrush(Qt::NoBrush);
    quad({lo.x(), 0, lo.z()}, {hi.x(), 0, lo.z()}, {hi.x(), 0, hi.z()}, {lo.x(), 0, hi.z()});
    line({xWall, 0, zWall}, {xWall, hi.y(), zWall});

    // The numbers: w0 along the front edge in z, w1 along the front edge in x, the loss up the
    // side corner that is further left on screen (where a plot's y axis is).
    const QFontMetricsF fm(small);
    QFont bold = small;
    bold.setBold(true);
    const QFontMetricsF fmBold(bold);
    QColor muted = text;
    muted.setAlphaF(0.75);
    const double gap = 6 * u;
    const auto outward = [&](QVector3D at, QVector3D dir) {
        return unitVector(px(at + dir * 0.2f) - px(at), QPointF(0, 1));
    };
    // Labels that would overlap one already drawn are left out (an axis seen end on, the corner
    // where the loss axis meets another).
    std::vector<QRectF> taken;
    const auto isFree = [&](const QRectF &r) {
        return std::none_of(taken.begin(), taken.end(), [&](const QRectF &t) {
            return r.adjusted(-2, -1, 2, 1).intersects(t);
        });
    };
    const auto labelRow = [&](const std::vector<double> &ticks, double tickStep, auto worldAt,
                              QVector3D dir, const QString &name, QVector3D nameAt) {
        painter.setFont(small);
        painter.setPen(muted);
        double deepest = 0;
        for (const double v : ticks) {
            const QVector3D at = worldAt(v);
            const QPointF o = outward(at, dir);
            const QString label = tickText(v, tickStep);
            const QRectF r = besideAnchor(fm, label, px(at), o, gap);
            if (!isFree(r)) continue;
            painter.drawText(r, Qt::AlignCenter, label);
            taken.push_back(r);
            deepest = std::max(deepest, std::abs(o.x()) * r.width() + std::abs(o.y()) * r.height());
        }
        painter.setFont(bold);
        painter.setPen(text);
        const QPointF o = outward(nameAt, dir);
        const QRectF r = besideAnchor(fmBold, name, px(nameAt), o, gap * 2 + deepest);
        painter.drawText(r, Qt::AlignCenter, name);
        taken.push_back(r);
    };
    // The loss axis first: its corner is also where a w axis' row of numbers ends, and that row's
    // last number gives way to the loss's 0 rather than pass for it.
    const QVector3D cornerA(xWall, 0, zFront), cornerB(xFront, 0, zWall);
    const QVector3D corner = px(cornerA).x() < px(cornerB).x() ? cornerA : cornerB;
    const QVector3D top(corner.x(), hi.y(), corner.z());
    painter.setPen(QPen(edgeColour, 1.0));
    line(corner, top);
    const QPointF side(px(corner).x() < px(QVector3D(0, 0, 0)).x() ? -1 : 1, 0);
    painter.setFont(small);
    for (const double loss : ticksLoss) {
        const QVector3D at(corner.x(), static_cast<float>(m_scale.height(loss)) * kHeight,
                           corner.z());
        const QPointF p = px(at);
        const QString label = tickText(loss, stepLoss);
        const QRectF r = besideAnchor(fm, label, p, side, gap);
        if (!isFree(r)) continue;
        painter.setPen(QPen(edgeColour, 1.0));
        painter.drawLine(p, p + side * (gap * 0.6));
        painter.setPen(muted);
        painter.drawText(r, Qt::AlignCenter, label);
        taken.push_back(r);
    }
    painter.setFont(bold);
    painter.setPen(text);
    const QRectF lossName =
        besideAnchor(fmBold, QStringLiteral("loss"), px(top), QPointF(0, -1), gap);
    painter.drawText(lossName, Qt::AlignCenter, QStringLiteral("loss"));
    taken.push_back(lossName);

    const QVector3D zOut(0, 0, zFront > 0 ? 1 : -1), xOut(xFront > 0 ? 1 : -1, 0, 0);
    labelRow(
        ticksW0, stepW0,
        [&](double v) {
            return QVector3D(toWorld({v, d.center().y()}, 0).x(), 0, zFront);
        },
        zOut, QStringLiteral("w0"), QVector3D(0, 0, zFront));
    labelRow(
        ticksW1, stepW1,
        [&](double v) {
            return QVector3D(xFront, 0, toWorld({d.center().x(), v}, 0).z());
        },
        xOut, QStringLiteral("w1"), QVector3D(xFront, 0, 0));
}

void SurfaceView::paintItems(QPainter &painter)
{
    // The painter's algorithm: cells and path pieces drawn the farthest first. Far
    // is measured on the ground, from the point under the eye: along any line of sight the surface
    // points met first are nearer that point, so a height field drawn in this order hides itself
    // correctly, where depth along the view would let steep cells behind a ridge poke through it. A
    // path piece counts as a little nearer than the cell it lies on, so it is drawn after it.
    const QVector3D eye = m_camera.eye();
    const auto ground = [&eye](const QVector3D &p) {
        return static_cast<float>(std::hypot(p.x() - eye.x(), p.z() - eye.z()));
    };
    const QMatrix4x4 vp = m_camera.viewProjection();
    const double w = width(), h = height();
    const QRectF &d = m_grid.domain;
    const double fx = 1.0 / m_cols, fy = 1.0 / m_rows;
    struct Projected {
        QPointF p;
        bool ok = false;
    };
    const auto project = [&](const QVector3D &world) {
        const QVector4D c = vp * QVector4D(world, 1.0f);
        if (c.w() <= 1e-5f) return Projected{};
        return Projected{{(c.x() / c.w() * 0.5 + 0.5) * w, (0.5 - c.y() / c.w() * 0.5) * h}, true};
    };
    std::vector<Projected> vertices(m_heights.size());
    for (int j = 0; j <= m_rows; ++j)
        for (int i = 0; i <= m_cols; ++i) {
            const auto k = static_cast<std::size_t>(j * (m_cols + 1) + i);
            if (!std::isfinite(m_heights[k])) continue;
            vertices[k] = project(
                toWorld(QPointF(d.left() + i * fx * d.width(), d.top() + j * fy * d.height()),
                        m_heights[k]));
        }

    struct Item {
        float depth;
        int index; // a cell, or -1 - a path piece
    };
    std::vector<Item> items;
    items.reserve(m_cells.size() + m_pieces.size());
    const auto visible = [&](int v) { return vertices[static_cast<std::size_t>(v)].ok; };
    const int row = m_cols + 1;
    for (int c = 0; c < static_cast<int>(m_cells.size()); ++c) {
        const Cell &cell = m_cells[static_cast<std::size_t>(c)];
        if (!visible(cell.v00) || !visible(cell.v00 + 1) || !visible(cell.v00 + row) ||
            !visible(cell.v00 + row + 1))
            continue;
        items.push_back({ground(QVector3D(cell.groundX, 0, cell.groundZ)), c});
    }
    const float bias =
        0.75f * static_cast<float>(std::max(m_boxHi.x() * fx * 2, m_boxHi.z() * fy * 2));
    std::vector<Projected> ends(m_pieces.size() * 2);
    for (int k = 0; k < static_cast<int>(m_pieces.size()); ++k) {
        const PathPiece &piece = m_pieces[static_cast<std::size_t>(k)];
        const Projected a = project(piece.a), b = project(piece.b);
        if (!a.ok || !b.ok) continue;
        ends[2 * static_cast<std::size_t>(k)] = a;
        ends[2 * static_cast<std::size_t>(k) + 1] = b;
        items.push_back({ground((piece.a + piece.b) / 2) - bias, -1 - k});
    }
    std::sort(items.begin(), items.end(),
              [](const Item &a, const Item &b) { return a.depth > b.depth; });

    const double u = unit();
    QColor meshColour(20, 45, 70);
    meshColour.setAlphaF(0.3);
    const QPen meshPen(meshColour, 0.9 * u, Qt::SolidLine, Qt::RoundCap);
    const QColor dotRim = palette().color(QPalette::Base);
    for (const Item &item : items) {
        if (item.index >= 0) {
            const Cell &cell = m_cells[static_cast<std::size_t>(item.index)];
            const auto vertex = [&](int v) { return vertices[static_cast<std::size_t>(v)].p; };
            // Corners in order round the cell: low corner, high i, both high, high j.
            const QPointF q[4] = {vertex(cell.v00), vertex(cell.v00 + 1),
                                  vertex(cell.v00 + row + 1), vertex(cell.v00 + row)};
            painter.setPen(Qt::NoPen);
            painter.setBrush(QColor::fromRgb(cell.fill));
            if (isConvex(q)) {
                fillGrown(painter, q, 4);
            } else {
                // Folded over: two triangles, the one farther from the eye first.
                const int d0 = cell.flip ? 1 : 0, d1 = d0 + 2;
                const QPointF t0[3] = {q[d0], q[(d0 + 1) % 4], q[d1]};
                const QPointF t1[3] = {q[d1], q[(d1 + 1) % 4], q[d0]};
                const QPointF toEye = QPointF(eye.x() - cell.groundX, eye.z() - cell.groundZ);
                // The triangle holding corner d0 + 1 lies on that corner's side of the diagonal.
                const QPointF side = cornerOffset(d0 + 1);
                const bool firstIsFar = side.x() * toEye.x() + side.y() * toEye.y() < 0;
                fillGrown(painter, firstIsFar ? t0 : t1, 3);
                fillGrown(painter, firstIsFar ? t1 : t0, 3);
            }
            if (cell.meshEdges) {
                painter.setPen(meshPen);
                if (cell.meshEdges & 1) painter.drawLine(q[0], q[3]);
                if (cell.meshEdges & 2) painter.drawLine(q[1], q[2]);
                if (cell.meshEdges & 4) painter.drawLine(q[0], q[1]);
                if (cell.meshEdges & 8) painter.drawLine(q[3], q[2]);
            }
            ++m_drawnCells;
        } else {
            const auto k = static_cast<std::size_t>(-1 - item.index);
            const PathPiece &piece = m_pieces[k];
            const QColor colour = m_paths[static_cast<std::size_t>(piece.path)].color;
            if (piece.dot) {
                paintStepDot(painter, ends[2 * k].p, colour, dotRim, u);
            } else {
                painter.setPen(QPen(colour, 2.4 * u, Qt::SolidLine, Qt::RoundCap));
                painter.drawLine(ends[2 * k].p, ends[2 * k + 1].p);
            }
        }
    }
}

void SurfaceView::paintEnds(QPainter &painter)
{
    // On top of everything: where each path starts and ends, and the marker.
    const double u = unit();
    const QColor rim = palette().color(QPalette::Base);
    for (const PathEnd &end : m_ends) {
        QPointF p;
        if (!m_camera.toPixel(end.at, &p)) continue;
        const Path &path = m_paths[static_cast<std::size_t>(end.path)];
        if (end.start)
            paintPathStart(painter, p, path, rim, u);
        else
            paintPathEnd(painter, p, path, rim, u);
    }
    // The marker alone: a drop line to the floor would show through the surface, which lies
    // above the floor wherever the eye looks from above.
    if (!m_marker) return;
    const double h = meshHeight(*m_marker);
    QPointF p;
    if (std::isfinite(h) && m_camera.toPixel(toWorld(*m_marker, h) + QVector3D(0, kLift, 0), &p))
        paintMarker(painter, p, palette(), u);
}

void SurfaceView::mousePressEvent(QMouseEvent *event)
{
    m_orbitInput.press(event);
    event->accept();
}

void SurfaceView::mouseMoveEvent(QMouseEvent *event)
{
    m_orbitInput.move(event);
}

void SurfaceView::mouseReleaseEvent(QMouseEvent *)
{
    m_orbitInput.release();
}

void SurfaceView::mouseDoubleClickEvent(QMouseEvent *event)
{
    resetView();
    event->accept();
}

void SurfaceView::wheelEvent(QWheelEvent *event)
{
    m_orbitInput.wheel(event);
    event->accept();
}

} // namespace ui
