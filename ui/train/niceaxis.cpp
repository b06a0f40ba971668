#include "ui/train/niceaxis.h"

#include <algorithm>
#include <cmath>

namespace ui {

double niceStep(double span, int ticks)
{
    const double raw = std::max(span, 1e-12) / std::max(1, ticks);
    const double power = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 5.0})
        if (m * power >= raw * (1 - 1e-9)) return m * power;
    return 10.0 * power;
}

NiceRange niceRange(double min, double max, int ticks)
{
    if (!std::isfinite(min) || !std::isfinite(max)) return {};
    if (max <= min) max = min + (min == 0 ? 1.0 : std::fabs(min) * 0.1);
    NiceRange r;
    r.interval = niceStep(max - min, ticks);
    r.min = std::floor(min / r.interval + 1e-9) * r.interval;
    r.max = std::ceil(max / r.interval - 1e-9) * r.interval;
    // A span past the doubles' range, or below their precision at that size, has no round ticks.
    if (!std::isfinite(r.interval) || !(r.interval > 0) || !std::isfinite(r.min) ||
        !std::isfinite(r.max) || !(r.max > r.min) || !((r.max - r.min) / r.interval < 1e3))
        return {};
    return r;
}

} // namespace ui
