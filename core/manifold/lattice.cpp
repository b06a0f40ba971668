#include "core/manifold/lattice.h"

#include "core/errors.h"

#include <string>

namespace core::manifold {

Lattice makeLattice(const BoundingBox &box, int knots, int samplesPerLine, double margin)
{
    const int dims = static_cast<int>(box.low.size());
    if (dims != 2 && dims != 3)
        throw ValueError("a lattice needs a 2D or 3D box, got " + std::to_string(dims) + "D");
    if (knots < 2 || knots > 64)
        throw ValueError("a lattice needs 2 to 64 knots per axis, got " + std::to_string(knots));
    if (samplesPerLine < 2 || samplesPerLine > 1024)
        throw ValueError("a lattice line needs 2 to 1024 samples, got " +
                         std::to_string(samplesPerLine));
    Eigen::VectorXd low = box.low, high = box.high;
    for (int a = 0; a < dims; ++a) {
        const double grow = margin * (high(a) - low(a));
        low(a) -= grow;
        high(a) += grow;
    }
    auto at = [&](int axis, double f) { return low(axis) + f * (high(axis) - low(axis)); };
    // Lines along each axis, through every knot of the other axes.
    const int perAxis = dims == 3 ? knots * knots : knots;
    Lattice lattice;
    lattice.lineCount = dims * perAxis;
    lattice.samplesPerLine = samplesPerLine;
    lattice.vertices =
        nn::Matrix(static_cast<std::int64_t>(lattice.lineCount) * samplesPerLine, dims);
    std::int64_t row = 0;
    for (int axis = 0; axis < dims; ++axis)
        for (int k = 0; k < perAxis; ++k) {
            const int other1 = (axis + 1) % dims, other2 = (axis + 2) % dims;
            const double f1 = static_cast<double>(k % knots) / (knots - 1);
            const double f2 = static_cast<double>(k / knots) / (knots - 1);
            for (int p = 0; p < samplesPerLine; ++p, ++row) {
                float *v = lattice.vertices.row(row);
                v[axis] =
                    static_cast<float>(at(axis, static_cast<double>(p) / (samplesPerLine - 1)));
                v[other1] = static_cast<float>(at(other1, f1));
                if (dims == 3) v[other2] = static_cast<float>(at(other2, f2));
            }
        }
    return lattice;
}

} // namespace core::manifold
