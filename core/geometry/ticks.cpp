#include "core/geometry/ticks.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace core::geometry {

double niceStep(double rough)
{
    if (!(rough > 0.0) || !std::isfinite(rough)) return 1.0;
    const double power = std::pow(10.0, std::floor(std::log10(rough)));
    for (const double m : {1.0, 2.0, 5.0, 10.0}) {
        // A little slack so that 0.2 (stored as 0.2000000000000000111) still maps to 0.2.
        if (m * power >= rough * (1.0 - 1e-9)) return m * power;
    }
    return 10.0 * power;
}

std::vector<double> ticksBetween(double lo, double hi, double step, int maxCount)
{
    std::vector<double> out;
    if (!(step > 0.0) || !std::isfinite(lo) || !std::isfinite(hi) || hi < lo) return out;
    const double first = std::ceil(lo / step), last = std::floor(hi / step);
    // Past 2^53 a double cannot count by one (k + 1 == k): no ticks rather than an endless loop.
    if (!(last - first + 1 <= maxCount) || std::abs(first) > 0x1p52 || std::abs(last) > 0x1p52)
        return out;
    const auto count = static_cast<std::int64_t>(last - first) + 1;
    for (std::int64_t i = 0; i < count; ++i)
        out.push_back(roundToStep((first + static_cast<double>(i)) * step, step));
    return out;
}

double roundToStep(double v, double step)
{
    if (!(step > 0.0) || !std::isfinite(v)) return v;
    const double r = std::round(v / step) * step;
    // Multiplying back by a step like 0.1 leaves 0.30000000000000004; print-friendly rounding
    // to the step's own decimals removes it.
    const double decimals = std::max(0.0, -std::floor(std::log10(step)) + 1.0);
    const double scale = std::pow(10.0, decimals);
    const double clean = std::round(r * scale) / scale;
    return clean == 0.0 ? 0.0 : clean;
}

} // namespace core::geometry
