#pragma once
// The Gradient page's ready-made losses, as cells the page runs: curves f(x) of one variable x
// (target y) and surfaces of two weights w = [w0, w1] (target loss), each recorded with
// tf.GradientTape so that the engine's own autodiff gives their derivatives. Kept in the core so
// that the tests can check every one of them against finite differences.

#include <span>

namespace core::gradient {

struct CurveExample {
    const char *title;
    const char *cell; // assigns x (a tf.Variable), y, slope, learning_rate and x_next
    double lo, hi;    // the x range drawn
};

struct SurfaceExample {
    const char *title;
    const char *cell;          // assigns w (a tf.Variable of 2), loss and grad
    double lo0, hi0, lo1, hi1; // the w0 and w1 ranges drawn
    double rates[3];           // learning rates: too small, about right, too large (for SGD)
    const char *lesson;        // what to look for
};

std::span<const CurveExample> curveExamples();
std::span<const SurfaceExample> surfaceExamples();

} // namespace core::gradient
