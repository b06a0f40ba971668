#pragma once
// The Gradient page's map: the loss surface seen from above as a colour image (the colours of the
// 3D view), the contour lines the page computes, the optimizers' paths, gradient arrows and the
// start, which the user drags to move. w0 runs right and w1 up, on equal scales, so a round bowl
// is drawn round. The view draws what it is given and knows nothing of optimizers.

#include "core/gradient/contours.h"
#include "ui/gradient/descentpath.h"
#include "ui/gradient/surfacegrid.h"

#include <QImage>
#include <QPolygonF>
#include <QWidget>
#include <optional>
#include <vector>

namespace ui {

class ContourView : public QWidget {
    Q_OBJECT
public:
    using Path = DescentPath;
    struct Arrow {
        QPointF from, to; // in w
        QColor color;
        double width = 1.5; // logical pixels at the normal font size
    };

    explicit ContourView(QWidget *parent = nullptr);

    // As SurfaceView::setSurface: values[j * nx + i] at w0 = domain.left() + i * domain.width() /
    // (nx - 1), w1 = domain.top() + j * domain.height() / (ny - 1); NaN or infinite samples are
    // left blank.
    void setSurface(const QRectF &domain, int nx, int ny, std::vector<double> values);
    // Polylines in w, one list per level.
    void setContours(std::vector<std::vector<QPolygonF>> levels);
    // The core's contour lines as setContours takes them (a closed line ends where it starts).
    static std::vector<std::vector<QPolygonF>>
    polygonsOf(const std::vector<core::gradient::Contour> &contours);
    void setPaths(std::vector<Path> paths);
    void setMarker(std::optional<QPointF> w);
    void setArrows(std::vector<Arrow> arrows);
    void setLegendVisible(bool visible);

    const SurfaceGrid &grid() const { return m_grid; }
    std::optional<QPointF> marker() const { return m_marker; }
    // The hover readout ("w0 = …, w1 = …, loss = …"), empty when the mouse is not over the map.
    QString readout() const { return m_readout; }
    // The loss the map shows at w (bilinear between the samples; NaN outside or where none).
    double lossAt(QPointF w) const { return m_grid.sample(w); }

    // Between w and logical pixels (the domain is fitted into the widget at equal scales).
    QPointF toPixel(QPointF w) const;
    QPointF toW(QPointF pixel) const;
    // Where the domain is drawn, in logical pixels.
    QRectF plotRect() const;

    QSize sizeHint() const override { return {560, 520}; }
    QSize minimumSizeHint() const override { return {220, 200}; }

signals:
    // While the left button drags (from the press on), and on its release: the marker's new place,
    // kept inside the domain.
    void markerDragged(QPointF w);
    void markerDropped(QPointF w);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    double unit() const;
    QRectF computePlotRect(const QRectF &domain) const;
    QPointF clampToDomain(QPointF w) const;
    void updateReadout(QPointF pixel);
    // The coloured map at the plot's size in device pixels, remade when either changes.
    const QImage &mapImage(const QRectF &plot, double dpr);
    void paintAxes(QPainter &painter, const QRectF &plot, const QFont &small);
    // The top-left of the key: the plot's corner that hides the fewest path points and no marker.
    QPointF legendCorner(const QRectF &plot, const QFont &small, double unit) const;
    void paintPaths(QPainter &painter);
    void paintArrows(QPainter &painter);

    SurfaceGrid m_grid;
    LossScale m_scale;
    std::vector<std::vector<QPolygonF>> m_contours;
    std::vector<Path> m_paths;
    std::vector<Arrow> m_arrows;
    std::optional<QPointF> m_marker;
    bool m_legend = true;
    bool m_dragging = false;
    QString m_readout;

    struct PlotKey {
        QSize size;
        QRectF domain;
        QFont font;
        QRectF plot;
    };
    mutable PlotKey m_plotKey;

    QImage m_image;
    QSize m_imageSize;
    bool m_imageDirty = true;
};

} // namespace ui
