#include "ui/geometry/planeview.h"

#include "core/geometry/ticks.h"
#include "ui/common/numberformat.h"
#include "ui/geometry/captionplacement.h"
#include "ui/geometry/cloudsource.h"
#include "ui/geometry/planeoverlay.h"
#include "ui/geometry/readouts.h"
#include "ui/geometry/scenebuilder.h"

#include <QEvent>
#include <QMouseEvent>
#include <QOpenGLContext>
#include <QOpenGLFunctions>
#include <QOpenGLPaintDevice>
#include <QPainter>
#include <QSurfaceFormat>
#include <QWheelEvent>
#include <cmath>

namespace ui {

namespace {

constexpr double kHandlePickRadius = 14.0; // logical pixels
constexpr double kPointPickRadius = 6.0;
constexpr double kInitialExtent = 3.6; // the view first shows at least [-3.6, 3.6]²

} // namespace

PlaneView::PlaneView(QWidget *parent) : GlSurface(parent)
{
    // No multisampling: the shaders anti-alias lines and fills themselves (and the cloud is
    // anti-aliased on the CPU), while on a software renderer (llvmpipe) a 4x multisampled
    // framebuffer and its resolve cost more than the whole scene.
    QSurfaceFormat surface = format();
    surface.setSamples(0);
    setFormat(surface);
    setMouseTracking(true);
    setFocusPolicy(Qt::ClickFocus);
    setCursor(Qt::CrossCursor);
    setState(GeometryState::defaults());
}

PlaneView::~PlaneView()
{
    cleanup();
}

void PlaneView::cleanup()
{
    // The hellogl2 way: free GL objects with the context current. Called from the destructor and
    // when the context goes away; after the first call it no longer listens, because by the time
    // the window's destructor destroys the context, this object's members are gone.
    if (!context()) return;
    makeCurrent();
    m_renderer.cleanup();
    m_splatKey.clear();
    doneCurrent();
    disconnect(context(), &QOpenGLContext::aboutToBeDestroyed, this, &PlaneView::cleanup);
}

void PlaneView::invalidate()
{
    m_sceneDirty = true;
    update();
}

void PlaneView::setState(const GeometryState &state)
{
    const bool chainChanged = !(state.chain == m_state.chain);
    m_state = state;
    if (chainChanged) setTime(m_time);
    invalidate();
}

void PlaneView::setTime(double t)
{
    m_time = t;
    m_stages = core::geometry::stagesAt(m_state.chain, t);
    m_cloudImageValid = false;
    invalidate();
}

void PlaneView::setSelectedStep(int step)
{
    if (step == m_selectedStep) return;
    m_selectedStep = step;
    invalidate();
}

void PlaneView::setCaption(const QString &caption)
{
    if (caption == m_caption) return;
    m_caption = caption;
    update();
}

void PlaneView::setPresentationScale(double scale)
{
    if (scale == m_scale || !(scale > 0)) return;
    m_scale = scale;
    invalidate();
}

void PlaneView::setCloud(std::shared_ptr<const core::geometry::PointCloud> cloud, CloudKind kind)
{
    m_cloud = std::move(cloud);
    m_cloudKind = m_cloud ? kind : CloudKind::None;
    m_cloudImageValid = false;
    colourCloud();
    update();
}

void PlaneView::resetView()
{
    m_camera.fit(kInitialExtent);
    invalidate();
}

const Scene &PlaneView::scene()
{
    if (m_sceneDirty) {
        SceneInput in;
        in.state = &m_state;
        in.stages = m_stages;
        in.atEnd = m_time >= core::geometry::phaseCount(m_state.chain);
        in.selectedStep = m_selectedStep;
        in.camera = &m_camera;
        in.theme = PlaneTheme::fromPalette(palette());
        in.scale = m_scale;
        in.hovered = m_hovered;
        if (m_drag == Drag::Handle) in.dragged = m_dragged;
        m_scene = buildScene(in);
        m_sceneDirty = false;
    }
    return m_scene;
}

void PlaneView::initializeGL()
{
    // A context can be replaced (e.g. the widget moves to another window): free the old objects.
    connect(context(), &QOpenGLContext::aboutToBeDestroyed, this, &PlaneView::cleanup,
            Qt::UniqueConnection);
    if (!m_renderer.initialize()) {
        m_glError = m_renderer.error();
        qWarning("Geometry page: %s", qPrintable(m_glError));
        return;
    }
    m_glError.clear();
    m_splatKey.clear();
}

void PlaneView::resizeGL(int w, int h)
{
    Q_UNUSED(w)
    Q_UNUSED(h)
    m_camera.setViewSize(size());
    if (!m_viewFitted) {
        m_camera.fit(kInitialExtent);
        m_viewFitted = true;
    }
    m_sceneDirty = true;
}

void PlaneView::colourCloud()
{
    std::vector<float> xy;
    std::vector<std::uint8_t> rgba;
    if (m_cloud) {
        const PlaneTheme theme = PlaneTheme::fromPalette(palette());
        xy.reserve(m_cloud->points.size() * 2);
        rgba.reserve(m_cloud->points.size() * 4);
        for (std::size_t i = 0; i < m_cloud->points.size(); ++i) {
            xy.push_back(m_cloud->points[i].x());
            xy.push_back(m_cloud->points[i].y());
            const QColor c = cloudColour(m_cloudKind, m_cloud->labels[i], theme);
            rgba.insert(rgba.end(),
                        {static_cast<std::uint8_t>(c.red()), static_cast<std::uint8_t>(c.green()),
                         static_cast<std::uint8_t>(c.blue()),
                         static_cast<std::uint8_t>(c.alpha())});
        }
    }
    m_splatter.setCloud(std::move(xy), std::move(rgba));
    m_splatKey.clear();
}

void PlaneView::drawCloud(const FrameGeometry &frame)
{
    const int n = m_splatter.size();
    if (n == 0) return;
    const double radius = (n <= 2000    ? 2.5
                           : n <= 20000 ? 1.75
                                        : 1.25) *
                          devicePixelRatioF() * m_scale;
    // Render again only when something that moves the points changed.
    std::vector<double> key{frame.width, frame.height, radius};
    key.insert(key.end(), frame.worldToDevice.begin(), frame.worldToDevice.end());
    for (const auto &s : m_stages)
        key.insert(key.end(),
                   {s.W(0, 0), s.W(0, 1), s.W(1, 0), s.W(1, 1), s.b.x(), s.b.y(), s.relu});
    if (key != m_splatKey) {
        m_renderer.uploadImage(
            m_splatter.render(m_stages, frame.worldToDevice, static_cast<int>(frame.width),
                              static_cast<int>(frame.height), static_cast<float>(radius)));
        m_splatKey = std::move(key);
    }
    m_renderer.drawImage(frame);
}

void PlaneView::paintGL()
{
    const PlaneTheme theme = PlaneTheme::fromPalette(palette());
    const double dpr = devicePixelRatioF();
    // QPainter on a paint device of our own rather than on the widget: QWidget::grab() redirects
    // a widget's painters to its image, which would put the text under the GL picture.
    QOpenGLPaintDevice device(
        QSize(static_cast<int>(width() * dpr), static_cast<int>(height() * dpr)));
    device.setDevicePixelRatio(dpr);
    QPainter painter(&device);
    if (!m_renderer.isReady()) {
        PlaneOverlay::message(
            painter, theme, font(),
            tr("The plane cannot be drawn: OpenGL 3.3 is needed.\n\n%1").arg(m_glError), rect());
        return;
    }
    m_camera.setViewSize(size());
    FrameGeometry frame;
    frame.worldToDevice = m_camera.worldToDevice(dpr);
    frame.width = static_cast<float>(width() * dpr);
    frame.height = static_cast<float>(height() * dpr);
    frame.pixelScale = static_cast<float>(dpr * m_scale);
    frame.devicePixelRatio = static_cast<float>(dpr);
    const Scene &s = scene();

    // Our GL between begin/endNativePainting: QPainter caches its own GL state (its bound
    // program, among others) and only re-syncs it when told that someone else drew.
    painter.beginNativePainting();
    context()->functions()->glViewport(0, 0, static_cast<int>(frame.width),
                                       static_cast<int>(frame.height));
    m_renderer.clear(theme.background);
    m_renderer.draw(s.under, frame);
    drawCloud(frame);
    m_renderer.draw(s.over, frame);
    m_renderer.finish();
    painter.endNativePainting();

    PlaneOverlay &overlay = m_overlay;
    overlay.begin(theme, font(), m_scale, dpr);
    const QRectF area = rect();
    // A box wider than the plane (a projector's narrow one) wraps rather than being cut.
    const double room = area.width() - 2 * overlay.margin();
    const QRectF readout = overlay.box(overlay.wrapToWidth(areaReadouts(m_stages), room),
                                       Qt::AlignTop | Qt::AlignLeft, area);
    m_readoutRect = readout;
    m_captionLines.clear();
    if (m_caption.isEmpty()) {
        m_captionRect = QRectF();
    } else {
        m_captionLines = overlay.wrapToWidth({m_caption}, room, true);
        // Arrow tips (where the labels and handles are) stay visible: the caption moves.
        std::vector<QPointF> tips;
        for (const SceneLabel &label : s.labels)
            tips.push_back(label.at);
        for (const Handle &handle : s.handles)
            tips.push_back(m_camera.toPixel(handle.world));
        const bool wasAtBottom = m_captionRect.center().y() > area.center().y();
        const CaptionRoom captionRoom{area, overlay.margin(), readout, overlay.hintHeight(),
                                      wasAtBottom};
        m_captionRect = placeCaption(overlay.boxSize(m_captionLines, true), captionRoom, tips);
        overlay.boxAt(m_captionLines, m_captionRect, true);
    }
    m_labelRects = overlay.labels(s.labels, area, {readout, m_captionRect});
    m_hintRect = QRectF();
    if (!m_hoverText.isEmpty())
        overlay.box(overlay.wrapToWidth({m_hoverText}, room), Qt::AlignBottom | Qt::AlignLeft,
                    area);
    else
        m_hintRect = overlay.hint(
            QStringList{tr("Drag a tip (Shift snaps) · drag to pan · wheel zooms · double-click "
                           "recentres"),
                        tr("Drag a tip · drag to pan · wheel zooms · double-click recentres"),
                        tr("Drag a tip · pan · zoom · double-click recentres"),
                        tr("Drag a tip · pan · zoom")},
            Qt::AlignBottom | Qt::AlignLeft, area);
    overlay.paint(painter);
}

Eigen::Vector2d PlaneView::dragTarget(const QPointF &pixel, Qt::KeyboardModifiers modifiers) const
{
    const Eigen::Vector2d world = m_camera.toWorld(pixel) + m_dragOffset;
    // Shift (or Ctrl) snaps to the labelled grid lines; otherwise positions are rounded at about
    // pixel precision, so that the numbers shown (and the code) are the ones used.
    const double step = (modifiers & (Qt::ShiftModifier | Qt::ControlModifier))
                            ? gridStep(m_camera.pixelsPerUnit())
                            : core::geometry::niceStep(0.5 / m_camera.pixelsPerUnit());
    return {core::geometry::roundToStep(world.x(), step),
            core::geometry::roundToStep(world.y(), step)};
}

void PlaneView::mousePressEvent(QMouseEvent *event)
{
    const QPointF pixel = event->position();
    if (event->button() == Qt::LeftButton) {
        if (const auto hit = handleAt(scene(), pixel, m_camera, kHandlePickRadius * m_scale)) {
            m_drag = Drag::Handle;
            m_dragged = hit->id;
            m_dragOffset = Eigen::Vector2d::Zero();
            // Grabbing a handle off-centre must not make it jump, unless snapping.
            if (!(event->modifiers() & (Qt::ShiftModifier | Qt::ControlModifier)))
                m_dragOffset = hit->world - m_camera.toWorld(pixel);
            setCursor(Qt::ClosedHandCursor);
            emit gestureStarted();
            invalidate();
            return;
        }
    }
    if (event->button() == Qt::LeftButton || event->button() == Qt::MiddleButton ||
        event->button() == Qt::RightButton) {
        m_drag = Drag::Pan;
        m_lastPan = pixel;
        setCursor(Qt::SizeAllCursor);
    }
}

void PlaneView::mouseMoveEvent(QMouseEvent *event)
{
    const QPointF pixel = event->position();
    if (m_drag == Drag::Handle) {
        const Eigen::Vector2d target = dragTarget(pixel, event->modifiers());
        const QPointF p(target.x(), target.y());
        if (m_dragged.kind == HandleId::Kind::Vector)
            emit vectorDragged(m_dragged.index, p);
        else
            emit columnDragged(m_dragged.index, p);
        m_hoverText = describeHandle(m_dragged);
        return;
    }
    if (m_drag == Drag::Pan) {
        m_camera.pan(m_lastPan, pixel);
        m_lastPan = pixel;
        invalidate();
        return;
    }
    updateHover(pixel);
}

void PlaneView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_drag == Drag::Handle) {
        const HandleId id = m_dragged;
        m_drag = Drag::None;
        const QString what = id.kind == HandleId::Kind::Vector
                                 ? tr("Move v%1").arg(subscript(id.index + 1))
                                 : tr("Drag W·e%1").arg(subscript(id.index + 1));
        emit gestureFinished(what);
    }
    m_drag = Drag::None;
    setCursor(Qt::CrossCursor);
    updateHover(event->position());
    invalidate();
}

