#pragma once
// Eight-lane float vectors for the engine's kernels (internal header).
//
// Code inlined from the engine's headers into other translation units must not depend on whether
// the compiler fuses a multiply and an add on its own (-ffp-contract): GCC may keep any one copy
// of an inline function, so two copies that round differently would make results depend on the
// link order. Hence every multiply-add here is spelled out (fma, fms, fnma), and a product is
// never followed by a plain add or subtract.
//
// With AVX2 and FMA (the project machines build with -march=native) these are __m256 registers;
// otherwise a portable emulation with the same arithmetic: every multiply-add is fused (std::fma),
// every other operation is correctly rounded, so a kernel computes the same bits lane by lane
// whichever way it is compiled for one target. Tails are handled with masked loads and stores,
// never with separate scalar loops, so a value never depends on where a range happens to be cut.

#include <cmath>
#include <cstdint>

#if defined(__AVX2__) && defined(__FMA__)
#include <immintrin.h>
#define UNCRUMPLE_NN_AVX2 1
#else
#define UNCRUMPLE_NN_AVX2 0
#endif

namespace core::nn::simd {

inline constexpr int kLanes = 8;

#if UNCRUMPLE_NN_AVX2

struct Vec {
    __m256 v;
};

inline Vec zero()
{
    return {_mm256_setzero_ps()};
}
inline Vec set1(float x)
{
    return {_mm256_set1_ps(x)};
}
inline Vec load(const float *p)
{
    return {_mm256_loadu_ps(p)};
}
inline void store(float *p, Vec a)
{
    _mm256_storeu_ps(p, a.v);
}

// Lanes [0, n) active, n in [0, 8].
inline __m256i laneMask(int n)
{
    const __m256i lanes = _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7);
    return _mm256_cmpgt_epi32(_mm256_set1_epi32(n), lanes);
}
// Loads lanes [0, n) and zeroes the rest; memory past p + n is not touched.
inline Vec loadN(const float *p, int n)
{
    return n >= kLanes ? load(p) : Vec{_mm256_maskload_ps(p, laneMask(n))};
}
inline void storeN(float *p, Vec a, int n)
{
    if (n >= kLanes)
        store(p, a);
    else
        _mm256_maskstore_ps(p, laneMask(n), a.v);
}

inline Vec fma(Vec a, Vec b, Vec c)
{
    return {_mm256_fmadd_ps(a.v, b.v, c.v)};
}
// a · b - c and c - a · b, fused.
inline Vec fms(Vec a, Vec b, Vec c)
{
    return {_mm256_fmsub_ps(a.v, b.v, c.v)};
}
inline Vec fnma(Vec a, Vec b, Vec c)
{
    return {_mm256_fnmadd_ps(a.v, b.v, c.v)};
}
inline Vec add(Vec a, Vec b)
{
    return {_mm256_add_ps(a.v, b.v)};
}
inline Vec sub(Vec a, Vec b)
{
    return {_mm256_sub_ps(a.v, b.v)};
}
inline Vec mul(Vec a, Vec b)
{
    return {_mm256_mul_ps(a.v, b.v)};
}
inline Vec div(Vec a, Vec b)
{
    return {_mm256_div_ps(a.v, b.v)};
}
inline Vec sqrt(Vec a)
{
    return {_mm256_sqrt_ps(a.v)};
}
inline Vec max(Vec a, Vec b)
{
    return {_mm256_max_ps(a.v, b.v)};
}
// a > 0 ? b : +0 (the derivative of relu applied to b, given relu's output a).
inline Vec whereGreaterZero(Vec a, Vec b)
{
    return {_mm256_and_ps(_mm256_cmp_ps(a.v, _mm256_setzero_ps(), _CMP_GT_OQ), b.v)};
}

