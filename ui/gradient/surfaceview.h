#pragma once
// The Gradient page's 3D picture: the loss surface z = f(w0, w1) over a rectangle, seen through
// a perspective camera that the user orbits, with optimizers' paths walking on it and the start
// marked. Drawn with QPainter (filled cells sorted back to front), so it works wherever the app
// does, GL or not. The view draws what it is given and knows nothing of optimizers.

#include "ui/common/orbitcamera.h"
#include "ui/common/orbitinput.h"
#include "ui/gradient/descentpath.h"
#include "ui/gradient/surfacegrid.h"

#include <QVector3D>
#include <QWidget>
#include <optional>
#include <vector>

namespace ui {

class SurfaceView : public QWidget {
    Q_OBJECT
public:
    using Path = DescentPath;

    explicit SurfaceView(QWidget *parent = nullptr);

    // The losses on a grid over domain (w0 along x, w1 along y), laid out as SurfaceGrid says:
    // values[j * nx + i] at w0 = domain.left() + i * domain.width() / (nx - 1), w1 = domain.top()
    // + j * domain.height() / (ny - 1). NaN or infinite samples leave their cells out. The camera
    // is fitted to a new domain; with the same domain it stays where the user left it.
    void setSurface(const QRectF &domain, int nx, int ny, std::vector<double> values);
    void setPaths(std::vector<Path> paths);
    void setMarker(std::optional<QPointF> w);
    // A key of the paths' colours and names in the top-left corner (on by default).
    void setLegendVisible(bool visible);

    const SurfaceGrid &grid() const { return m_grid; }
    const LossScale &lossScale() const { return m_scale; }
    const std::vector<Path> &paths() const { return m_paths; }
    std::optional<QPointF> marker() const { return m_marker; }
    OrbitCamera &camera() { return m_camera; }
    void resetView();

    // Where the surface's point above w is drawn, in logical pixels (false: no surface there, or
    // behind the eye).
    bool toPixel(QPointF w, QPointF *pixel) const;
    // Cells the last frame filled (cells with a non-finite sample are never drawn), and its time.
    int drawnCells() const { return m_drawnCells; }
    double lastFrameMs() const { return m_lastFrameMs; }

    QSize sizeHint() const override { return {640, 520}; }
    QSize minimumSizeHint() const override { return {240, 200}; }

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;

private:
    struct Cell {
        int v00;          // its low corner, as an index into m_heights
        QRgb fill;        // coloured by its mean height, shaded by the light at its corners
        quint8 meshEdges; // which sides carry a mesh line: 1 low i, 2 high i, 4 low j, 8 high j
        // A cell's corners are seldom in a plane: where its quadrilateral folds over itself on
        // screen (a steep valley across it) it is drawn as two triangles, split along the
        // diagonal from its high-i low-j corner when flip, else from its low corner.
        bool flip;
        float groundX, groundZ; // its centre on the floor, in world units
    };
    struct PathPiece {
        QVector3D a, b;
        int path;
        bool dot; // a step's dot at a (b unused)
    };
    struct PathEnd {
        QVector3D at;
        int path;
        bool start;
    };

    void buildMesh();
    void buildPaths();
    // The world point of (w0, w1) at height h in [0, 1]: the larger side of the domain spans
    // [-1, 1] in x (w0) and z (-w1, so that w1 runs away from the default eye), height along y.
    QVector3D toWorld(QPointF w, double h) const;
    // The drawn mesh's height at w in [0, 1] (NaN where no cell is drawn).
    double meshHeight(QPointF w) const;
    double unit() const;
    void paintBox(QPainter &painter, const QFont &small);
    void paintItems(QPainter &painter);
    void paintEnds(QPainter &painter);

    SurfaceGrid m_grid;
    LossScale m_scale;
    std::vector<Path> m_paths;
    std::optional<QPointF> m_marker;
    bool m_legend = true;

    // The mesh drawn: (m_cols + 1) × (m_rows + 1) vertices spread evenly over the domain.
    int m_cols = 0, m_rows = 0;
    std::vector<float> m_heights; // in [0, 1], NaN where the surface has no value
    std::vector<Cell> m_cells;
    std::vector<char> m_cellDrawn; // m_cols × m_rows, row-major: whether the cell has a value
    QVector3D m_boxLo, m_boxHi;
    double m_scaleX = 1, m_scaleZ = 1; // world units per unit of w0 and w1
    std::vector<PathPiece> m_pieces;
    std::vector<PathEnd> m_ends;

    OrbitCamera m_camera;
    OrbitInput m_orbitInput{this, &m_camera};
    bool m_fitted = false;
    int m_drawnCells = 0;
    double m_lastFrameMs = 0;
};

} // namespace ui
