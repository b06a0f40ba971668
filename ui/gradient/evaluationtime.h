#pragma once
// How long one evaluation of a cell's recorded tape takes, for the Gradient page's pictures,
// which evaluate it thousands of times on the window's thread and so draw only a quick one.

#include <QElapsedTimer>
#include <algorithm>

namespace ui {

// Above this, one evaluation is too slow for the pictures (10 ms: the page's own losses take
// about 50 µs, and a few hundred µs in the sanitizer build).
inline constexpr double kMaxEvaluationSeconds = 0.01;

// The fastest of three runs of evaluate (the first pays for cold caches), or the first alone
// when it is far too slow (five times the limit). One run over the limit is not enough to refuse:
// a shared machine can pause the thread for more than 10 ms (the sanitizer build's Gradient page
// test failed so once, and passed when run again).
template<class F> double secondsPerEvaluation(F evaluate)
{
    double best = 1e9;
    for (int i = 0; i < 3; ++i) {
        QElapsedTimer clock;
        clock.start();
        evaluate();
        best = std::min(best, clock.nsecsElapsed() / 1e9);
        if (best > 5 * kMaxEvaluationSeconds) break;
    }
    return std::max(best, 1e-6);
}

} // namespace ui
