#pragma once
// Doubles to the floats GL and the cloud splatter work in. A double beyond float's range cannot be
// converted directly (undefined behaviour); clamping to ±1e30 keeps a line that runs off to a
// huge coordinate pointing the right way, and nothing that large is ever in view.

#include <algorithm>
#include <cmath>
#include <limits>

namespace ui {

inline float glFloat(double v)
{
    if (std::isnan(v)) return std::numeric_limits<float>::quiet_NaN();
    return static_cast<float>(std::clamp(v, -1e30, 1e30));
}

} // namespace ui
