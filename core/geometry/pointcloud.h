#pragma once
// Point clouds that ride along with the warped plane: a picture, a letter and a small data set,
// and any grey-level image (e.g. an MNIST digit). Every generator is deterministic for a seed and
// fits its points in about [-1.5, 1.5]², around the origin, so a ReLU folds part of each.

#include <Eigen/Core>
#include <cstdint>
#include <span>
#include <vector>

namespace core::geometry {

struct PointCloud {
    std::vector<Eigen::Vector2f> points; // one per point
    std::vector<std::uint8_t> labels;    // one per point; what a label means depends on the kind
};

// A face with one open eye and one winking eye, so mirror images and rotations are obvious.
// Labels: 0 face, 1 eyes and mouth.
PointCloud smileyCloud(int count, std::uint32_t seed = 1);

// The letter F, which has no symmetry at all. Label 0.
PointCloud letterCloud(int count, std::uint32_t seed = 1);

// Two interleaving half moons with Gaussian noise (the small data set of many ML tutorials).
// Labels: 0 and 1, half the points each.
PointCloud moonsCloud(int count, std::uint32_t seed = 1, double noise = 0.08);

// Points drawn with probability proportional to a pixel's grey level (0-255), spread uniformly
// inside the pixel. pixels: rows by cols, row-major, row 0 at the top. Labels: the pixel's grey
// level divided by 32 (0-7). An all-black image gives an empty cloud.
PointCloud imageCloud(std::span<const std::uint8_t> pixels, int rows, int cols, int count,
                      std::uint32_t seed = 1);

} // namespace core::geometry
