#include "core/gradient/derivative.h"

namespace core::gradient {

double centralDifference(const std::function<double(double)> &f, double x, double h)
{
    return (f(x + h) - f(x - h)) / (2.0 * h);
}

Eigen::Vector2d numericGradient(const std::function<double(const Eigen::Vector2d &)> &f,
                                const Eigen::Vector2d &w, double h)
{
    Eigen::Vector2d g;
    for (int i = 0; i < 2; ++i) {
        Eigen::Vector2d lo = w, hi = w;
        lo[i] -= h;
        hi[i] += h;
        g[i] = (f(hi) - f(lo)) / (2.0 * h);
    }
    return g;
}

} // namespace core::gradient
