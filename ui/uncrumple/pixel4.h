#pragma once
// Blending one pixel's four channels at once for the CPU drawing of the 3D view (the points,
// pointsplatter.h, and the lattice, linesplatter.h): SSE2 where there is SSE2 (every x86-64), plain
// floats elsewhere, the same arithmetic.

#include <algorithm>
#include <cmath>
#include <cstdint>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace ui::pixel4 {

// Four float lanes (r, g, b, a) of a pixel.
#if defined(__SSE2__)
using Pixel4 = __m128;
inline Pixel4 set4(float r, float g, float b, float a)
{
    return _mm_setr_ps(r, g, b, a);
}
inline Pixel4 splat4(float v)
{
    return _mm_set1_ps(v);
}
inline Pixel4 add4(Pixel4 a, Pixel4 b)
{
    return _mm_add_ps(a, b);
}
inline Pixel4 mul4(Pixel4 a, Pixel4 b)
{
    return _mm_mul_ps(a, b);
}
inline Pixel4 min4(Pixel4 a, Pixel4 b)
{
    return _mm_min_ps(a, b);
}
// source over the RGBA bytes under it, with coverage a: source * a + under * (1 - a).
inline std::uint32_t blend4(Pixel4 source, std::uint32_t under, float a)
{
    const __m128i zero = _mm_setzero_si128();
    __m128i u = _mm_cvtsi32_si128(static_cast<int>(under));
    u = _mm_unpacklo_epi16(_mm_unpacklo_epi8(u, zero), zero);
    const Pixel4 out = add4(mul4(source, splat4(a)), mul4(_mm_cvtepi32_ps(u), splat4(1.0f - a)));
    __m128i bytes = _mm_cvtps_epi32(out); // rounded to nearest
    bytes = _mm_packs_epi32(bytes, bytes);
    return static_cast<std::uint32_t>(_mm_cvtsi128_si32(_mm_packus_epi16(bytes, bytes)));
}
#else
struct Pixel4 {
    float v[4];
};
inline Pixel4 set4(float r, float g, float b, float a)
{
    return {{r, g, b, a}};
}
inline Pixel4 splat4(float x)
{
    return {{x, x, x, x}};
}
template<typename F> inline Pixel4 lanes(Pixel4 a, Pixel4 b, F f)
{
    for (int c = 0; c < 4; ++c)
        a.v[c] = f(a.v[c], b.v[c]);
    return a;
}
inline Pixel4 add4(Pixel4 a, Pixel4 b)
{
    return lanes(a, b, [](float x, float y) { return x + y; });
}
inline Pixel4 mul4(Pixel4 a, Pixel4 b)
{
    return lanes(a, b, [](float x, float y) { return x * y; });
}
inline Pixel4 min4(Pixel4 a, Pixel4 b)
{
    return lanes(a, b, [](float x, float y) { return std::min(x, y); });
}
inline std::uint32_t blend4(Pixel4 source, std::uint32_t under, float a)
{
    std::uint32_t out = 0;
    for (int c = 0; c < 4; ++c) {
        const float below = static_cast<float>((under >> (8 * c)) & 0xffu);
        const float v = std::clamp(source.v[c] * a + below * (1.0f - a), 0.0f, 255.0f);
        out |= static_cast<std::uint32_t>(std::lround(v)) << (8 * c);
    }
    return out;
}
#endif

} // namespace ui::pixel4
