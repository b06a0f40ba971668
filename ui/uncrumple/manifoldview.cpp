#include "ui/uncrumple/manifoldview.h"

#include "core/geometry/ticks.h"
#include "ui/common/captions.h"
#include "ui/common/numbers.h"
#include "ui/common/twothreads.h"
#include "ui/uncrumple/latticeedges.h"

#include <QElapsedTimer>
#include <QFontMetricsF>
#include <QMouseEvent>
#include <QOpenGLContext>
#include <QOpenGLFunctions>
#include <QOpenGLPaintDevice>
#include <QPainter>
#include <QPainterPath>
#include <QSurfaceFormat>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

namespace ui {

namespace {

constexpr double kPickRadius = 8.0; // logical pixels
constexpr double kRotateDegreesPerSecond = 14.0;
// How far a drawn lattice line may stray from its full samples, in logical pixels at the scene's
// centre; the lines are reduced again when a zoom makes that more than kLatticeRezoom times so.
constexpr double kLatticePixels = 0.3;
constexpr double kLatticeRezoom = 1.5;

QString tickText(double v, double step)
{
    v = core::geometry::roundToStep(v, step);
    const int decimals = step >= 1 ? 0 : static_cast<int>(std::ceil(-std::log10(step) - 1e-9));
    return QString::number(v, 'f', std::clamp(decimals, 0, 6));
}

// Draws rows [0, split) here and [split, rows) on a second thread. Drawing the points and the
// lattice is the GUI thread's largest cost a frame, and llvmpipe, with little left to draw, leaves
// the second core room.
template<typename DrawRows> void drawInTwoBands(int rows, int split, const DrawRows &draw)
{
    if (rows <= 0) return; // nothing in view
    runTogether([&] { draw(0, split); }, [&] { draw(split, rows); });
}

} // namespace

ManifoldView::ManifoldView(QWidget *parent) : GlSurface(parent)
{
    // Depth for the points, no multisampling (on llvmpipe a multisampled framebuffer and its
    // resolve cost more than the scene; the sprites shade their own edges).
    QSurfaceFormat surface = format();
    surface.setSamples(0);
    surface.setDepthBufferSize(24);
    setFormat(surface);
    setMouseTracking(true);
    setFocusPolicy(Qt::ClickFocus);
    m_rotateTimer.setTimerType(Qt::PreciseTimer);
    m_rotateTimer.setInterval(16);
    connect(&m_rotateTimer, &QTimer::timeout, this, &ManifoldView::rotateStep);
    buildAxes();
}

ManifoldView::~ManifoldView()
{
    cleanup();
}

void ManifoldView::cleanup()
{
    // The hellogl2 way; see PlaneView::cleanup.
    if (!context()) return;
    makeCurrent();
    m_renderer.cleanup();
    doneCurrent();
    disconnect(context(), &QOpenGLContext::aboutToBeDestroyed, this, &ManifoldView::cleanup);
}

void ManifoldView::initializeGL()
{
    connect(context(), &QOpenGLContext::aboutToBeDestroyed, this, &ManifoldView::cleanup,
            Qt::UniqueConnection);
    if (!m_renderer.initialize()) {
        m_glError = m_renderer.error();
        qWarning("Uncrumple view: %s", qPrintable(m_glError));
    }
    m_coloursDirty = m_pointsDirty = m_latticeDirty = m_nodesDirty = m_edgesDirty = m_cellsDirty =
        m_guidesDirty = true;
}

void ManifoldView::resizeGL(int, int)
{
    m_camera.setViewSize(size());
}

void ManifoldView::setPointColours(std::vector<std::uint32_t> rgba)
{
    m_pointColours = std::move(rgba);
    m_coloursDirty = true;
    update();
}

void ManifoldView::setPoints(const std::vector<float> &xyz)
{
    // assign() reuses the vector's memory: no allocation once the count is stable.
    m_points.assign(xyz.begin(), xyz.end());
    m_pointsDirty = true;
    if (m_hovered >= pointCount()) m_hovered = -1;
    if (m_hovered >= 0 && m_describe) m_hoverText = m_describe(m_hovered);
    update();
}

void ManifoldView::setLattice(const LatticeTopology &topology, std::uint32_t lineColour)
{
    m_lattice = topology;
    m_latticeColour = lineColour;
    m_latticeNodes.clear();
    m_cellColours.clear();
    m_latticeDirty = m_nodesDirty = m_cellsDirty = true;
    update();
}

void ManifoldView::setLatticeNodes(const std::vector<float> &xyz)
{
    m_latticeNodes.assign(xyz.begin(), xyz.end());
    m_nodesDirty = true;
    update();
}

void ManifoldView::setCellColours(std::vector<std::uint32_t> rgba)
{
    m_cellColours = std::move(rgba);
    m_cellsDirty = true;
    update();
}

void ManifoldView::setSurfaces(std::vector<ColourVertex> triangles)
{
    m_surfaces = std::move(triangles);
    m_guidesDirty = true;
    update();
}

void ManifoldView::setAxes(const QVector3D &lo, const QVector3D &hi, const QStringList &names,
                           bool flat)
{
    if (lo == m_axisLo && hi == m_axisHi && names == m_axisNames && flat == m_flat) return;
    m_axisLo = lo;
    m_axisHi = hi;
    m_axisNames = names;
    m_flat = flat;
    buildAxes();
    update();
}

void ManifoldView::frame(const QVector3D &lo, const QVector3D &hi, bool flat)
{
    m_camera.fit(lo, hi, flat);
    update();
}

void ManifoldView::resetView()
{
    m_camera.reset();
    update();
}

void ManifoldView::setCaption(const QStringList &lines)
{
    if (lines == m_caption) return;
    m_caption = lines;
    update();
}

void ManifoldView::setNote(const QString &note)
{
    if (note == m_note) return;
    m_note = note;
    update();
}

void ManifoldView::setDescriber(std::function<QString(int)> describe)
{
    m_describe = std::move(describe);
}

void ManifoldView::setPresentationScale(double scale)
{
    if (!(scale > 0) || scale == m_scale) return;
    m_scale = scale;
    update();
}

void ManifoldView::setAutoRotate(bool on)
{
    if (on == autoRotate()) return;
    if (on) {
        m_rotateClock.start();
        m_rotateTimer.start();
    } else {
        m_rotateTimer.stop();
    }
    emit autoRotateChanged(on);
}

void ManifoldView::rotateStep()
{
    const double dt = m_rotateClock.restart() / 1000.0;
    m_camera.orbit(kRotateDegreesPerSecond * std::min(dt, 0.1), 0);
    update();
}

void ManifoldView::buildAxes()
{
    // Three axes along the box's edges from its low corner, ticks at round steps, so that the
    // scale of each layer's space can be read (tanh's ±1, ReLU's half-spaces).
    m_axisLines.clear();
    m_tickLabels.clear();
    const QColor axisColour(110, 110, 110);
    const std::uint32_t rgba = packRgba(axisColour);
    const QVector3D lo = m_axisLo, hi = m_axisHi;
    const QVector3D extent = hi - lo;
    const float size = std::max({extent.x(), extent.y(), m_flat ? 0.f : extent.z(), 1e-6f});
    const int axes = m_flat ? 2 : 3;
    for (int a = 0; a < axes; ++a) {
        QVector3D end = lo;
        end[a] = hi[a];
        m_axisLines.push_back({lo.x(), lo.y(), lo.z(), rgba});
        m_axisLines.push_back({end.x(), end.y(), end.z(), rgba});
        const double step = core::geometry::niceStep(std::max(1e-9, (hi[a] - lo[a]) / 4.0));
        // Ticks point away from the box, along the next axis (y for x, x for y and z).
        const int across = a == 0 ? 1 : 0;
        const float tick = size * 0.025f;
        for (double v : core::geometry::ticksBetween(lo[a], hi[a], step, 20)) {
            QVector3D p = lo;
            p[a] = static_cast<float>(v);
            QVector3D q = p;
            q[across] -= tick;
            m_axisLines.push_back({p.x(), p.y(), p.z(), rgba});
            m_axisLines.push_back({q.x(), q.y(), q.z(), rgba});
            QVector3D label = p;
            label[across] -= tick * 3.0f;
            m_tickLabels.push_back({label, tickText(v, step)});
        }
        QVector3D nameAt = end;
        nameAt[a] += size * 0.06f;
        m_tickLabels.push_back({nameAt, a < m_axisNames.size() ? m_axisNames[a] : QString()});
    }
    m_guidesDirty = true;
}

void ManifoldView::uploadPending()
{
    if (!m_renderer.isReady()) return;
    if (m_coloursDirty) m_splatter.setColours(m_pointColours);
    if (m_latticeDirty) {
        m_renderer.setLattice(m_lattice.cells);
        m_cellsDirty = m_nodesDirty = true;
    }
    if (m_nodesDirty) {
        const int nodes = static_cast<int>(m_latticeNodes.size() / 3);
        m_renderer.setLatticePositions(m_latticeNodes.data(), nodes == m_lattice.nodes ? nodes : 0);
    }
    if (m_nodesDirty || m_edgesDirty) m_reduceLattice = true; // by paintGL, beside the points
    if (m_cellsDirty)
        m_renderer.setCellColours(static_cast<int>(m_cellColours.size()) == m_lattice.nodes
                                      ? m_cellColours
                                      : std::vector<std::uint32_t>{});
    if (m_guidesDirty) m_renderer.setGuides(m_axisLines, m_surfaces);
    m_coloursDirty = m_pointsDirty = m_latticeDirty = m_nodesDirty = m_edgesDirty = m_cellsDirty =
        m_guidesDirty = false;
}

ManifoldFrame ManifoldView::frameUniforms() const
{
    ManifoldFrame f;
    f.view = m_camera.view();
    f.projection = m_camera.projection();
    const float dpr = static_cast<float>(devicePixelRatioF());
    f.width = static_cast<float>(width()) * dpr;
    f.height = static_cast<float>(height()) * dpr;
    const double r = m_camera.sceneRadius();
    f.fogNear = static_cast<float>(m_camera.distance() - r * 0.6);
    f.fogFar = static_cast<float>(m_camera.distance() + r * 1.1);
    return f;
}

PointSplatter::Params ManifoldView::splatParams() const
{
    const ManifoldFrame f = frameUniforms();
    PointSplatter::Params p;
    p.view = f.view;
    p.projection = f.projection;
    p.width = static_cast<int>(std::lround(f.width));
    p.height = static_cast<int>(std::lround(f.height));
    // Points about 1/110 of the view's smaller side at the scene's centre, larger in presentation
    // mode; fewer points may be larger.
    const double side = std::min(width(), height());
    const double crowd = std::clamp(std::sqrt(2000.0 / std::max(1, pointCount())), 0.6, 1.4);
    p.pointSize = static_cast<float>(std::clamp(side / 110.0 * crowd, 3.0, 14.0) * m_scale *
                                     devicePixelRatioF());
    p.refDistance = static_cast<float>(m_camera.distance());
    p.fogNear = f.fogNear;
    p.fogFar = f.fogFar;
    p.fogStrength = f.fogStrength;
    p.background = palette().color(QPalette::Base);
    return p;
}

QRect ManifoldView::projectLattice(const PointSplatter::Params &params)
{
    const int nodes = static_cast<int>(m_latticeNodes.size() / 3);
    if (m_reduceLattice) {
        m_reduceLattice = false;
        m_drawnEdges.clear();
        m_latticeWorldPerPixel = m_camera.worldPerPixel();
        if (nodes == m_lattice.nodes)
            simplifyLatticeEdges(m_lattice.edges, m_latticeNodes.data(), std::size_t(nodes),
                                 static_cast<float>(kLatticePixels * m_latticeWorldPerPixel),
                                 m_drawnEdges);
    }
    if (nodes != m_lattice.nodes || m_drawnEdges.empty()) return {};
    return m_latticeSplatter.project(m_latticeNodes.data(), nodes, m_drawnEdges, params);
}

void ManifoldView::paintGL()
{
    const double dpr = devicePixelRatioF();
    // As PlaneView does: QPainter on a paint device of our own (QWidget::grab() would redirect a
    // painter on the widget to its image, putting the text under the GL picture), and our GL
    // between begin/endNativePainting so that QPainter re-syncs its GL state after it.
    QOpenGLPaintDevice device(
        QSize(static_cast<int>(width() * dpr), static_cast<int>(height() * dpr)));
    device.setDevicePixelRatio(dpr);
    QPainter painter(&device);
    painter.beginNativePainting();
    m_camera.setViewSize(size());
    // Zoomed in (or out) since the lattice was reduced: reduce it again for this zoom.
    const double zoom = m_latticeWorldPerPixel / m_camera.worldPerPixel();
    if (!(zoom < kLatticeRezoom && zoom > 1.0 / kLatticeRezoom)) m_edgesDirty = true;
    const ManifoldFrame frame = frameUniforms();
    context()->functions()->glViewport(0, 0, static_cast<int>(frame.width),
                                       static_cast<int>(frame.height));
    uploadPending();
    const QColor background = palette().color(QPalette::Base);
    if (m_renderer.isReady()) {
        QElapsedTimer cpuDraw;
        cpuDraw.start();
        const PointSplatter::Params params = splatParams();
        // The points sorted here while the lattice is reduced and clipped on a second thread.
        QRect latticeArea;
        runTogether([&] { m_splatter.sortPoints(m_points.data(), pointCount(), params); },
                    [&] { latticeArea = projectLattice(params); });
        const bool lattice = !latticeArea.isEmpty();
        PointSplatter::Image &image = m_splatter.prepareImage(params, latticeArea);
        drawInTwoBands(image.height, m_splatter.balancedRow(), [&](int rowBegin, int rowEnd) {
            m_splatter.drawRows(params, rowBegin, rowEnd);
            if (lattice)
                m_latticeSplatter.draw(image, m_latticeColour, frame.latticeOpacity, params,
                                       rowBegin, rowEnd);
        });
        m_lastCpuDrawMs = cpuDraw.nsecsElapsed() / 1e6;
        m_renderer.setPointImage(image);
    }
    m_renderer.draw(frame, background);
    painter.endNativePainting();
    ++m_frames;
    paintOverlay(painter);
}

void ManifoldView::paintOverlay(QPainter &painter)
{
    painter.setRenderHint(QPainter::Antialiasing);
    const QColor text = palette().color(QPalette::Text);
    const QColor base = palette().color(QPalette::Base);
    if (!m_glError.isEmpty()) {
        painter.setPen(text);
        painter.drawText(rect().adjusted(20, 20, -20, -20), Qt::AlignCenter | Qt::TextWordWrap,
                         tr("The 3D view cannot be drawn: %1").arg(m_glError));
        return;
    }
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    painter.setFont(small);
    QColor muted = text;
    muted.setAlphaF(0.7);
    painter.setPen(muted);
    const QFontMetricsF fm(small);
    for (const TickLabel &label : m_tickLabels) {
        QPointF p;
        if (label.text.isEmpty() || !m_camera.toPixel(label.at, &p)) continue;
        const double w = fm.horizontalAdvance(label.text);
        painter.drawText(QPointF(p.x() - w / 2, p.y() + fm.ascent() / 2), label.text);
    }

    // The caption and the note, top left, on a faint box so they read over points.
    const double margin = 10 * m_scale;
    QFont bold = font();
    bold.setBold(true);
    double y = margin;
    const auto boxed = [&](const QString &line, const QFont &f) {
        const QFontMetricsF m(f);
        const QRectF box(margin, y, m.horizontalAdvance(line) + 12, m.height() + 6);
        QColor fill = base;
        fill.setAlphaF(0.8);
        painter.fillRect(box, fill);
        painter.setFont(f);
        painter.setPen(text);
        painter.drawText(box.adjusted(6, 3, -6, -3), Qt::AlignLeft | Qt::AlignVCenter, line);
        y += box.height();
    };
    // Wrapped at spaces to the view's width: a 1024-pixel projector in presentation mode cut them.
    const double room = width() - 2 * margin - 12;
    for (int i = 0; i < m_caption.size(); ++i) {
        const QFont &f = i == 0 ? bold : font();
        for (const QString &line : wrapLines(QFontMetricsF(f), {m_caption[i]}, room))
            boxed(line, f);
    }
    if (!m_note.isEmpty())
        for (const QString &line : wrapLines(QFontMetricsF(small), {m_note}, room))
            boxed(line, small);

    if (m_hovered >= 0 && !m_hoverText.isEmpty()) {
        // A ring around the point and its description beside it.
        const int i = m_hovered;
        QPointF p;
        if (m_camera.toPixel(QVector3D(m_points[3 * i], m_points[3 * i + 1], m_points[3 * i + 2]),
                             &p)) {
            painter.setPen(QPen(text, 1.5 * m_scale));
            painter.setBrush(Qt::NoBrush);
            painter.drawEllipse(p, 7 * m_scale, 7 * m_scale);
            painter.setFont(font());
            const QFontMetricsF m(font());
            const QStringList lines = m_hoverText.split(QLatin1Char('\n'));
            double w = 0;
            for (const QString &l : lines)
                w = std::max(w, m.horizontalAdvance(l));
            QRectF box(p.x() + 12 * m_scale, p.y() - m.height() * lines.size() - 4, w + 12,
                       m.height() * lines.size() + 8);
            if (box.right() > width() - 4) box.moveRight(p.x() - 12 * m_scale);
            if (box.top() < 4) box.moveTop(p.y() + 12 * m_scale);
            QColor fill = base;
            fill.setAlphaF(0.9);
            painter.fillRect(box, fill);
            painter.setPen(text);
            painter.drawText(box.adjusted(6, 4, -6, -4), Qt::AlignLeft | Qt::AlignTop, m_hoverText);
        }
    }
    // How to move the view, bottom left, wrapped as the caption is.
    painter.setFont(small);
    painter.setPen(muted);
    const QStringList hint = wrapLines(fm, {OrbitInput::hint()}, width() - 2 * margin);
    const double lineHeight = fm.height();
    for (int i = 0; i < hint.size(); ++i)
        painter.drawText(QRectF(margin, height() - margin - lineHeight * (hint.size() - i),
                                width() - 2 * margin, lineHeight),
                         Qt::AlignLeft, hint[i]);
}

void ManifoldView::updateHover(const QPointF &pixel)
{
    int best = -1;
    double bestDistance = kPickRadius * m_scale * kPickRadius * m_scale;
    float bestDepth = 2.0f;
    const QMatrix4x4 vp = m_camera.viewProjection();
    const double w = width(), h = height();
    const int n = pointCount();
    for (int i = 0; i < n; ++i) {
        const QVector4D c =
            vp * QVector4D(m_points[3 * i], m_points[3 * i + 1], m_points[3 * i + 2], 1.0f);
        if (c.w() <= 1e-6f) continue;
        const double x = (c.x() / c.w() * 0.5 + 0.5) * w, y = (0.5 - c.y() / c.w() * 0.5) * h;
        const double d = (x - pixel.x()) * (x - pixel.x()) + (y - pixel.y()) * (y - pixel.y());
        const float depth = c.z() / c.w();
        // The nearest to the mouse, and of those about as near, the one in front.
        if (d < bestDistance - 4.0 || (d < bestDistance + 4.0 && depth < bestDepth)) {
            bestDistance = std::min(bestDistance, d);
            bestDepth = depth;
            best = i;
        }
    }
    m_hoverPixel = pixel;
    if (best == m_hovered) return;
    m_hovered = best;
    m_hoverText = best >= 0 && m_describe ? m_describe(best) : QString();
    emit hoveredChanged(best);
    update();
}

void ManifoldView::mousePressEvent(QMouseEvent *event)
{
    m_orbitInput.press(event);
    event->accept();
}

void ManifoldView::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_orbitInput.move(event)) updateHover(event->position());
}

void ManifoldView::mouseReleaseEvent(QMouseEvent *)
{
    m_orbitInput.release();
}

void ManifoldView::mouseDoubleClickEvent(QMouseEvent *event)
{
    resetView();
    event->accept();
}

void ManifoldView::wheelEvent(QWheelEvent *event)
{
    m_orbitInput.wheel(event);
    event->accept();
}

void ManifoldView::leaveEvent(QEvent *)
{
    if (m_hovered < 0) return;
    m_hovered = -1;
    m_hoverText.clear();
    emit hoveredChanged(-1);
    update();
}

} // namespace ui
