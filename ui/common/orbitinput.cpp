#include "ui/common/orbitinput.h"

#include "ui/common/orbitcamera.h"

#include <QCoreApplication>
#include <QMouseEvent>
#include <QWheelEvent>
#include <QWidget>
#include <cmath>

namespace ui {

namespace {
constexpr double kDegreesPerPixel = 0.4;
constexpr double kZoomPerWheelStep = 1.15; // one notch of a wheel (120 eighths of a degree)
} // namespace

OrbitInput::OrbitInput(QWidget *view, OrbitCamera *camera) : m_view(view), m_camera(camera)
{
    m_view->setCursor(Qt::OpenHandCursor);
}

bool OrbitInput::press(const QMouseEvent *event)
{
    m_last = event->position();
    const bool pan =
        event->button() == Qt::RightButton || event->button() == Qt::MiddleButton ||
        (event->button() == Qt::LeftButton && (event->modifiers() & Qt::ShiftModifier));
    m_drag = pan ? Drag::Pan : event->button() == Qt::LeftButton ? Drag::Orbit : Drag::None;
    if (m_drag != Drag::None) m_view->setCursor(Qt::ClosedHandCursor);
    return m_drag != Drag::None;
}

bool OrbitInput::move(const QMouseEvent *event)
{
    const QPointF delta = event->position() - m_last;
    m_last = event->position();
    if (m_drag == Drag::None) return false;
    // Dragging right turns the scene to the right, dragging down tips its top towards the viewer.
    if (m_drag == Drag::Orbit)
        m_camera->orbit(-delta.x() * kDegreesPerPixel, delta.y() * kDegreesPerPixel);
    else
        m_camera->pan(delta);
    m_view->update();
    return true;
}

void OrbitInput::release()
{
    m_drag = Drag::None;
    m_view->setCursor(Qt::OpenHandCursor);
}

void OrbitInput::wheel(const QWheelEvent *event)
{
    m_camera->zoom(std::pow(kZoomPerWheelStep, event->angleDelta().y() / 120.0));
    m_view->update();
}

QString OrbitInput::hint()
{
    return QCoreApplication::translate(
        "ui::OrbitInput",
        "drag: orbit · wheel: zoom · right drag or Shift: pan · double-click: reset");
}

} // namespace ui
