#pragma once
// One entry point for every data set: generate({DataKind::Sheets, 2000, 0.02, 1.0, 7}).
// Deterministic: the same options give the same points bit for bit (core::nn::Random, a specified
// generator, not std::*_distribution), on every run and every thread. Half the points (rounded
// down) carry label 0 and the other half label 1; labels alternate 0, 1, 0, 1, ... (moons too).

#include "core/manifold/datakind.h"
#include "core/manifold/labeledpoints.h"

#include <cstdint>

namespace core::manifold {

inline constexpr int kMinPoints = 100;
inline constexpr int kMaxPoints = 50000;
inline constexpr double kMaxNoise = 1.0;
inline constexpr double kMaxCrumple = 2.0;

struct GeneratorOptions {
    DataKind kind = DataKind::Sheets;
    int points = 2000;   // kMinPoints to kMaxPoints
    double noise = -1.0; // Gaussian standard deviation in [0, kMaxNoise]; < 0: defaultNoise(kind)
    double crumple =
        1.0; // sheets only: 0 flat, 1 the default crumpling, kMaxCrumple badly crumpled
    std::uint64_t seed = 1;

    // Throws ValueError naming the first option out of range ("points must be from 100 to 50000,
    // got -5").
    void validate() const;
    double effectiveNoise() const { return noise < 0 ? defaultNoise(kind) : noise; }
};

LabeledPoints generate(const GeneratorOptions &options);

} // namespace core::manifold
