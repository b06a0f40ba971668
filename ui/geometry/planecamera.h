#pragma once
// Which part of the plane the widget shows: a centre in world coordinates and a zoom in logical
// pixels per unit, y up in the world and down on the screen.

#include <Eigen/Core>
#include <QPointF>
#include <QRectF>
#include <QSizeF>
#include <array>

namespace ui {

class PlaneCamera {
public:
    static constexpr double kMinPixelsPerUnit = 2.0;
    static constexpr double kMaxPixelsPerUnit = 20000.0;

    void setViewSize(const QSizeF &logicalSize) { m_size = logicalSize; }
    QSizeF viewSize() const { return m_size; }
    double pixelsPerUnit() const { return m_pixelsPerUnit; }
    Eigen::Vector2d centre() const { return m_centre; }
    void setCentre(const Eigen::Vector2d &c) { m_centre = c; }
    void setPixelsPerUnit(double ppu);

    QPointF toPixel(const Eigen::Vector2d &world) const;
    Eigen::Vector2d toWorld(const QPointF &pixel) const;
    // The world rectangle in view: left/right in x, top() is the smallest y.
    QRectF visibleWorld() const;

    // Moves the view so that the world point under `from` ends up under `to`.
    void pan(const QPointF &from, const QPointF &to);
    // Zooms by factor, keeping the world point under `anchor` where it is.
    void zoomAt(const QPointF &anchor, double factor);
    // Shows at least [-extent, extent]² around the origin.
    void fit(double extent);

    // The uniform the shaders take: device pixel = world * xy + zw.
    std::array<float, 4> worldToDevice(double devicePixelRatio) const;

private:
    QSizeF m_size{800, 600};
    Eigen::Vector2d m_centre = Eigen::Vector2d::Zero();
    double m_pixelsPerUnit = 80.0;
};

} // namespace ui
