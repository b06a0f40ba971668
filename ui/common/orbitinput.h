#pragma once
// The mouse gestures of a view that an OrbitCamera looks through, shared by the 3D views so that
// they all move alike: drag orbits, right or middle drag (or Shift+drag) pans, the wheel zooms.
// Double-click resets, which the view does itself (it may have more to reset than the camera).

#include <QPointF>
#include <QString>

class QMouseEvent;
class QWheelEvent;
class QWidget;

namespace ui {

class OrbitCamera;

class OrbitInput {
public:
    // view gets the hand cursors and update() calls; both must outlive this.
    OrbitInput(QWidget *view, OrbitCamera *camera);

    // Starts orbiting or panning; false (no drag) for other buttons.
    bool press(const QMouseEvent *event);
    // Follows a drag and repaints; false when no drag is under way (the mouse merely moves, which
    // the view may use for hovering).
    bool move(const QMouseEvent *event);
    void release();
    void wheel(const QWheelEvent *event);
    bool dragging() const { return m_drag != Drag::None; }

    // The line the views print in a corner to say so.
    static QString hint();

private:
    enum class Drag { None, Orbit, Pan };
    QWidget *m_view;
    OrbitCamera *m_camera;
    Drag m_drag = Drag::None;
    QPointF m_last;
};

} // namespace ui
