#pragma once
// NumPy's legacy random generator (np.random.seed, np.random.random): MT19937 seeded by
// init_genrand, and doubles made from two 32-bit draws as random_standard_uniform does
// ((a >> 5) * 2^26 + (b >> 6)) / 2^53, so a seeded cell gives NumPy's numbers.

#include <array>
#include <cstdint>

namespace core::cell {

class Mt19937 {
public:
    explicit Mt19937(std::uint32_t seed = 5489u) { seed32(seed); }
    void seed32(std::uint32_t seed);
    std::uint32_t next32();
    double nextDouble();

private:
    void generate();
    std::array<std::uint32_t, 624> m_key{};
    int m_pos = 624;
};

} // namespace core::cell