void PlaneView::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (!handleAt(scene(), event->position(), m_camera, kHandlePickRadius * m_scale)) resetView();
}

void PlaneView::wheelEvent(QWheelEvent *event)
{
    // 120 units per notch; about 20 % per notch, smooth for touchpads' smaller steps.
    const double notches = event->angleDelta().y() / 120.0;
    if (notches == 0.0) return;
    m_camera.zoomAt(event->position(), std::pow(1.2, notches));
    invalidate();
    event->accept();
}

void PlaneView::leaveEvent(QEvent *event)
{
    GlSurface::leaveEvent(event);
    if (m_drag == Drag::None && (m_hovered || !m_hoverText.isEmpty())) {
        m_hovered.reset();
        m_hoverText.clear();
        invalidate();
    }
}

void PlaneView::changeEvent(QEvent *event)
{
    GlSurface::changeEvent(event);
    // A new palette (light/dark) recolours the cloud too.
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange) {
        colourCloud();
        invalidate();
    }
    if (event->type() == QEvent::FontChange) update();
}

void PlaneView::updateHover(const QPointF &pixel)
{
    const auto hit = handleAt(scene(), pixel, m_camera, kHandlePickRadius * m_scale);
    std::optional<HandleId> hovered;
    if (hit) hovered = hit->id;
    if (hovered != m_hovered) {
        m_hovered = hovered;
        m_sceneDirty = true;
        setCursor(hovered ? Qt::OpenHandCursor : Qt::CrossCursor);
    }
    if (hovered) {
        m_hoverText = describeHandle(*hovered);
    } else {
        m_hoverText = describeCloudPoint(pixel);
        if (m_hoverText.isEmpty()) {
            const Eigen::Vector2d w = m_camera.toWorld(pixel);
            const double step = core::geometry::niceStep(0.5 / m_camera.pixelsPerUnit());
            m_hoverText = tr("x = %1,  y = %2")
                              .arg(formatNumber(core::geometry::roundToStep(w.x(), step), 4),
                                   formatNumber(core::geometry::roundToStep(w.y(), step), 4));
        }
    }
    update();
}

