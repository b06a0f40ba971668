#include "core/manifold/sheets.h"

#include "core/manifold/crumplewarp.h"
#include "core/manifold/sampling.h"

namespace core::manifold {

LabeledPoints crumpledSheets(int points, double noise, double crumple, std::uint64_t seed)
{
    const CrumpleWarp warp(crumple, seed);
    nn::Random random(seed);
    LabeledPoints out{nn::Matrix(points, 3), std::vector<std::int32_t>(points)};
    for (int i = 0; i < points; ++i) {
        const int label = i % 2;
        const double x = uniform(random, -1.0, 1.0), y = uniform(random, -1.0, 1.0);
        const Eigen::Vector3d p = warp.apply({x, y, label == 1 ? kSheetHalfGap : -kSheetHalfGap});
        for (int j = 0; j < 3; ++j)
            out.points(i, j) = static_cast<float>(p(j));
        out.labels[static_cast<std::size_t>(i)] = label;
    }
    addNoise(out.points, noise, random);
    return out;
}

} // namespace core::manifold
