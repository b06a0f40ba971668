#include "core/manifold/labeledpoints.h"

#include <algorithm>

namespace core::manifold {

nn::Dataset LabeledPoints::dataset() const
{
    nn::Matrix copy(points.rows(), points.cols());
    std::copy_n(points.data(), points.rows() * points.cols(), copy.data());
    return nn::Dataset::fromMatrix(std::move(copy), labels);
}

std::vector<std::int64_t> LabeledPoints::classCounts() const
{
    std::vector<std::int64_t> counts(2, 0);
    for (std::int32_t l : labels)
        if (l >= 0 && l < 2) ++counts[static_cast<std::size_t>(l)];
    return counts;
}

BoundingBox boundingBox(nn::MatrixView points)
{
    BoundingBox box{Eigen::VectorXd::Zero(points.cols), Eigen::VectorXd::Zero(points.cols)};
    for (std::int64_t i = 0; i < points.rows; ++i)
        for (std::int64_t j = 0; j < points.cols; ++j) {
            const double v = points(i, j);
            if (i == 0 || v < box.low(j)) box.low(j) = v;
            if (i == 0 || v > box.high(j)) box.high(j) = v;
        }
    return box;
}

} // namespace core::manifold
