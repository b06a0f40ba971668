#pragma once
// Where the 3D view looks from: a target point, a yaw and pitch around it and a distance, with a
// perspective projection. Dragging orbits (yaw, pitch), the wheel changes the distance, Shift or
// the right button pans the target in the screen's plane. fit() frames a bounding box.

#include <QMatrix4x4>
#include <QPointF>
#include <QSizeF>
#include <QVector3D>

namespace ui {

class OrbitCamera {
public:
    void setViewSize(const QSizeF &logicalSize) { m_size = logicalSize; }
    QSizeF viewSize() const { return m_size; }

    // Frames the box [lo, hi] from the default direction (or straight on when flat is true, for
    // 2D data), and remembers it for reset().
    void fit(const QVector3D &lo, const QVector3D &hi, bool flat);
    void reset();

    // Degrees; pitch is kept within ±89 so the view never turns over.
    void orbit(double yawDegrees, double pitchDegrees);
    // Moves the target so that the scene follows the mouse by `delta` logical pixels.
    void pan(const QPointF &delta);
    // factor > 1 comes closer.
    void zoom(double factor);

    double yaw() const { return m_yaw; }
    double pitch() const { return m_pitch; }
    double distance() const { return m_distance; }
    QVector3D target() const { return m_target; }
    QVector3D eye() const;
    // The scene's size that fit() framed (the box diagonal), for scaling points and fog.
    double sceneRadius() const { return m_radius; }

    // The world length one logical pixel spans at the target's depth.
    double worldPerPixel() const;

    QMatrix4x4 view() const;
    QMatrix4x4 projection() const;
    QMatrix4x4 viewProjection() const { return projection() * view(); }
    // Where a world point lands, in logical pixels (y down); false when it is behind the eye.
    bool toPixel(const QVector3D &world, QPointF *pixel) const;

private:
    QSizeF m_size{800, 600};
    QVector3D m_target;
    double m_yaw = -35, m_pitch = 25, m_distance = 4, m_radius = 1;
    QVector3D m_homeTarget;
    double m_homeYaw = -35, m_homePitch = 25, m_homeDistance = 4;
    static constexpr double kFovDegrees = 35;
};

} // namespace ui
