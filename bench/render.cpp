// Frame time of the Geometry page's plane while it animates, with 0, 10,000 and 100,000 points.
// Run it under xvfb-run for Mesa's software renderer (llvmpipe):
//
//   xvfb-run -a -s "-screen 0 1280x800x24" build/bench/bench_render [--seconds 5] [--points N]
//                                                                     [--samples 0]
//
// Four numbers per cloud size:
// - floor: an empty GL surface of the pages' kind (a window of its own, ui/common/glsurface.h) in
//   the same window, redrawn flat out: no page can beat this. Beside it, the same with a
//   QOpenGLWidget, which Qt composes into the whole window's backing store for every frame.
// - render only: the plane drawn into its framebuffer and read back (no composition): the page's
//   own cost per frame.
// - playing: Play as the user presses it (a 60 Hz timer), frames counted as they are swapped.
// - flat out: Play, but every swapped frame advances the animation by 1/60 of a phase (1/60 s at
//   the page's second a phase) and asks for the next at once, so it is what the machine can do,
//   not the timer's 60 Hz.
// --samples sets the window's multisampling; the app's default format has none (app/gui.cpp),
// because 4x triples the cost of composing the window on llvmpipe.

#include "bench/frametimes.h"
#include "core/geometry/chain.h"
#include "ui/common/glsurface.h"
#include "ui/common/playhead.h"
#include "ui/geometry/geometrymodel.h"
#include "ui/geometry/geometrypage.h"
#include "ui/geometry/planeview.h"
#include "ui/shell/appcontext.h"
#include "ui/shell/datastore.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QHBoxLayout>
#include <QLabel>
#include <QOffscreenSurface>
#include <QOpenGLContext>
#include <QOpenGLFunctions>
#include <QOpenGLWidget>
#include <QSurfaceFormat>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <numbers>
#include <vector>

namespace {

using Result = bench::FrameTimes;

Result measure(ui::GeometryPage &page, double seconds)
{
    ui::PlaneView *plane = page.plane();
    ui::Playhead *playhead = page.playhead();
    std::vector<double> intervals;
    QElapsedTimer clock;
    qint64 last = -1;
    bool warm = false;
    QEventLoop loop;
    auto onFrame = [&] {
        const qint64 now = clock.nsecsElapsed();
        if (!warm) {
            if (now > 1'000'000'000) { // one second of warm-up (shader JIT, caches)
                warm = true;
                clock.restart();
                last = 0;
            }
        } else {
            intervals.push_back((now - last) / 1e6);
            last = now;
            if (now / 1e9 >= seconds) return loop.quit();
        }
        // One 60 Hz tick of play, looping over the whole chain. The head plays (so the page
        // does what it does while playing: side panels at most every 50 ms), paced by the frames.
        if (!playhead->isMoving()) {
            playhead->seek(0);
            playhead->play();
        }
        playhead->advance(1.0 / 60.0);
        plane->update();
    };
    QObject::connect(plane, &ui::GlSurface::frameSwapped, &loop, onFrame);
    // The frames pace it: its own 60 Hz ticks now move it by about 1e-11 of a phase (cheap, but
    // they still emit timeChanged).
    const double secondsPerPhase = playhead->secondsPerPhase();
    playhead->setSecondsPerPhase(1e9);
    playhead->seek(0);
    playhead->play();
    clock.start();
    plane->update();
    loop.exec();
    QObject::disconnect(plane, &ui::GlSurface::frameSwapped, &loop, nullptr);
    playhead->pause();
    playhead->setSecondsPerPhase(secondsPerPhase);

    return bench::summarize(std::move(intervals));
}

// The floor: an empty GL surface (it only clears) in a window of the same size, beside a plain
// widget, redrawn flat out, whatever it draws. Measured for the app's surface (a window of its
// own, ui/common/glsurface.h) and for a QOpenGLWidget, which Qt composes into the whole window's
// backing store for every frame (what the pages used before).
template<class Base> class EmptyGl : public Base {
protected:
    void paintGL() override
    {
        auto *f = this->context()->functions();
        f->glClearColor(1, 1, 1, 1);
        f->glClear(GL_COLOR_BUFFER_BIT);
    }
};

template<class Base> Result measureFloor(QSize size, double seconds)
{
    QWidget window;
    auto *layout = new QHBoxLayout(&window);
    auto *gl = new EmptyGl<Base>;
    layout->addWidget(gl, 3);
    layout->addWidget(new QLabel(QStringLiteral("side")), 2);
    window.resize(size);
    window.show();
    std::vector<double> intervals;
    QElapsedTimer clock;
    QEventLoop loop;
    qint64 last = -1;
    QObject::connect(gl, &Base::frameSwapped, &loop, [&] {
        const qint64 now = clock.nsecsElapsed();
        if (last >= 0 && now > 500'000'000) // after half a second of warm-up
            intervals.push_back((now - last) / 1e6);
        last = now;
        if (now / 1e9 >= seconds + 0.5) return loop.quit();
        gl->update();
    });
    clock.start();
    gl->update();
    loop.exec();
    return bench::summarize(std::move(intervals));
}

// The plane alone: render into its framebuffer and read it back, n times. No window composition,
// no swap: what the page's own drawing costs.
Result measureRenderOnly(ui::GeometryPage &page, int n)
{
    ui::PlaneView *plane = page.plane();
    ui::Playhead *playhead = page.playhead();
    std::vector<double> times;
    double t = 0;
    for (int i = 0; i < n + 5; ++i) {
        t += 1.0 / 60.0;
        if (t > playhead->phaseCount()) t = 0;
        playhead->seek(t);
        QElapsedTimer clock;
        clock.start();
        const QImage image = plane->grabFramebuffer();
        if (i >= 5) // after the shader JIT and caches warm up
            times.push_back(clock.nsecsElapsed() / 1e6);
    }
    return bench::summarize(std::move(times));
}

} // namespace

