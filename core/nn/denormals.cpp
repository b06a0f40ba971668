#include "core/nn/denormals.h"

#if defined(__SSE__)
#include <xmmintrin.h>
#endif

namespace core::nn {

#if defined(__SSE__)
namespace {
constexpr unsigned kFlushToZero = 0x8000;      // MXCSR.FTZ: denormal results become 0
constexpr unsigned kDenormalsAreZero = 0x0040; // MXCSR.DAZ: denormal inputs read as 0
} // namespace

FlushDenormals::FlushDenormals() : m_saved(_mm_getcsr())
{
    _mm_setcsr(m_saved | kFlushToZero | kDenormalsAreZero);
}

FlushDenormals::~FlushDenormals()
{
    _mm_setcsr(m_saved);
}
#else
// Elsewhere the arithmetic stays IEEE: slower with denormals, the same results to a few ulps.
FlushDenormals::FlushDenormals() = default;
FlushDenormals::~FlushDenormals() = default;
#endif

} // namespace core::nn
