#pragma once
// The 3D view of the Uncrumple page: the data points as shaded sprites, the lattice carried with
// them, axes with ticks and the guides the page adds (the separating plane), over OpenGL 3.3 core.
// Drag to orbit, wheel to zoom, right button or Shift+drag to pan, double-click to reset;
// auto-rotate turns the scene slowly for a projector. Hovering a point reports it; the page says
// what it is. The view draws what it is given and knows nothing of networks.

#include "ui/common/orbitcamera.h"
#include "ui/common/orbitinput.h"
#include "ui/uncrumple/linesplatter.h"
#include "ui/uncrumple/manifoldrenderer.h"
#include "ui/uncrumple/pointsplatter.h"

#include "ui/common/glsurface.h"
#include <QElapsedTimer>
#include <QStringList>
#include <QTimer>
#include <QVector3D>
#include <functional>
#include <vector>

class QPainter;

namespace ui {

// The lattice's fixed part: edges (node index pairs) and cells (node index triples, for shading).
struct LatticeTopology {
    int nodes = 0;
    std::vector<std::uint32_t> edges;
    std::vector<std::uint32_t> cells;
};

class ManifoldView : public GlSurface {
    Q_OBJECT
public:
    explicit ManifoldView(QWidget *parent = nullptr);
    ~ManifoldView() override;

    // Colours once per data set (one RGBA a point); positions xyz a point whenever they move.
    void setPointColours(std::vector<std::uint32_t> rgba);
    void setPoints(const std::vector<float> &xyz);
    void setLattice(const LatticeTopology &topology, std::uint32_t lineColour);
    void setLatticeNodes(const std::vector<float> &xyz);
    // One RGBA a lattice node (empty: no shaded cells): the decision regions of 2D data.
    void setCellColours(std::vector<std::uint32_t> rgba);
    // Translucent triangles, e.g. the separating plane.
    void setSurfaces(std::vector<ColourVertex> triangles);

    // The box the axes run along, their names ("x", "unit 1", "PC 1"), and whether the data is
    // flat (2D: the third axis is hidden and the view starts face on).
    void setAxes(const QVector3D &lo, const QVector3D &hi, const QStringList &names, bool flat);
    // Frames the box [lo, hi] (the home that double-click returns to).
    void frame(const QVector3D &lo, const QVector3D &hi, bool flat);

    // Top-left caption lines (the layer, the phase) and a note under them (PCA's variance).
    void setCaption(const QStringList &lines);
    void setNote(const QString &note);
    // What hovering point i says (its index, class, coordinates); called on the GUI thread.
    void setDescriber(std::function<QString(int)> describe);
    void setPresentationScale(double scale);
    void setAutoRotate(bool on);
    bool autoRotate() const { return m_rotateTimer.isActive(); }

    OrbitCamera &camera() { return m_camera; }
    void resetView();
    // The point under the mouse (-1: none) and what it says.
    int hoveredPoint() const { return m_hovered; }
    QString hoverText() const { return m_hoverText; }
    int pointCount() const { return static_cast<int>(m_points.size() / 3); }
    // The points as last given (xyz a point).
    const std::vector<float> &points() const { return m_points; }
    // Empty while GL works; otherwise why the scene cannot be drawn.
    QString glError() const { return m_glError; }
    // Frames drawn so far, and the milliseconds the last one spent drawing the points and the
    // lattice's lines on the CPU (benchmarks and tests).
    qint64 framesDrawn() const { return m_frames; }
    double lastCpuDrawMs() const { return m_lastCpuDrawMs; }
    // Lattice segments drawn at the nodes' current shape (fewer than sampled where lines are
    // straight), as of the last frame.
    int drawnLatticeSegments() const { return static_cast<int>(m_drawnEdges.size() / 2); }

    QSize sizeHint() const override { return {900, 700}; }
    QSize minimumSizeHint() const override { return {320, 240}; }

signals:
    void hoveredChanged(int index);
    void autoRotateChanged(bool on);

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

private:
    void cleanup();
    void uploadPending();
    // Reduces the lattice's lines if it changed, then clips them for this frame (may run beside
    // the GUI thread: it touches only the lattice). The pixels they touch; empty if none.
    QRect projectLattice(const PointSplatter::Params &params);
    void buildAxes();
    void paintOverlay(QPainter &painter);
    void updateHover(const QPointF &pixel);
    void rotateStep();
    ManifoldFrame frameUniforms() const;
    PointSplatter::Params splatParams() const;

    ManifoldRenderer m_renderer;
    PointSplatter m_splatter;
    LineSplatter m_latticeSplatter;
    OrbitCamera m_camera;
    QString m_glError;
    double m_scale = 1.0;
    qint64 m_frames = 0;
    double m_lastCpuDrawMs = 0;

    // What the page gave, kept for hover and for uploading when GL is ready.
    std::vector<float> m_points;
    std::vector<std::uint32_t> m_pointColours;
    LatticeTopology m_lattice;
    std::uint32_t m_latticeColour = 0;
    std::vector<float> m_latticeNodes;
    std::vector<std::uint32_t> m_drawnEdges; // m_lattice's edges at the nodes' current shape
    double m_latticeWorldPerPixel = 0;       // the zoom they were reduced for
    bool m_reduceLattice = true;             // the nodes or the zoom changed since
    std::vector<std::uint32_t> m_cellColours;
    std::vector<ColourVertex> m_surfaces;
    std::vector<ColourVertex> m_axisLines;
    bool m_coloursDirty = true, m_pointsDirty = true, m_latticeDirty = true, m_nodesDirty = true,
         m_edgesDirty = true, m_cellsDirty = true, m_guidesDirty = true;

    QVector3D m_axisLo{-1, -1, -1}, m_axisHi{1, 1, 1};
    QStringList m_axisNames{QStringLiteral("x"), QStringLiteral("y"), QStringLiteral("z")};
    bool m_flat = false;
    struct TickLabel {
        QVector3D at;
        QString text;
    };
    std::vector<TickLabel> m_tickLabels;

    QStringList m_caption;
    QString m_note;
    std::function<QString(int)> m_describe;
    int m_hovered = -1;
    QString m_hoverText;
    QPointF m_hoverPixel;

    OrbitInput m_orbitInput{this, &m_camera};

    QTimer m_rotateTimer;
    QElapsedTimer m_rotateClock;
};

} // namespace ui
