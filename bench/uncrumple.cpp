// Frame time of the Uncrumple page's 3D view: orbiting 50,000 points, and playing a layer passage
// of 50,000 points with the 16³ lattice (768 lines of 32 samples), in a 1280x800 window. Run it
// under xvfb-run for Mesa's software renderer (llvmpipe):
//
//   xvfb-run -a -s "-screen 0 1280x800x24" build/bench/bench_uncrumple [--seconds 5]
//                                                                        [--points 50000]
//
// The parts of a frame, each measured alone:
// - scene: the CPU's share of a playing frame, ManifoldScene::evaluate (the passage's frame for
//   every point and lattice vertex, core/manifold/passage.h) and the copy into the view.
// - render only: the view drawn into its framebuffer and read back (no window composition), and
//   the CPU's share of it: the points and the lattice's lines drawn on the CPU (pointsplatter.h,
//   linesplatter.h), on two threads.
// - floor: an empty GL surface of the view's kind (ui/common/glsurface.h) in the same window,
//   redrawn flat out: what swapping the frame and Xvfb's copy cost whatever the view draws.
// Then the whole, counted as frames are swapped: orbiting (the camera turns 1° a frame) and
// playing (Play, with every swap advancing the passage by 1/60 of a phase), each asking for the
// next frame at once; and Play as the user presses it, paced by its 60 Hz timer (at most 62.5 fps).

#include "bench/frametimes.h"
#include "ui/common/glsurface.h"
#include "ui/common/playhead.h"
#include "ui/shell/appcontext.h"
#include "ui/shell/datastore.h"
#include "ui/uncrumple/manifoldview.h"
#include "ui/uncrumple/uncrumplecontrols.h"
#include "ui/uncrumple/uncrumplepage.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QHBoxLayout>
#include <QLabel>
#include <QOffscreenSurface>
#include <QOpenGLContext>
#include <QOpenGLFunctions>
#include <QSurfaceFormat>
#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

namespace {

using Result = bench::FrameTimes;
using bench::summarize;

double fps(const Result &r)
{
    return r.fps();
}

// Frames swapped by widget while `advance` is called before each next one, flat out.
Result swapped(ui::GlSurface *widget, double seconds, const std::function<void()> &advance)
{
    std::vector<double> intervals;
    QElapsedTimer clock;
    QEventLoop loop;
    qint64 last = -1;
    const auto connection = QObject::connect(widget, &ui::GlSurface::frameSwapped, &loop, [&] {
        const qint64 now = clock.nsecsElapsed();
        if (last >= 0 && now > 500'000'000) intervals.push_back((now - last) / 1e6);
        last = now;
        if (now / 1e9 >= seconds + 0.5) return loop.quit();
        advance();
        widget->update();
    });
    clock.start();
    widget->update();
    loop.exec();
    QObject::disconnect(connection);
    return summarize(intervals);
}

class EmptyGlWidget : public ui::GlSurface {
protected:
    void paintGL() override
    {
        auto *f = context()->functions();
        f->glClearColor(1, 1, 1, 1);
        f->glClear(GL_COLOR_BUFFER_BIT);
    }
};

Result measureFloor(QSize size, double seconds)
{
    QWidget window;
    auto *layout = new QHBoxLayout(&window);
    auto *gl = new EmptyGlWidget;
    layout->addWidget(gl, 3);
    layout->addWidget(new QLabel(QStringLiteral("side")), 2);
    window.resize(size);
    window.show();
    return swapped(gl, seconds, [] {});
}

// The view drawn into its framebuffer and read back, n times; *cpuDraw gets the CPU drawing's
// share.
Result renderOnly(ui::ManifoldView *view, int n, const std::function<void()> &advance,
                  Result *cpuDraw)
{
    std::vector<double> times, cpuDraws;
    for (int i = 0; i < n + 5; ++i) {
        advance();
        QElapsedTimer clock;
        clock.start();
        const QImage image = view->grabFramebuffer();
        if (i >= 5) { // after the shader JIT and caches warm up
            times.push_back(clock.nsecsElapsed() / 1e6);
            cpuDraws.push_back(view->lastCpuDrawMs());
        }
    }
    *cpuDraw = summarize(cpuDraws);
    return summarize(times);
}

} // namespace

