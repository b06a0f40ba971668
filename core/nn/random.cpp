#include "core/nn/random.h"

#include <utility>

namespace core::nn {

namespace {

__extension__ typedef unsigned __int128 U128;

std::uint64_t splitMix64(std::uint64_t &x)
{
    std::uint64_t z = (x += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

std::uint64_t rotl(std::uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

} // namespace

Random::Random(std::uint64_t seed)
{
    for (auto &s : m_s)
        s = splitMix64(seed);
}

std::uint64_t Random::next()
{
    const std::uint64_t result = rotl(m_s[1] * 5, 7) * 9;
    const std::uint64_t t = m_s[1] << 17;
    m_s[2] ^= m_s[0];
    m_s[3] ^= m_s[1];
    m_s[1] ^= m_s[2];
    m_s[0] ^= m_s[3];
    m_s[2] ^= t;
    m_s[3] = rotl(m_s[3], 45);
    return result;
}

float Random::uniform01()
{
    return static_cast<float>(next() >> 40) * 0x1.0p-24f;
}

float Random::uniform(float low, float high)
{
    return low + (high - low) * uniform01();
}

std::uint64_t Random::below(std::uint64_t n)
{
    // Lemire, "Fast random integer generation in an interval", ACM TOMACS 2019.
    U128 m = static_cast<U128>(next()) * n;
    auto low = static_cast<std::uint64_t>(m);
    if (low < n) {
        const std::uint64_t threshold = (0 - n) % n;
        while (low < threshold) {
            m = static_cast<U128>(next()) * n;
            low = static_cast<std::uint64_t>(m);
        }
    }
    return static_cast<std::uint64_t>(m >> 64);
}

void Random::shuffle(std::span<std::int32_t> values)
{
    for (std::size_t i = values.size(); i > 1; --i)
        std::swap(values[i - 1], values[below(i)]);
}

} // namespace core::nn
