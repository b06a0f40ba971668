#include "core/manifold/solids.h"

#include "core/manifold/sampling.h"

#include <cmath>
#include <numbers>

namespace core::manifold {

namespace {

void set(LabeledPoints &out, int i, double x, double y, double z, int label)
{
    out.points(i, 0) = static_cast<float>(x);
    out.points(i, 1) = static_cast<float>(y);
    out.points(i, 2) = static_cast<float>(z);
    out.labels[static_cast<std::size_t>(i)] = label;
}

} // namespace

LabeledPoints twoHelices(int points, double noise, std::uint64_t seed)
{
    constexpr double kTurns = 1.5, kHeight = 3.0;
    const double pi = std::numbers::pi;
    nn::Random random(seed);
    LabeledPoints out{nn::Matrix(points, 3), std::vector<std::int32_t>(points)};
    for (int i = 0; i < points; ++i) {
        const int label = i % 2;
        const double u = uniform(random);
        const double a = 2.0 * pi * kTurns * u + label * pi;
        set(out, i, std::cos(a), std::sin(a), kHeight * (u - 0.5), label);
    }
    addNoise(out.points, noise, random);
    return out;
}

LabeledPoints nestedSpheres(int points, double noise, std::uint64_t seed)
{
    constexpr double kInner = 0.45, kOuter = 1.0;
    const double pi = std::numbers::pi;
    nn::Random random(seed);
    LabeledPoints out{nn::Matrix(points, 3), std::vector<std::int32_t>(points)};
    for (int i = 0; i < points; ++i) {
        const int label = i % 2;
        // Uniform on the sphere (Archimedes: z uniform in [-1, 1]).
        const double z = uniform(random, -1.0, 1.0), a = uniform(random, 0.0, 2.0 * pi);
        const double rho = std::sqrt(std::max(0.0, 1.0 - z * z));
        const double r = label == 0 ? kInner : kOuter;
        set(out, i, r * rho * std::cos(a), r * rho * std::sin(a), r * z, label);
    }
    addNoise(out.points, noise, random);
    return out;
}

} // namespace core::manifold
