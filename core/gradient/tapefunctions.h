#pragma once
// A cell's recorded GradientTape seen as a function: a curve f(x) of one variable, or a loss of
// two weights w = [w0, w1], with its derivative from the engine's autodiff. The Gradient page
// samples whole curves and surfaces in one evaluation (the block is element-wise in x, and w[0],
// w[1] are rows when w has shape (2, N)), and checks the autodiff against finite differences.

#include "core/cell/tape.h"

#include <string>
#include <vector>

namespace core::gradient {

class TapeCurve {
public:
    // f(x) = target when source is x. Throws PyError (as RecordedTape::evaluate does).
    TapeCurve(const core::cell::RecordedTape &tape, std::string target, std::string source);

    struct Sample {
        std::vector<double> xs, ys, slopes;
    };
    // n ≥ 2 evenly spaced points from lo to hi: in one evaluation when the block is element-wise
    // in x, else one evaluation a point.
    Sample sample(double lo, double hi, int n) const;
    // Whether x of shape (2,) gives the two values x = a and x = b give on their own (y = x**2
    // does; y = tf.reduce_sum(x**2) sums them).
    bool isElementwise(double a, double b) const;
    // f(x) and f'(x) at one point.
    std::pair<double, double> at(double x) const;
    // (f(x + h) − f(x − h)) / 2h with h = 1e-5 · max(1, |x|): the estimate the autodiff replaces.
    double finiteDifference(double x) const;

private:
    const core::cell::RecordedTape &m_tape;
    std::string m_target, m_source;
};

class TapeSurface {
public:
    TapeSurface(const core::cell::RecordedTape &tape, std::string target, std::string source);

    // The loss on an nx × ny grid over [lo0, hi0] × [lo1, hi1], row-major with w1 growing by row
    // (row j at w1 = lo1 + j·(hi1 − lo1)/(ny − 1)): in one evaluation, which is right only when
    // the loss is element-wise in w's columns (isElementwise), or one evaluation a point.
    std::vector<double> grid(double lo0, double hi0, double lo1, double hi1, int nx, int ny,
                             bool pointwise = false) const;
    // Whether w of shape (2, 2) gives the losses its two columns give on their own (w[0]**2 does;
    // tf.reduce_sum(w**2) sums over the columns too).
    bool isElementwise(double w0, double w1) const;
    struct Point {
        double loss;
        double gradient[2];
    };
    Point at(double w0, double w1) const;
    // Central differences of the loss along w0 and w1.
    std::pair<double, double> finiteDifference(double w0, double w1) const;

private:
    const core::cell::RecordedTape &m_tape;
    std::string m_target, m_source;
};

} // namespace core::gradient