// Accumulates "some lane is NaN or infinite" (x - x is NaN exactly then).
struct FiniteCheck {
    __m256 bad = _mm256_setzero_ps();
    void add(Vec a)
    {
        const __m256 d = _mm256_sub_ps(a.v, a.v);
        bad = _mm256_or_ps(bad, _mm256_cmp_ps(d, d, _CMP_UNORD_Q));
    }
    // Only lanes [0, n) count: masked tails hold zeros that a rule may turn into 0/0.
    void addN(Vec a, int n)
    {
        const __m256 d = _mm256_sub_ps(a.v, a.v);
        const __m256 nan = _mm256_cmp_ps(d, d, _CMP_UNORD_Q);
        bad = _mm256_or_ps(bad, _mm256_and_ps(nan, _mm256_castsi256_ps(laneMask(n))));
    }
    bool any() const { return _mm256_movemask_ps(bad) != 0; }
};

#else

struct Vec {
    float x[kLanes];
};

inline Vec zero()
{
    return Vec{};
}
inline Vec set1(float v)
{
    Vec r;
    for (float &e : r.x)
        e = v;
    return r;
}
inline Vec loadN(const float *p, int n)
{
    Vec r{};
    for (int i = 0; i < n && i < kLanes; ++i)
        r.x[i] = p[i];
    return r;
}
inline Vec load(const float *p)
{
    return loadN(p, kLanes);
}
inline void storeN(float *p, Vec a, int n)
{
    for (int i = 0; i < n && i < kLanes; ++i)
        p[i] = a.x[i];
}
inline void store(float *p, Vec a)
{
    storeN(p, a, kLanes);
}

#define UNCRUMPLE_NN_LANEWISE(name, expr)                                                          \
    inline Vec name(Vec a, Vec b)                                                                  \
    {                                                                                              \
        Vec r;                                                                                     \
        for (int i = 0; i < kLanes; ++i)                                                           \
            r.x[i] = (expr);                                                                       \
        return r;                                                                                  \
    }
UNCRUMPLE_NN_LANEWISE(add, a.x[i] + b.x[i])
UNCRUMPLE_NN_LANEWISE(sub, a.x[i] - b.x[i])
UNCRUMPLE_NN_LANEWISE(mul, a.x[i] * b.x[i])
UNCRUMPLE_NN_LANEWISE(div, a.x[i] / b.x[i])
// Like maxps: the second operand when either is NaN or both are zero.
UNCRUMPLE_NN_LANEWISE(max, a.x[i] > b.x[i] ? a.x[i] : b.x[i])
UNCRUMPLE_NN_LANEWISE(whereGreaterZero, a.x[i] > 0.0f ? b.x[i] : 0.0f)
#undef UNCRUMPLE_NN_LANEWISE

inline Vec fma(Vec a, Vec b, Vec c)
{
    Vec r;
    for (int i = 0; i < kLanes; ++i)
        r.x[i] = std::fma(a.x[i], b.x[i], c.x[i]);
    return r;
}
inline Vec fms(Vec a, Vec b, Vec c)
{
    Vec r;
    for (int i = 0; i < kLanes; ++i)
        r.x[i] = std::fma(a.x[i], b.x[i], -c.x[i]);
    return r;
}
inline Vec fnma(Vec a, Vec b, Vec c)
{
    Vec r;
    for (int i = 0; i < kLanes; ++i)
        r.x[i] = std::fma(-a.x[i], b.x[i], c.x[i]);
    return r;
}
inline Vec sqrt(Vec a)
{
    Vec r;
    for (int i = 0; i < kLanes; ++i)
        r.x[i] = std::sqrt(a.x[i]);
    return r;
}

struct FiniteCheck {
    bool bad = false;
    void add(Vec a) { addN(a, kLanes); }
    void addN(Vec a, int n)
    {
        for (int i = 0; i < n && i < kLanes; ++i)
            bad = bad || !std::isfinite(a.x[i]);
    }
    bool any() const { return bad; }
};

#endif

} // namespace core::nn::simd
