#pragma once
// How the engine hands gradients to an optimizer's update rule (internal header).
//
// A rule (RmspropRule, SgdRule, AdamRule, GradientRule) updates parameters one vector at a time:
//   apply(offset, lanes, g, bad)    parameters [offset, offset + lanes) with gradient g, a register
//   applyZero(offset, lanes, bad)   the same for a zero gradient (a pixel no sample lit)
// so that a kernel can update weights straight from its accumulators, without storing the
// gradient. bad collects "a new weight is NaN or infinite".

#include "core/nn/simd.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>

namespace core::nn {

// Parameters [offset, offset + n) from the gradient array g (nullptr: all zeros). Returns true
// when a new weight is NaN or infinite.
template<class Rule>
bool applyRange(const Rule &rule, std::size_t offset, std::int64_t n, const float *g)
{
    simd::FiniteCheck bad;
    for (std::int64_t j = 0; j < n; j += simd::kLanes) {
        const int lanes = static_cast<int>(std::min<std::int64_t>(simd::kLanes, n - j));
        const std::size_t at = offset + static_cast<std::size_t>(j);
        if (g)
            rule.apply(at, lanes, simd::loadN(g + j, lanes), bad);
        else
            rule.applyZero(at, lanes, bad);
    }
    return bad.any();
}

} // namespace core::nn
