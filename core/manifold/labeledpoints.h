#pragma once
// A two-class point cloud as the network sees it: points (samples x dims, float32, row-major,
// samples in rows, the layout of core/nn/matrix.h) and one label (0 or 1) a point.

#include "core/nn/dataset.h"
#include "core/nn/matrix.h"

#include <Eigen/Core>
#include <cstdint>
#include <vector>

namespace core::manifold {

struct LabeledPoints {
    nn::Matrix points;                // size() x dims()
    std::vector<std::int32_t> labels; // size(), each 0 or 1

    std::int64_t size() const { return points.rows(); }
    int dims() const { return static_cast<int>(points.cols()); }
    // The engine's data set (shares nothing: a copy of the points).
    nn::Dataset dataset() const;
    // How many points carry each label (2 entries).
    std::vector<std::int64_t> classCounts() const;
};

// Per-coordinate minimum and maximum of rows x cols points (cols entries each); for an empty set,
// zeros.
struct BoundingBox {
    Eigen::VectorXd low;
    Eigen::VectorXd high;
};
BoundingBox boundingBox(nn::MatrixView points);

} // namespace core::manifold
