#include "core/geometry/pointcloud.h"

#include "core/errors.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <random>
#include <string>

namespace core::geometry {

namespace {

constexpr double kPi = std::numbers::pi;

void reserve(PointCloud &cloud, int count)
{
    cloud.points.reserve(static_cast<std::size_t>(std::max(0, count)));
    cloud.labels.reserve(static_cast<std::size_t>(std::max(0, count)));
}

void add(PointCloud &cloud, double x, double y, std::uint8_t label)
{
    cloud.points.emplace_back(static_cast<float>(x), static_cast<float>(y));
    cloud.labels.push_back(label);
}

bool inDisc(double x, double y, double cx, double cy, double r)
{
    return (x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r;
}

// A band of the given thickness along a circle's arc from a0 to a1 (radians).
bool onArc(double x, double y, double cx, double cy, double r, double thickness, double a0,
           double a1)
{
    const double d = std::hypot(x - cx, y - cy);
    if (std::abs(d - r) > thickness / 2) return false;
    double a = std::atan2(y - cy, x - cx);
    if (a < a0) a += 2 * kPi;
    return a >= a0 && a <= a1;
}

} // namespace

PointCloud smileyCloud(int count, std::uint32_t seed)
{
    PointCloud cloud;
    reserve(cloud, count);
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> u(-1.0, 1.0);
    const double radius = 1.2;
    while (static_cast<int>(cloud.points.size()) < count) {
        const double x = radius * u(rng), y = radius * u(rng);
        if (!inDisc(x, y, 0, 0, radius)) continue;
        const bool feature =
            inDisc(x, y, -0.42, 0.35, 0.17) ||                             // open eye
            onArc(x, y, 0.42, 0.28, 0.17, 0.09, 0.15 * kPi, 0.85 * kPi) || // winking eye
            onArc(x, y, 0.0, 0.0, 0.72, 0.13, 1.15 * kPi, 1.85 * kPi);     // smile
        add(cloud, x, y, feature ? 1 : 0);
    }
    return cloud;
}

PointCloud letterCloud(int count, std::uint32_t seed)
{
    // Three bars: the stem, the top arm and the shorter middle arm.
    struct Box {
        double x0, y0, x1, y1;
    };
    const Box boxes[] = {{-0.7, -1.2, -0.3, 1.2}, {-0.3, 0.8, 0.8, 1.2}, {-0.3, -0.05, 0.45, 0.35}};
    double total = 0;
    for (const Box &b : boxes)
        total += (b.x1 - b.x0) * (b.y1 - b.y0);

    PointCloud cloud;
    reserve(cloud, count);
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> u(0.0, 1.0);
    for (int i = 0; i < count; ++i) {
        // Choose a bar by its area, so the density is the same everywhere in the letter.
        double pick = u(rng) * total;
        const Box *box = &boxes[0];
        for (const Box &b : boxes) {
            box = &b;
            pick -= (b.x1 - b.x0) * (b.y1 - b.y0);
            if (pick <= 0) break;
        }
        add(cloud, box->x0 + u(rng) * (box->x1 - box->x0), box->y0 + u(rng) * (box->y1 - box->y0),
            0);
    }
    return cloud;
}

PointCloud moonsCloud(int count, std::uint32_t seed, double noise)
{
    PointCloud cloud;
    reserve(cloud, count);
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> u(0.0, kPi);
    std::normal_distribution<double> n(0.0, std::max(0.0, noise));
    // scikit-learn's make_moons layout (upper moon around (0, 0), lower around (1, 0.5)), centred
    // on the origin and scaled to the common size.
    const double scale = 1.0;
    for (int i = 0; i < count; ++i) {
        const bool second = i % 2 == 1;
        const double a = u(rng);
        double x = second ? 1.0 - std::cos(a) : std::cos(a);
        double y = second ? 0.5 - std::sin(a) : std::sin(a);
        x = (x - 0.5 + n(rng)) * scale;
        y = (y - 0.25 + n(rng)) * scale;
        add(cloud, x, y, second ? 1 : 0);
    }
    return cloud;
}

PointCloud imageCloud(std::span<const std::uint8_t> pixels, int rows, int cols, int count,
                      std::uint32_t seed)
{
    if (rows <= 0 || cols <= 0 || pixels.size() != static_cast<std::size_t>(rows) * cols)
        throw ValueError("imageCloud: expected " + std::to_string(rows) + " x " +
                         std::to_string(cols) + " pixels, got " + std::to_string(pixels.size()));
    PointCloud cloud;
    std::vector<double> weights(pixels.begin(), pixels.end());
    if (std::all_of(weights.begin(), weights.end(), [](double w) { return w <= 0; })) return cloud;
    reserve(cloud, count);
    std::mt19937 rng(seed);
    std::discrete_distribution<int> pick(weights.begin(), weights.end());
    std::uniform_real_distribution<double> u(0.0, 1.0);
    // The image fills a 2.8-wide square centred on the origin, row 0 at the top.
    const double side = 2.8 / std::max(rows, cols);
    const double left = -side * cols / 2, top = side * rows / 2;
    for (int i = 0; i < count; ++i) {
        const int p = pick(rng);
        const int r = p / cols, c = p % cols;
        add(cloud, left + (c + u(rng)) * side, top - (r + u(rng)) * side,
            static_cast<std::uint8_t>(pixels[static_cast<std::size_t>(p)] / 32));
    }
    return cloud;
}

} // namespace core::geometry
