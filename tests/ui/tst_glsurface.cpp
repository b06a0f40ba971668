// The GL pictures' surface (ui/common/glsurface.h): a window of its own inside a widget. What the
// pages rely on: frames reach the window, its input reaches the widget, keys and focus stay with
// the main window, its cursor follows the widget's, and grabs (screenshots, Export PNG) show it.

#include "common/gltestmain.h"
#include "ui/common/glsurface.h"

#include <QElapsedTimer>
#include <QHBoxLayout>
#include <QOpenGLContext>
#include <QOpenGLFunctions>
#include <QWheelEvent>
#include <QWindow>
#include <memory>

using namespace ui;

namespace {

// Clears to one colour and records what reaches it.
class Probe : public GlSurface {
public:
    QColor colour = Qt::red;
    int initialized = 0, painted = 0;
    QSize pixels;
    QPoint pressedAt, movedTo;
    int wheels = 0, keys = 0;

protected:
    void initializeGL() override { ++initialized; }
    void resizeGL(int w, int h) override { pixels = {w, h}; }
    void paintGL() override
    {
        ++painted;
        auto *f = context()->functions();
        f->glClearColor(colour.redF(), colour.greenF(), colour.blueF(), 1);
        f->glClear(GL_COLOR_BUFFER_BIT);
    }
    void mousePressEvent(QMouseEvent *e) override { pressedAt = e->position().toPoint(); }
    void mouseMoveEvent(QMouseEvent *e) override { movedTo = e->position().toPoint(); }
    void wheelEvent(QWheelEvent *) override { ++wheels; }
    void keyPressEvent(QKeyEvent *) override { ++keys; }
};

struct Window {
    QWidget top;
    Probe *probe = new Probe;
    QWidget *side = new QWidget;
    Window()
    {
        auto *layout = new QHBoxLayout(&top);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->setSpacing(0);
        layout->addWidget(probe, 1);
        side->setFixedWidth(100);
        layout->addWidget(side);
        probe->setFocusPolicy(Qt::ClickFocus);
        probe->setMouseTracking(true);
        top.resize(400, 300);
        top.show();
    }
};

} // namespace

class TestGlSurface : public QObject {
    Q_OBJECT
private slots:
    void framesReachTheWindow()
    {
        Window w;
        QVERIFY(QTest::qWaitForWindowExposed(&w.top));
        QTRY_VERIFY(w.probe->painted > 0);
        QCOMPARE(w.probe->initialized, 1);
        QCOMPARE(w.probe->pixels, w.probe->size() * w.probe->devicePixelRatioF());
        int swapped = 0;
        connect(w.probe, &GlSurface::frameSwapped, this, [&] { ++swapped; });
        w.probe->update();
        QTRY_VERIFY(swapped > 0);
        QVERIFY(w.probe->context());
        // A new size reaches resizeGL before the next frame.
        w.top.resize(500, 300);
        QTRY_COMPARE(w.probe->pixels, QSize(400, 300) * w.probe->devicePixelRatioF());
    }

    void framesFollowUpdateWithoutWaiting()
    {
        Window w;
        QVERIFY(QTest::qWaitForWindowExposed(&w.top));
        QTRY_VERIFY(w.probe->painted > 0);
        // The window system may expose a new window more than once: wait until frames stop.
        for (int seen = -1; seen != w.probe->painted;) {
            seen = w.probe->painted;
            QTest::qWait(60);
        }
        // Requests made before a frame is drawn make one frame.
        const int before = w.probe->painted;
        w.probe->update();
        w.probe->update();
        w.probe->update();
        QTRY_COMPARE(w.probe->painted, before + 1);
        QTest::qWait(50);
        QCOMPARE(w.probe->painted, before + 1);
        // Each frame asking for the next, as Play and auto-rotate do when a frame takes longer
        // than their tick: 40 frames of a cleared 300 x 300 picture. QWindow::requestUpdate()
        // would wait 5 ms before each (200 ms in all, whatever the machine); update() does not.
        constexpr int kFrames = 40;
        int swapped = 0;
        QElapsedTimer clock;
        connect(w.probe, &GlSurface::frameSwapped, this, [&] {
            if (++swapped < kFrames) w.probe->update();
        });
        clock.start();
        w.probe->update();
        QTRY_COMPARE_WITH_TIMEOUT(swapped, kFrames, 10000);
        QVERIFY2(
            clock.elapsed() < 5 * kFrames,
            qPrintable(QStringLiteral("%1 frames took %2 ms").arg(kFrames).arg(clock.elapsed())));
    }

