#pragma once
// A widget drawn with OpenGL in a window of its own, embedded with createWindowContainer, in place
// of QOpenGLWidget. Qt composes a QOpenGLWidget into the whole window's backing store for every
// frame; on Mesa's software renderer an empty one took 8.4 to 10.5 ms a frame at 1280 x 800,
// against 5.8 to 6.3 ms for a window of its own (bench_render's two floors, side by side), of
// which 5 ms turned out to be Qt waiting before each frame (see update()): 0.5 to 0.7 ms now. The
// subclass API is QOpenGLWidget's (initializeGL, resizeGL, paintGL, update, makeCurrent,
// grabFramebuffer, frameSwapped), and the mouse, wheel and key events the window receives are
// handed to this widget, so a subclass and its tests see a widget.
//
// QWidget::grab() cannot see into the window: grabShown() paints a widget with its GL surfaces.

#include <QImage>
#include <QSurfaceFormat>
#include <QWidget>

class QOpenGLContext;

namespace ui {

class GlSurfaceWindow;

class GlSurface : public QWidget {
    Q_OBJECT
public:
    explicit GlSurface(QWidget *parent = nullptr);
    ~GlSurface() override;

    // Before the first frame.
    void setFormat(const QSurfaceFormat &format);
    QSurfaceFormat format() const;
    // Null until the first frame (or grab) has made one.
    QOpenGLContext *context() const;
    void makeCurrent();
    void doneCurrent();

    // Asks for a frame (hides QWidget::update, as a paint event would not reach the window).
    void update();
    // Draws a frame into an image of the surface's device pixels, as it would be shown now.
    QImage grabFramebuffer();
    // The window the frames go to (for benchmarks and the focus-mode drawer's mouse watch).
    QWindow *surfaceWindow() const;

signals:
    void frameSwapped();

protected:
    virtual void initializeGL() {}
    virtual void resizeGL(int w, int h);
    virtual void paintGL() = 0;
    bool event(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    friend class GlSurfaceWindow;
    GlSurfaceWindow *m_window;
    QWidget *m_container;
};

// widget->grab(), with every visible GL surface inside it drawn where it is shown.
QImage grabShown(QWidget *widget);

} // namespace ui