QString PlaneView::describeHandle(const HandleId &id) const
{
    if (id.kind == HandleId::Kind::Vector) {
        if (id.index < 0 || id.index >= static_cast<int>(m_state.vectors.size())) return {};
        return vectorReadout(id.index, m_state.vectors[static_cast<std::size_t>(id.index)],
                             m_stages);
    }
    if (m_selectedStep < 0 || m_selectedStep >= static_cast<int>(m_state.chain.size())) return {};
    return columnReadout(id.index, m_state.chain[static_cast<std::size_t>(m_selectedStep)]);
}

QString PlaneView::describeCloudPoint(const QPointF &pixel)
{
    if (!m_cloud || m_cloud->points.empty()) return {};
    if (!m_cloudImageValid) {
        m_cloudImage.resize(m_cloud->points.size());
        for (std::size_t i = 0; i < m_cloud->points.size(); ++i)
            m_cloudImage[i] =
                core::geometry::applyStages(m_stages, m_cloud->points[i].cast<double>())
                    .cast<float>();
        m_cloudImageValid = true;
    }
    const Eigen::Vector2d w = m_camera.toWorld(pixel);
    const double radius = kPointPickRadius * m_scale / m_camera.pixelsPerUnit();
    double best = radius * radius;
    std::ptrdiff_t found = -1;
    for (std::size_t i = 0; i < m_cloudImage.size(); ++i) {
        const double d = (m_cloudImage[i].cast<double>() - w).squaredNorm();
        if (d <= best) {
            best = d;
            found = static_cast<std::ptrdiff_t>(i);
        }
    }
    if (found < 0) return {};
    const auto i = static_cast<std::size_t>(found);
    return pointReadout(i, m_cloud->points.size(), m_cloud->points[i].cast<double>(), m_stages);
}

} // namespace ui
