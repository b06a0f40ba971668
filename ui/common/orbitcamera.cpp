#include "ui/common/orbitcamera.h"

#include <QtMath>
#include <algorithm>
#include <cmath>

namespace ui {

void OrbitCamera::fit(const QVector3D &lo, const QVector3D &hi, bool flat)
{
    m_homeTarget = (lo + hi) * 0.5f;
    m_radius = std::max(1e-3, 0.5 * static_cast<double>((hi - lo).length()));
    // The distance at which a sphere of that radius fills the smaller side of the view.
    m_homeDistance = m_radius / std::sin(qDegreesToRadians(kFovDegrees * 0.5)) * 1.05;
    m_homeYaw = flat ? 0 : -35;
    m_homePitch = flat ? 0 : 22;
    reset();
}

void OrbitCamera::reset()
{
    m_target = m_homeTarget;
    m_yaw = m_homeYaw;
    m_pitch = m_homePitch;
    m_distance = m_homeDistance;
}

void OrbitCamera::orbit(double yawDegrees, double pitchDegrees)
{
    m_yaw = std::remainder(m_yaw + yawDegrees, 360.0);
    m_pitch = std::clamp(m_pitch + pitchDegrees, -89.0, 89.0);
}

void OrbitCamera::pan(const QPointF &delta)
{
    // World units per logical pixel at the target's depth.
    const double h = std::max(1.0, std::min(m_size.width(), m_size.height()));
    const double perPixel = 2.0 * m_distance * std::tan(qDegreesToRadians(kFovDegrees * 0.5)) / h;
    const QMatrix4x4 v = view();
    const QVector3D right(v(0, 0), v(0, 1), v(0, 2));
    const QVector3D up(v(1, 0), v(1, 1), v(1, 2));
    m_target -= right * static_cast<float>(delta.x() * perPixel);
    m_target += up * static_cast<float>(delta.y() * perPixel);
}

void OrbitCamera::zoom(double factor)
{
    if (!(factor > 0) || !std::isfinite(factor)) return;
    m_distance = std::clamp(m_distance / factor, m_radius * 0.05, m_radius * 40.0);
}

QVector3D OrbitCamera::eye() const
{
    const double yaw = qDegreesToRadians(m_yaw), pitch = qDegreesToRadians(m_pitch);
    // y is up; at yaw 0 and pitch 0 the eye is on +z looking down -z (x right, y up, as a plot).
    const QVector3D dir(static_cast<float>(std::cos(pitch) * std::sin(yaw)),
                        static_cast<float>(std::sin(pitch)),
                        static_cast<float>(std::cos(pitch) * std::cos(yaw)));
    return m_target + dir * static_cast<float>(m_distance);
}

QMatrix4x4 OrbitCamera::view() const
{
    QMatrix4x4 v;
    v.lookAt(eye(), m_target, QVector3D(0, 1, 0));
    return v;
}

double OrbitCamera::worldPerPixel() const
{
    // The field of view spans the smaller side (see projection()).
    const double side = std::max(1.0, std::min(m_size.width(), m_size.height()));
    return 2.0 * m_distance * std::tan(qDegreesToRadians(kFovDegrees * 0.5)) / side;
}

QMatrix4x4 OrbitCamera::projection() const
{
    const double w = std::max(1.0, m_size.width()), h = std::max(1.0, m_size.height());
    // The field of view applies to the smaller side, so a fitted scene fits either way round.
    const double aspect = w / h;
    double fovY = kFovDegrees;
    if (aspect < 1.0)
        fovY = qRadiansToDegrees(
            2.0 * std::atan(std::tan(qDegreesToRadians(kFovDegrees * 0.5)) / aspect));
    QMatrix4x4 p;
    const double nearPlane = std::max(1e-4, m_distance - m_radius * 3.0);
    p.perspective(static_cast<float>(fovY), static_cast<float>(aspect),
                  static_cast<float>(std::max(nearPlane, m_distance * 0.02)),
                  static_cast<float>(m_distance + m_radius * 3.0));
    return p;
}

bool OrbitCamera::toPixel(const QVector3D &world, QPointF *pixel) const
{
    const QVector4D c = viewProjection() * QVector4D(world, 1.0f);
    if (c.w() <= 1e-6f) return false;
    const double x = c.x() / c.w(), y = c.y() / c.w();
    *pixel = QPointF((x * 0.5 + 0.5) * m_size.width(), (0.5 - y * 0.5) * m_size.height());
    return true;
}

} // namespace ui