    void inputOnTheWindowReachesTheWidget()
    {
        Window w;
        QVERIFY(QTest::qWaitForWindowExposed(&w.top));
        QWindow *window = w.probe->surfaceWindow();
        QTest::mousePress(window, Qt::LeftButton, {}, QPoint(30, 40));
        QCOMPARE(w.probe->pressedAt, QPoint(30, 40));
        QTest::mouseRelease(window, Qt::LeftButton, {}, QPoint(30, 40));
        QTest::mouseMove(window, QPoint(60, 70));
        QTRY_COMPARE(w.probe->movedTo, QPoint(60, 70));
        QWheelEvent wheel(QPointF(5, 5), window->mapToGlobal(QPointF(5, 5)), {}, QPoint(0, 120),
                          Qt::NoButton, {}, Qt::NoScrollPhase, false);
        QCoreApplication::sendEvent(window, &wheel);
        QCOMPARE(w.probe->wheels, 1);
        // The press gave the widget focus by its policy and left the main window active, so keys
        // (and the pages' shortcuts) go through the main window.
        QTRY_VERIFY(w.top.isActiveWindow());
        QTRY_VERIFY(w.probe->hasFocus());
        QTest::keyClick(w.top.windowHandle(), Qt::Key_A);
        QCOMPARE(w.probe->keys, 1);
        // A key that reaches the picture's own window still reaches the widget.
        QTest::keyClick(window, Qt::Key_B);
        QCOMPARE(w.probe->keys, 2);
    }

    void theCursorFollowsTheWidget()
    {
        Window w;
        w.probe->setCursor(Qt::ClosedHandCursor);
        QCOMPARE(w.probe->surfaceWindow()->cursor().shape(), Qt::ClosedHandCursor);
        w.probe->setCursor(Qt::CrossCursor);
        QCOMPARE(w.probe->surfaceWindow()->cursor().shape(), Qt::CrossCursor);
    }

    void grabsShowThePictureAsItIsNow()
    {
        Window w;
        QVERIFY(QTest::qWaitForWindowExposed(&w.top));
        w.probe->colour = Qt::blue; // no frame shown yet in this colour
        const QImage frame = w.probe->grabFramebuffer();
        QCOMPARE(frame.size(), w.probe->size() * w.probe->devicePixelRatioF());
        QCOMPARE(frame.pixelColor(5, 5), QColor(Qt::blue));

        // QWidget::grab() cannot see into the window; grabShown() draws it, under what covers it.
        auto *cover = new QWidget(&w.top);
        cover->setAutoFillBackground(true);
        QPalette green = cover->palette();
        green.setColor(QPalette::Window, Qt::green);
        cover->setPalette(green);
        cover->setGeometry(0, 0, 50, 50);
        cover->show();
        cover->raise();
        QVERIFY(w.top.grab().toImage().pixelColor(200, 200) != QColor(Qt::blue));
        const QImage shown = grabShown(&w.top);
        QCOMPARE(shown.size(), w.top.size() * w.top.devicePixelRatioF());
        const qreal dpr = shown.devicePixelRatio();
        QCOMPARE(shown.pixelColor(QPoint(200, 200) * dpr), QColor(Qt::blue));
        QCOMPARE(shown.pixelColor(QPoint(10, 10) * dpr), QColor(Qt::green));
    }

    void aSurfaceNeverShownCanBeGrabbed()
    {
        Probe probe;
        probe.colour = Qt::yellow;
        probe.resize(64, 48);
        const QImage frame = probe.grabFramebuffer();
        QCOMPARE(frame.size(), QSize(64, 48) * probe.devicePixelRatioF());
        QCOMPARE(frame.pixelColor(10, 10), QColor(Qt::yellow));
    }
};

UNCRUMPLE_GL_TEST_MAIN(TestGlSurface)

#include "tst_glsurface.moc"
