#pragma once
// The engine's seeded random numbers: xoshiro256** (Blackman & Vigna, "Scrambled linear
// pseudorandom number generators", ACM TOMS 2021), seeded through SplitMix64. Its output is
// specified bit for bit, unlike std::uniform_real_distribution, so a seed gives the same initial
// weights and the same shuffles with every compiler and standard library.

#include <cstdint>
#include <span>

namespace core::nn {

class Random {
public:
    explicit Random(std::uint64_t seed = 0);

    std::uint64_t next();
    // Uniform in [0, 1) with 24 random bits (every float32 step of 2^-24).
    float uniform01();
    // Uniform in [low, high).
    float uniform(float low, float high);
    // Uniform integer in [0, n), n > 0, without modulo bias (Lemire's method).
    std::uint64_t below(std::uint64_t n);
    // Fisher-Yates shuffle.
    void shuffle(std::span<std::int32_t> values);

private:
    std::uint64_t m_s[4];
};

} // namespace core::nn
