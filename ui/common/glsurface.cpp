#include "ui/common/glsurface.h"

#include <QCoreApplication>
#include <QEvent>
#include <QOpenGLContext>
#include <QOpenGLFramebufferObject>
#include <QOpenGLFunctions>
#include <QPainter>
#include <QPixmap>
#include <QRegion>
#include <QResizeEvent>
#include <QTimer>
#include <QWindow>
#include <cmath>
#include <memory>

namespace ui {

// The native window the frames are swapped to. It draws nothing of its own: the host widget's
// initializeGL / resizeGL / paintGL do, and its input goes to the host.
class GlSurfaceWindow : public QWindow {
public:
    explicit GlSurfaceWindow(GlSurface *host) : m_host(host)
    {
        setSurfaceType(QSurface::OpenGLSurface);
        // Keys stay with the main window, whose focus widget (the host, focused by the clicks
        // handed to it) gets them and whose shortcuts (Space, the arrows) see them.
        setFlag(Qt::WindowDoesNotAcceptFocus);
        m_format = QSurfaceFormat::defaultFormat();
        setFormat(m_format);
        m_frameTimer.setSingleShot(true);
        m_frameTimer.setInterval(0);
        QObject::connect(&m_frameTimer, &QTimer::timeout, this, [this] { renderNow(); });
    }

    QSurfaceFormat m_format;
    std::unique_ptr<QOpenGLContext> m_context;
    // Where grabs are drawn, kept while the size stays (benchmarks grab every frame).
    std::unique_ptr<QOpenGLFramebufferObject> m_grabTarget;
    // Fires once for any number of update() calls before the next frame (see update()).
    QTimer m_frameTimer;

    QSize pixelSize() const
    {
        const qreal dpr = m_host->devicePixelRatioF();
        return {static_cast<int>(std::lround(m_host->width() * dpr)),
                static_cast<int>(std::lround(m_host->height() * dpr))};
    }

    // Current on this window, initialised, and told of a new size; false where GL fails.
    bool prepare(QSize pixels)
    {
        if (!handle()) {
            setFormat(m_format);
            create();
        }
        if (!m_context) {
            auto context = std::make_unique<QOpenGLContext>();
            context->setFormat(m_format);
            context->setShareContext(QOpenGLContext::globalShareContext());
            if (!context->create()) return false;
            m_context = std::move(context);
        }
        if (!m_context->makeCurrent(this)) return false;
        if (!m_initialized) {
            m_initialized = true;
            m_host->initializeGL();
        }
        if (pixels != m_size) {
            m_size = pixels;
            m_host->resizeGL(pixels.width(), pixels.height());
        }
        return true;
    }

    void renderNow()
    {
        m_frameTimer.stop(); // this frame answers every update() before it
        if (!isExposed()) return;
        const QSize pixels = pixelSize();
        if (pixels.isEmpty() || !prepare(pixels)) return;
        m_context->functions()->glBindFramebuffer(GL_FRAMEBUFFER,
                                                  m_context->defaultFramebufferObject());
        m_host->paintGL();
        m_context->swapBuffers(this);
        emit m_host->frameSwapped();
    }

protected:
    void exposeEvent(QExposeEvent *) override { renderNow(); }