int main(int argc, char *argv[])
{
    QSurfaceFormat format;
    format.setVersion(3, 3);
    format.setProfile(QSurfaceFormat::CoreProfile);
    format.setDepthBufferSize(24);
    format.setSamples(0); // as the app (app/gui.cpp)
    QSurfaceFormat::setDefaultFormat(format);
    QApplication app(argc, argv);

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Frame time of the Uncrumple page's 3D view"));
    parser.addHelpOption();
    const QCommandLineOption secondsOption(QStringLiteral("seconds"),
                                           QStringLiteral("seconds per run (default 5)"),
                                           QStringLiteral("S"), QStringLiteral("5"));
    const QCommandLineOption pointsOption(QStringLiteral("points"),
                                          QStringLiteral("points (default 50000)"),
                                          QStringLiteral("N"), QStringLiteral("50000"));
    parser.addOptions({secondsOption, pointsOption});
    parser.process(app);
    const double seconds = std::max(0.5, parser.value(secondsOption).toDouble());
    const int points = parser.value(pointsOption).toInt();
    const QSize size(1280, 800);

    QOpenGLContext probe;
    QOffscreenSurface surface;
    surface.create();
    if (!probe.create() || !probe.makeCurrent(&surface)) {
        std::fprintf(stderr, "bench_uncrumple: no OpenGL context; run it under xvfb-run\n");
        return 1;
    }
    const auto *renderer =
        reinterpret_cast<const char *>(probe.functions()->glGetString(GL_RENDERER));
    std::printf("renderer: %s\n", renderer ? renderer : "?");
    probe.doneCurrent();

    const Result floor = measureFloor(size, seconds);
    std::printf("floor (an empty GL surface in a %dx%d window): %.1f fps, median %.1f ms\n",
                size.width(), size.height(), fps(floor), floor.median);

    ui::DataStore store;
    ui::AppContext context(&store);
    ui::UncrumplePage page(&context);
    page.resize(size);
    page.show();
    page.setLatticeKnots(16);
    page.controls()->setPoints(points);
    ui::ManifoldView *view = page.view();
    ui::Playhead *playhead = page.playhead();
    std::printf("%d points, %d lattice vertices (%zu lines), view %dx%d\n", view->pointCount(),
                page.scene().latticeVertices(), page.scene().edges().size() / 31 / 2, view->width(),
                view->height());

    // Orbiting: the scene stands still (layer 1), the camera turns.
    page.showStage(1);
    const auto orbit = [view] { view->camera().orbit(1.0, 0.0); };
    Result cpuDraw;
    const Result orbitRender = renderOnly(view, 40, orbit, &cpuDraw);
    std::printf("orbit, render only: median %.1f ms, p95 %.1f ms (of which the CPU drawing: median "
                "%.1f ms); %d of %zu lattice segments drawn\n",
                orbitRender.median, orbitRender.p95, cpuDraw.median, view->drawnLatticeSegments(),
                page.scene().edges().size() / 2);
    const Result orbiting = swapped(view, seconds, orbit);
    std::printf("orbit, flat out: %.1f fps; frame time median %.1f ms, p95 %.1f ms\n",
                fps(orbiting), orbiting.median, orbiting.p95);

    // Playing the passage into layer 2 (its three phases), over and over: the head plays, as
    // when the user presses Play, and each frame moves it on by 1/60 of a phase (its own ticks
    // add about 1e-11 of a phase).
    const double secondsPerPhase = playhead->secondsPerPhase();
    playhead->setSecondsPerPhase(1e9);
    const auto play = [&] {
        if (!playhead->isMoving() || playhead->time() >= 6.0) {
            playhead->seek(3.0);
            playhead->play();
        }
        playhead->advance(1.0 / 60.0);
    };
    std::vector<double> sceneMs;
    for (int i = 0; i < 60; ++i) {
        QElapsedTimer clock;
        clock.start();
        play();
        sceneMs.push_back(clock.nsecsElapsed() / 1e6);
    }
    const Result scene = summarize(sceneMs);
    std::printf("play, scene (CPU: passage frames + copy): median %.1f ms, p95 %.1f ms\n",
                scene.median, scene.p95);
    const Result playRender = renderOnly(view, 40, play, &cpuDraw);
    std::printf("play, scene + render only: median %.1f ms, p95 %.1f ms (of which the CPU drawing: "
                "median %.1f ms); %d lattice segments drawn in the last frame\n",
                playRender.median, playRender.p95, cpuDraw.median, view->drawnLatticeSegments());
    const Result playing = swapped(view, seconds, play);
    std::printf("play, flat out: %.1f fps; frame time median %.1f ms, p95 %.1f ms\n", fps(playing),
                playing.median, playing.p95);
    playhead->setSecondsPerPhase(secondsPerPhase);
    const Result timed = bench::playedByItsTimer(view, playhead, 3.0, seconds);
    std::printf("play, by Play's 60 Hz timer: %.1f fps (62.5 at most); frame time median %.1f ms, "
                "p95 %.1f ms\n",
                fps(timed), timed.median, timed.p95);
    std::fflush(stdout);
    return 0;
}
