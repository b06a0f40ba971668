#include "core/manifold/planar.h"

#include "core/geometry/pointcloud.h"
#include "core/manifold/sampling.h"

#include <cmath>
#include <numbers>

namespace core::manifold {

namespace {

void set(LabeledPoints &out, int i, double x, double y, int label)
{
    out.points(i, 0) = static_cast<float>(x);
    out.points(i, 1) = static_cast<float>(y);
    out.labels[static_cast<std::size_t>(i)] = label;
}

LabeledPoints make(int points)
{
    return {nn::Matrix(points, 2), std::vector<std::int32_t>(static_cast<std::size_t>(points))};
}

} // namespace

LabeledPoints twoSpirals(int points, double noise, std::uint64_t seed)
{
    constexpr double kInner = 0.15, kOuter = 1.4;
    const double pi = std::numbers::pi;
    nn::Random random(seed);
    LabeledPoints out = make(points);
    for (int i = 0; i < points; ++i) {
        const int label = i % 2;
        const double t = uniform(random);
        const double a = 2.0 * pi * kSpiralTurns * t + label * pi;
        const double r = kInner + (kOuter - kInner) * t;
        set(out, i, r * std::cos(a), r * std::sin(a), label);
    }
    addNoise(out.points, noise, random);
    return out;
}

LabeledPoints twoMoons(int points, double noise, std::uint64_t seed)
{
    // moonsCloud alternates its labels 0, 1 as the others do; its seed is 32-bit.
    const auto cloud =
        geometry::moonsCloud(points, static_cast<std::uint32_t>(seed ^ (seed >> 32)), noise);
    LabeledPoints out = make(points);
    for (int i = 0; i < points; ++i) {
        const auto k = static_cast<std::size_t>(i);
        set(out, i, cloud.points[k].x(), cloud.points[k].y(), cloud.labels[k]);
    }
    return out;
}

LabeledPoints twoCircles(int points, double noise, std::uint64_t seed)
{
    constexpr double kInner = 0.5, kOuter = 1.2;
    const double pi = std::numbers::pi;
    nn::Random random(seed);
    LabeledPoints out = make(points);
    for (int i = 0; i < points; ++i) {
        const int label = i % 2;
        const double a = uniform(random, 0.0, 2.0 * pi);
        const double r = label == 0 ? kInner : kOuter;
        set(out, i, r * std::cos(a), r * std::sin(a), label);
    }
    addNoise(out.points, noise, random);
    return out;
}

LabeledPoints xorQuadrants(int points, double noise, std::uint64_t seed)
{
    constexpr double kGap = 0.1;
    nn::Random random(seed);
    LabeledPoints out = make(points);
    for (int i = 0; i < points; ++i) {
        const int label = i % 2;
        const double sx = uniform(random) < 0.5 ? -1.0 : 1.0;
        // Label 0 where x and y have the same sign (quadrants 1 and 3), 1 where they differ.
        const double sy = label == 0 ? sx : -sx;
        set(out, i, sx * uniform(random, kGap, 1.0), sy * uniform(random, kGap, 1.0), label);
    }
    addNoise(out.points, noise, random);
    return out;
}

} // namespace core::manifold
