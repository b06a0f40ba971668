#pragma once
// A chain of transforms and its animation timeline.
//
// Each step animates in up to three phases, one after the other: its linear part (identity -> W),
// then its shift (0 -> b), then its ReLU (x -> max(x, 0)). The timeline runs t from 0 (nothing
// applied) to phaseCount() (everything applied); phase i covers [i, i + 1]. At any t the chain
// reduces to a list of stages, each x -> mix(W·x + b, max(W·x + b, 0), relu), which the CPU (for
// the grid and the vectors) and the GPU (for the point cloud) evaluate the same way.

#include "core/geometry/transform.h"

#include <vector>

namespace core::geometry {

using Chain = std::vector<Transform>;

enum class PhaseKind { Linear, Shift, Relu };

struct Phase {
    int step = 0; // index into the chain
    PhaseKind kind = PhaseKind::Linear;
};

struct Stage {
    Eigen::Matrix2d W = Eigen::Matrix2d::Identity();
    Eigen::Vector2d b = Eigen::Vector2d::Zero();
    double relu = 0.0; // 0: no ReLU, 1: full ReLU, in between: points on their way to the axes
};

using Stages = std::vector<Stage>;

// The phases of a chain in play order.
std::vector<Phase> phases(const Chain &chain);
int phaseCount(const Chain &chain);
// "linear part", "shift", "ReLU".
const char *phaseName(PhaseKind kind);

// The chain frozen at time t (clamped to [0, phaseCount]). eased = true runs each phase through
// easeInOut, as the animation does; false is the plain linear parameter.
Stages stagesAt(const Chain &chain, double t, bool eased = true);
// The whole chain, every phase complete.
Stages fullStages(const Chain &chain);

// One point through the stages. clamped (optional) is set when a ReLU stage with relu > 0 met a
// negative coordinate, i.e. the point is folded (or folding) onto an axis.
Eigen::Vector2d applyStages(const Stages &stages, const Eigen::Vector2d &x,
                            bool *clamped = nullptr);

// The product of the linear parts of the stages, last stage leftmost: det of it is how the chain
// scales areas when no ReLU folds anything.
Eigen::Matrix2d linearPart(const Stages &stages);

// The chain as one affine map, ReLUs ignored: the product of its matrices.
Affine2 composeAffine(const Chain &chain);
bool hasRelu(const Chain &chain);

} // namespace core::geometry
