#include "ui/geometry/planecamera.h"

#include "ui/common/glfloat.h"

#include <algorithm>
#include <cmath>

namespace ui {

void PlaneCamera::setPixelsPerUnit(double ppu)
{
    if (std::isfinite(ppu)) m_pixelsPerUnit = std::clamp(ppu, kMinPixelsPerUnit, kMaxPixelsPerUnit);
}

QPointF PlaneCamera::toPixel(const Eigen::Vector2d &world) const
{
    return {m_size.width() / 2 + (world.x() - m_centre.x()) * m_pixelsPerUnit,
            m_size.height() / 2 - (world.y() - m_centre.y()) * m_pixelsPerUnit};
}

Eigen::Vector2d PlaneCamera::toWorld(const QPointF &pixel) const
{
    return {m_centre.x() + (pixel.x() - m_size.width() / 2) / m_pixelsPerUnit,
            m_centre.y() - (pixel.y() - m_size.height() / 2) / m_pixelsPerUnit};
}

QRectF PlaneCamera::visibleWorld() const
{
    const Eigen::Vector2d a = toWorld({0, m_size.height()}), b = toWorld({m_size.width(), 0});
    return QRectF(QPointF(a.x(), a.y()), QPointF(b.x(), b.y()));
}

void PlaneCamera::pan(const QPointF &from, const QPointF &to)
{
    m_centre += toWorld(from) - toWorld(to);
}

void PlaneCamera::zoomAt(const QPointF &anchor, double factor)
{
    const Eigen::Vector2d before = toWorld(anchor);
    setPixelsPerUnit(m_pixelsPerUnit * factor);
    m_centre += before - toWorld(anchor);
}

void PlaneCamera::fit(double extent)
{
    m_centre.setZero();
    const double side = std::min(m_size.width(), m_size.height());
    if (side > 0 && extent > 0) setPixelsPerUnit(side / (2.0 * extent));
}

std::array<float, 4> PlaneCamera::worldToDevice(double dpr) const
{
    const double s = m_pixelsPerUnit * dpr;
    return {glFloat(s), glFloat(-s),
            glFloat((m_size.width() / 2 - m_centre.x() * m_pixelsPerUnit) * dpr),
            glFloat((m_size.height() / 2 + m_centre.y() * m_pixelsPerUnit) * dpr)};
}

} // namespace ui
