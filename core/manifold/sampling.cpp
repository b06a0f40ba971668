#include "core/manifold/sampling.h"

#include <cmath>
#include <numbers>

namespace core::manifold {

double uniform(nn::Random &random)
{
    return static_cast<double>(random.next() >> 11) * 0x1.0p-53;
}

double uniform(nn::Random &random, double low, double high)
{
    return low + (high - low) * uniform(random);
}

double gaussian(nn::Random &random)
{
    const double u1 = 1.0 - uniform(random); // (0, 1]: log is finite
    const double u2 = uniform(random);
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
}

void addNoise(nn::Matrix &points, double sigma, nn::Random &random)
{
    if (sigma <= 0.0) return;
    for (std::int64_t i = 0; i < points.rows(); ++i)
        for (std::int64_t j = 0; j < points.cols(); ++j)
            points(i, j) = static_cast<float>(points(i, j) + sigma * gaussian(random));
}

} // namespace core::manifold