int main(int argc, char *argv[])
{
    QSurfaceFormat format;
    format.setVersion(3, 3);
    format.setProfile(QSurfaceFormat::CoreProfile);
    format.setDepthBufferSize(24);
    // The window's multisampling is the app's choice (app/gui.cpp asks for none); --samples shows
    // what 4x would cost. It has to be set before QApplication, so it is read by hand.
    format.setSamples(0);
    for (int i = 1; i + 1 < argc; ++i)
        if (QByteArrayView(argv[i]) == "--samples") format.setSamples(std::atoi(argv[i + 1]));
    QSurfaceFormat::setDefaultFormat(format);
    QApplication app(argc, argv);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Frame time of the Geometry page while it animates"));
    parser.addHelpOption();
    const QCommandLineOption secondsOption(QStringLiteral("seconds"),
                                           QStringLiteral("seconds per run (default 5)"),
                                           QStringLiteral("S"), QStringLiteral("5"));
    const QCommandLineOption pointsOption(
        QStringLiteral("points"),
        QStringLiteral("one run with N points (default: 0, 10000, 100000)"), QStringLiteral("N"));
    const QCommandLineOption sizeOption(QStringLiteral("size"),
                                        QStringLiteral("window size (default 1280x800)"),
                                        QStringLiteral("WxH"), QStringLiteral("1280x800"));
    const QCommandLineOption samplesOption(
        QStringLiteral("samples"),
        QStringLiteral("the window's multisampling (default 0, as the app)"), QStringLiteral("N"),
        QStringLiteral("0"));
    parser.addOptions({secondsOption, pointsOption, sizeOption, samplesOption});
    parser.process(app);
    const double seconds = std::max(0.5, parser.value(secondsOption).toDouble());
    const QStringList wh = parser.value(sizeOption).split(QLatin1Char('x'));
    const QSize size(wh.value(0).toInt(), wh.value(1).toInt());

    QOpenGLContext probe;
    QOffscreenSurface surface;
    surface.create();
    if (!probe.create() || !probe.makeCurrent(&surface)) {
        std::fprintf(stderr, "bench_render: no OpenGL context; run it under xvfb-run\n");
        return 1;
    }
    const auto *renderer =
        reinterpret_cast<const char *>(probe.functions()->glGetString(GL_RENDERER));
    std::printf("renderer: %s, %d samples\n", renderer ? renderer : "?", format.samples());
    probe.doneCurrent();

    std::vector<int> counts = {0, 10000, 100000};
    if (parser.isSet(pointsOption)) counts = {parser.value(pointsOption).toInt()};

    const QSize windowSize = size.isValid() && !size.isEmpty() ? size : QSize(1280, 800);
    const Result floor = measureFloor<ui::GlSurface>(windowSize, seconds);
    std::printf("floor (an empty GL surface, the pages' kind, in a %dx%d window): %.1f fps, "
                "median %.1f ms\n",
                windowSize.width(), windowSize.height(),
                floor.seconds > 0 ? floor.frames / floor.seconds : 0.0, floor.median);
    const Result widgetFloor = measureFloor<QOpenGLWidget>(windowSize, seconds);
    std::printf("the same with a QOpenGLWidget (composed into the window): %.1f fps, median "
                "%.1f ms\n",
                widgetFloor.seconds > 0 ? widgetFloor.frames / widgetFloor.seconds : 0.0,
                widgetFloor.median);

    ui::DataStore store;
    ui::AppContext context(&store);
    ui::GeometryPage page(&context);
    page.resize(windowSize);
    page.show();

    // A chain with every kind of phase: linear, shift, ReLU, then a rotation.
    Eigen::Matrix2d W;
    W << 1.0, -0.5, 0.5, 1.0;
    for (const int count : counts) {
        ui::GeometryState s = page.model()->state();
        s.chain = {core::geometry::Transform::affineMap(W, {-0.5, -0.5}, true),
                   core::geometry::Transform::rotate(std::numbers::pi / 6)};
        s.cloud = count > 0 ? ui::CloudKind::Moons : ui::CloudKind::None;
        if (count > 0) s.cloudCount = count;
        page.model()->edit(s, QStringLiteral("bench"));
        if (count > 0 && s.cloudCount != count) {
            std::fprintf(stderr, "bench_render: %d points is not a cloud size the page offers\n",
                         count);
            return 2;
        }
        const Result ro = measureRenderOnly(page, 40);
        std::printf("%6d points, render only: median %.1f ms, p95 %.1f ms\n", count, ro.median,
                    ro.p95);
        const Result playing = bench::playedByItsTimer(page.plane(), page.playhead(), 0.0, seconds);
        std::printf("%6d points, playing: %.1f fps (62.5 at most); frame time median %.1f ms, p95 "
                    "%.1f ms\n",
                    count, playing.seconds > 0 ? playing.frames / playing.seconds : 0.0,
                    playing.median, playing.p95);
        const Result r = measure(page, seconds);
        const QSize plane = page.plane()->size();
        std::printf(
            "%6d points, flat out (plane %dx%d): %d frames in %.2f s = %.1f fps; frame time "
            "median %.1f ms, p95 %.1f ms\n",
            count, plane.width(), plane.height(), r.frames, r.seconds,
            r.seconds > 0 ? r.frames / r.seconds : 0.0, r.median, r.p95);
        std::fflush(stdout);
    }
    return 0;
}
