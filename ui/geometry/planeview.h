#pragma once
// The plane: an OpenGL 3.3 core view of the grid, its warped image, the unit square, e1/e2, the
// user's vectors and a point cloud, at the chain's state for the current time. Drag a vector's
// tip (Shift snaps to the grid) or the tip of W·e1 / W·e2; drag elsewhere to pan, wheel to zoom,
// double-click to recentre. The view only reports drags; the page decides what they change.

#include "core/geometry/chain.h"
#include "core/geometry/pointcloud.h"
#include "ui/geometry/geometrystate.h"
#include "ui/geometry/planecamera.h"
#include "ui/geometry/planeoverlay.h"
#include "ui/geometry/planerenderer.h"
#include "ui/geometry/scene.h"

#include "ui/common/glsurface.h"
#include <memory>
#include <optional>

namespace ui {

class PlaneView : public GlSurface {
    Q_OBJECT
public:
    explicit PlaneView(QWidget *parent = nullptr);
    ~PlaneView() override;

    void setState(const GeometryState &state);
    // The playhead: t in [0, phases]; atEnd when the whole chain is applied.
    void setTime(double t);
    void setSelectedStep(int step);
    void setCaption(const QString &caption);
    void setPresentationScale(double scale);
    // The cloud to draw (may be null); kind chooses its colours.
    void setCloud(std::shared_ptr<const core::geometry::PointCloud> cloud, CloudKind kind);

    PlaneCamera &camera() { return m_camera; }
    void resetView();

    // The chain at the current time, as drawn.
    const core::geometry::Stages &stages() const { return m_stages; }
    // Where the last frame put the phase caption (empty when there is none).
    QRectF captionRect() const { return m_captionRect; }
    // The caption's lines as drawn (wrapped on a narrow plane), the det/area readout's box and
    // the usage hint's, for tests.
    QStringList captionLines() const { return m_captionLines; }
    QRectF readoutRect() const { return m_readoutRect; }
    QRectF hintRect() const { return m_hintRect; }
    // Where the last frame wrote the text of each of scene().labels, in the same order.
    const std::vector<QRectF> &labelRects() const { return m_labelRects; }
    // What the hover readout says now (empty when the mouse is elsewhere).
    QString hoverText() const { return m_hoverText; }
    // Empty while GL works; otherwise why the plane cannot be drawn.
    QString glError() const { return m_glError; }
    // The scene as it would be drawn now (handles, labels), rebuilt if anything changed.
    const Scene &scene();

    QSize sizeHint() const override { return {900, 700}; }
    QSize minimumSizeHint() const override { return {320, 240}; }

signals:
    void vectorDragged(int index, QPointF position);
    void columnDragged(int column, QPointF tip);
    void gestureStarted();
    void gestureFinished(const QString &description);

protected:
    void initializeGL() override;
    void paintGL() override;
    void resizeGL(int w, int h) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void cleanup();
    void invalidate();
    void colourCloud();
    void drawCloud(const FrameGeometry &frame);
    void updateHover(const QPointF &pixel);
    QString describeHandle(const HandleId &id) const;
    QString describeCloudPoint(const QPointF &pixel);
    Eigen::Vector2d dragTarget(const QPointF &pixel, Qt::KeyboardModifiers modifiers) const;

    PlaneRenderer m_renderer;
    PlaneCamera m_camera;
    GeometryState m_state;
    double m_time = 0;
    core::geometry::Stages m_stages;
    int m_selectedStep = -1;
    QString m_caption;
    QRectF m_captionRect;
    QStringList m_captionLines;
    QRectF m_readoutRect;
    QRectF m_hintRect;
    std::vector<QRectF> m_labelRects;
    double m_scale = 1.0;
    bool m_viewFitted = false;

    std::shared_ptr<const core::geometry::PointCloud> m_cloud;
    CloudKind m_cloudKind = CloudKind::None;
    CloudSplatter m_splatter;
    std::vector<double> m_splatKey;            // what the uploaded cloud image was rendered for
    std::vector<Eigen::Vector2f> m_cloudImage; // the cloud through m_stages, for hover
    bool m_cloudImageValid = false;

    PlaneOverlay m_overlay;
    Scene m_scene;
    bool m_sceneDirty = true;
    QString m_glError;

    enum class Drag { None, Handle, Pan };
    Drag m_drag = Drag::None;
    HandleId m_dragged;
    Eigen::Vector2d m_dragOffset = Eigen::Vector2d::Zero();
    QPointF m_lastPan;
    std::optional<HandleId> m_hovered;
    QString m_hoverText;
};

} // namespace ui
