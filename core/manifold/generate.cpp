#include "core/manifold/generate.h"

#include "core/errors.h"
#include "core/manifold/planar.h"
#include "core/manifold/sheets.h"
#include "core/manifold/solids.h"

#include <cmath>
#include <sstream>
#include <string>

namespace core::manifold {

namespace {

std::string number(double v)
{
    std::ostringstream s;
    s << v;
    return s.str();
}

} // namespace

void GeneratorOptions::validate() const
{
    if (points < kMinPoints || points > kMaxPoints)
        throw ValueError("points must be from " + std::to_string(kMinPoints) + " to " +
                         std::to_string(kMaxPoints) + ", got " + std::to_string(points));
    if (!std::isfinite(noise) || noise > kMaxNoise)
        throw ValueError("noise must be from 0 to " + number(kMaxNoise) + ", got " + number(noise));
    if (!std::isfinite(crumple) || crumple < 0.0 || crumple > kMaxCrumple)
        throw ValueError("crumple must be from 0 to " + number(kMaxCrumple) + ", got " +
                         number(crumple));
}

LabeledPoints generate(const GeneratorOptions &options)
{
    options.validate();
    const int n = options.points;
    const double noise = options.effectiveNoise();
    const std::uint64_t seed = options.seed;
    switch (options.kind) {
    case DataKind::Sheets:
        return crumpledSheets(n, noise, options.crumple, seed);
    case DataKind::Helices:
        return twoHelices(n, noise, seed);
    case DataKind::Spheres:
        return nestedSpheres(n, noise, seed);
    case DataKind::Spirals:
        return twoSpirals(n, noise, seed);
    case DataKind::Moons:
        return twoMoons(n, noise, seed);
    case DataKind::Circles:
        return twoCircles(n, noise, seed);
    case DataKind::Xor:
        break;
    }
    return xorQuadrants(n, noise, seed);
}

} // namespace core::manifold
