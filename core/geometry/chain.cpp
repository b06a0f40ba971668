#include "core/geometry/chain.h"

#include "core/geometry/interpolation.h"

#include <algorithm>
#include <cmath>

namespace core::geometry {

std::vector<Phase> phases(const Chain &chain)
{
    std::vector<Phase> out;
    for (int i = 0; i < static_cast<int>(chain.size()); ++i) {
        const Transform &step = chain[static_cast<std::size_t>(i)];
        if (step.hasLinearPart()) out.push_back({i, PhaseKind::Linear});
        if (step.hasShift()) out.push_back({i, PhaseKind::Shift});
        if (step.hasRelu()) out.push_back({i, PhaseKind::Relu});
    }
    return out;
}

int phaseCount(const Chain &chain)
{
    return static_cast<int>(phases(chain).size());
}

const char *phaseName(PhaseKind kind)
{
    switch (kind) {
    case PhaseKind::Linear:
        return "linear part";
    case PhaseKind::Shift:
        return "shift";
    case PhaseKind::Relu:
        return "ReLU";
    }
    return "?";
}

Stages stagesAt(const Chain &chain, double t, bool eased)
{
    const std::vector<Phase> all = phases(chain);
    if (!std::isfinite(t)) t = 0.0;
    t = std::clamp(t, 0.0, static_cast<double>(all.size()));

    Stages stages;
    int current = -1; // the step the last stage belongs to
    for (std::size_t i = 0; i < all.size(); ++i) {
        const double begin = static_cast<double>(i);
        if (t <= begin) break;
        const double raw = std::min(1.0, t - begin);
        const double s = eased ? easeInOut(raw) : raw;
        const Phase &phase = all[i];
        const Transform &step = chain[static_cast<std::size_t>(phase.step)];
        if (phase.step != current) {
            current = phase.step;
            stages.push_back({});
        }
        Stage &stage = stages.back();
        switch (phase.kind) {
        case PhaseKind::Linear:
            stage.W = interpolateLinear(step, s);
            break;
        case PhaseKind::Shift:
            // At s = 1 exactly b, not a rounded product.
            stage.b = raw >= 1.0 ? step.affine().b : s * step.affine().b;
            break;
        case PhaseKind::Relu:
            stage.relu = s;
            break;
        }
    }
    return stages;
}

Stages fullStages(const Chain &chain)
{
    return stagesAt(chain, static_cast<double>(phaseCount(chain)), false);
}

Eigen::Vector2d applyStages(const Stages &stages, const Eigen::Vector2d &x, bool *clamped)
{
    Eigen::Vector2d y = x;
    bool folded = false;
    for (const Stage &stage : stages) {
        y = stage.W * y + stage.b;
        if (stage.relu > 0.0) {
            if (y.x() < 0.0 || y.y() < 0.0) folded = true;
            y = (1.0 - stage.relu) * y + stage.relu * y.cwiseMax(0.0);
        }
    }
    if (clamped) *clamped = folded;
    return y;
}

Eigen::Matrix2d linearPart(const Stages &stages)
{
    Eigen::Matrix2d m = Eigen::Matrix2d::Identity();
    for (const Stage &stage : stages)
        m = stage.W * m;
    return m;
}

Affine2 composeAffine(const Chain &chain)
{
    Affine2 total;
    for (const Transform &step : chain)
        total = step.affine().after(total);
    return total;
}

bool hasRelu(const Chain &chain)
{
    return std::any_of(chain.begin(), chain.end(), [](const Transform &s) { return s.hasRelu(); });
}

} // namespace core::geometry