    bool event(QEvent *event) override
    {
        switch (event->type()) {
        case QEvent::UpdateRequest:
            renderNow();
            return true;
        case QEvent::MouseButtonPress:
        case QEvent::MouseButtonRelease:
        case QEvent::MouseButtonDblClick:
        case QEvent::MouseMove:
        case QEvent::Wheel:
        case QEvent::KeyPress:
        case QEvent::KeyRelease:
        case QEvent::Enter:
        case QEvent::Leave:
        case QEvent::ContextMenu: {
            // The window covers the host exactly, so its positions are the host's. A press
            // gives the host focus by its policy (as QWidgetWindow would) and activates the main
            // window, so that keys go to it and its shortcuts (Space, the arrows) see them.
            if (event->type() == QEvent::MouseButtonPress) {
                m_host->window()->activateWindow();
                if (m_host->focusPolicy() & Qt::ClickFocus) m_host->setFocus(Qt::MouseFocusReason);
            }
            const std::unique_ptr<QEvent> copy(event->clone());
            QCoreApplication::sendEvent(m_host, copy.get());
            event->setAccepted(copy->isAccepted());
            return true;
        }
        default:
            return QWindow::event(event);
        }
    }

private:
    GlSurface *m_host;
    bool m_initialized = false;
    QSize m_size;
};

GlSurface::GlSurface(QWidget *parent) : QWidget(parent), m_window(new GlSurfaceWindow(this))
{
    m_container = QWidget::createWindowContainer(m_window, this);
    m_container->setFocusPolicy(Qt::NoFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
}

GlSurface::~GlSurface()
{
    if (!m_window->m_grabTarget) return;
    makeCurrent(); // a framebuffer is freed in its context
    m_window->m_grabTarget.reset();
    doneCurrent();
}

void GlSurface::setFormat(const QSurfaceFormat &format)
{
    m_window->m_format = format;
    m_window->setFormat(format); // the container may make the window before the first frame
}

QSurfaceFormat GlSurface::format() const
{
    return m_window->m_context ? m_window->m_context->format() : m_window->m_format;
}

QOpenGLContext *GlSurface::context() const
{
    return m_window->m_context.get();
}

void GlSurface::makeCurrent()
{
    if (m_window->m_context) m_window->m_context->makeCurrent(m_window);
}

void GlSurface::doneCurrent()
{
    if (m_window->m_context) m_window->m_context->doneCurrent();
}

void GlSurface::update()
{
    // Not QWindow::requestUpdate(): where frames are not paced by the display (X11 without a
    // compositor's frame timing, Xvfb), Qt delivers it after 5 ms "to give the event loop idle
    // time", a third of a 60 Hz frame added to every frame. An empty surface at 1280 x 800 took
    // 5.8 ms a frame that way and 0.6 ms this way (bench_uncrumple's floor, CPU idle 93% of the
    // time before). A zero-time timer still lets the events already queued (input, other
    // timers) through first, and where the display does pace frames, swapBuffers waits for it.
    if (!m_window->m_frameTimer.isActive()) m_window->m_frameTimer.start();
}

QWindow *GlSurface::surfaceWindow() const
{
    return m_window;
}

QImage GlSurface::grabFramebuffer()
{
    const QSize pixels = m_window->pixelSize();
    if (pixels.isEmpty() || !m_window->prepare(pixels)) return {};
    auto &target = m_window->m_grabTarget;
    if (!target || target->size() != pixels) {
        QOpenGLFramebufferObjectFormat attachments;
        attachments.setAttachment(QOpenGLFramebufferObject::CombinedDepthStencil);
        target = std::make_unique<QOpenGLFramebufferObject>(pixels, attachments);
    }
    if (!target->isValid() || !target->bind()) return {};
    paintGL();
    QImage image = target->toImage().convertToFormat(QImage::Format_RGB32);
    target->release();
    image.setDevicePixelRatio(devicePixelRatioF());
    return image;
}

void GlSurface::resizeGL(int, int) {}

bool GlSurface::event(QEvent *event)
{
    // The window shows its own cursor: the subclass sets the widget's.
    if (event->type() == QEvent::CursorChange) m_window->setCursor(cursor());
    return QWidget::event(event);
}

void GlSurface::resizeEvent(QResizeEvent *event)
{
    m_container->setGeometry(rect());
    QWidget::resizeEvent(event);
    update();
}

namespace {

// The part of surface that no widget stacked above it covers, in top's coordinates.
QRegion uncoveredRegion(const QWidget *surface, const QWidget *top)
{
    QRegion region(QRect(surface->mapTo(top, QPoint(0, 0)), surface->size()));
    for (const QWidget *w = surface; w && w != top; w = w->parentWidget()) {
        const QWidget *parent = w->parentWidget();
        if (!parent) break;
        const QObjectList &siblings = parent->children();
        for (qsizetype i = siblings.indexOf(w) + 1; i < siblings.size(); ++i) {
            const auto *above = qobject_cast<const QWidget *>(siblings[i]);
            if (!above || !above->isVisible() || above->isWindow()) continue;
            region -= QRect(above->mapTo(top, QPoint(0, 0)), above->size());
        }
    }
    return region;
}

} // namespace

QImage grabShown(QWidget *widget)
{
    QPixmap shot = widget->grab();
    QPainter painter(&shot);
    QList<GlSurface *> surfaces = widget->findChildren<GlSurface *>();
    if (auto *self = qobject_cast<GlSurface *>(widget)) surfaces.prepend(self);
    for (GlSurface *surface : surfaces) {
        if (surface != widget && !surface->isVisibleTo(widget)) continue;
        const QImage frame = surface->grabFramebuffer();
        if (frame.isNull()) continue;
        painter.save();
        painter.setClipRegion(uncoveredRegion(surface, widget));
        painter.drawImage(QRect(surface->mapTo(widget, QPoint(0, 0)), surface->size()), frame);
        painter.restore();
    }
    painter.end();
    return shot.toImage();
}

} // namespace ui
