#pragma once
// What the frame-time benchmarks share (bench_render, bench_uncrumple): intervals between frames
// summarised, and Play as the user presses it, counted as a GL surface swaps its frames.

#include "ui/common/glsurface.h"
#include "ui/common/playhead.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <algorithm>
#include <vector>

namespace bench {

struct FrameTimes {
    int frames = 0;
    double seconds = 0;
    double median = 0, p95 = 0; // milliseconds
    double fps() const { return seconds > 0 ? frames / seconds : 0.0; }
};

inline FrameTimes summarize(std::vector<double> ms)
{
    FrameTimes r;
    r.frames = static_cast<int>(ms.size());
    for (double v : ms)
        r.seconds += v / 1000.0;
    if (!ms.empty()) {
        std::sort(ms.begin(), ms.end());
        r.median = ms[ms.size() / 2];
        r.p95 = ms[std::min(ms.size() - 1, ms.size() * 95 / 100)];
    }
    return r;
}

// Play with its 60 Hz timer, from time `from` to the end and again, for `seconds` after a second
// of warm-up: at most 62.5 fps by construction.
inline FrameTimes playedByItsTimer(ui::GlSurface *surface, ui::Playhead *playhead, double from,
                                   double seconds)
{
    std::vector<double> intervals;
    QElapsedTimer clock;
    qint64 last = -1;
    QEventLoop loop;
    const auto restart =
        QObject::connect(playhead, &ui::Playhead::movingChanged, &loop, [&](bool moving) {
            if (!moving) {
                playhead->seek(from);
                playhead->play();
            }
        });
    const auto swaps = QObject::connect(surface, &ui::GlSurface::frameSwapped, &loop, [&] {
        const qint64 now = clock.nsecsElapsed();
        if (last >= 0 && now > 1'000'000'000) intervals.push_back((now - last) / 1e6);
        last = now;
        if (now / 1e9 >= seconds + 1.0) loop.quit();
    });
    clock.start();
    playhead->seek(from);
    playhead->play();
    loop.exec();
    QObject::disconnect(restart);
    QObject::disconnect(swaps);
    playhead->pause();
    return summarize(std::move(intervals));
}

} // namespace bench
