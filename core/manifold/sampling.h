#pragma once
// Seeded draws for the generators, on core::nn::Random (xoshiro256**, specified bit for bit), so a
// seed gives the same points with every compiler and standard library (std::normal_distribution
// is implementation-defined).

#include "core/nn/matrix.h"
#include "core/nn/random.h"

namespace core::manifold {

// Uniform in [0, 1) with 53 random bits.
double uniform(nn::Random &random);
// Uniform in [low, high).
double uniform(nn::Random &random, double low, double high);
// Standard normal (Box-Muller; one draw of two uniforms per value, the second value discarded, so
// that every point takes the same number of draws).
double gaussian(nn::Random &random);
// Adds N(0, sigma²) to every coordinate, row by row (nothing for sigma = 0).
void addNoise(nn::Matrix &points, double sigma, nn::Random &random);

} // namespace core::manifold
