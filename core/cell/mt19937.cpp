#include "core/cell/mt19937.h"

namespace core::cell {

namespace {
constexpr int kN = 624;
constexpr int kM = 397;
constexpr std::uint32_t kMatrixA = 0x9908b0dfu;
constexpr std::uint32_t kUpper = 0x80000000u;
constexpr std::uint32_t kLower = 0x7fffffffu;
} // namespace

void Mt19937::seed32(std::uint32_t seed)
{
    for (int pos = 0; pos < kN; ++pos) {
        m_key[pos] = seed;
        seed = 1812433253u * (seed ^ (seed >> 30)) + static_cast<std::uint32_t>(pos) + 1u;
    }
    m_pos = kN;
}

void Mt19937::generate()
{
    int i = 0;
    std::uint32_t y;
    for (; i < kN - kM; ++i) {
        y = (m_key[i] & kUpper) | (m_key[i + 1] & kLower);
        m_key[i] = m_key[i + kM] ^ (y >> 1) ^ (-(y & 1u) & kMatrixA);
    }
    for (; i < kN - 1; ++i) {
        y = (m_key[i] & kUpper) | (m_key[i + 1] & kLower);
        m_key[i] = m_key[i + (kM - kN)] ^ (y >> 1) ^ (-(y & 1u) & kMatrixA);
    }
    y = (m_key[kN - 1] & kUpper) | (m_key[0] & kLower);
    m_key[kN - 1] = m_key[kM - 1] ^ (y >> 1) ^ (-(y & 1u) & kMatrixA);
    m_pos = 0;
}

std::uint32_t Mt19937::next32()
{
    if (m_pos == kN) generate();
    std::uint32_t y = m_key[m_pos++];
    y ^= (y >> 11);
    y ^= (y << 7) & 0x9d2c5680u;
    y ^= (y << 15) & 0xefc60000u;
    y ^= (y >> 18);
    return y;
}

double Mt19937::nextDouble()
{
    const std::int32_t a = static_cast<std::int32_t>(next32() >> 5);
    const std::int32_t b = static_cast<std::int32_t>(next32() >> 6);
    return (a * 67108864.0 + b) / 9007199254740992.0;
}

} // namespace core::cell
