#pragma once
// The engine's compute kernels (internal header): dense and sparse matrix products.
//
// Every output element is one chain of fused multiply-adds over the summation index in increasing
// order, starting from +0 (or from the output when accumulating). So a result does not depend on
// how the rows and columns are cut into tiles or shared between threads, and a sparse product gives
// the same bits as the dense product over the same values: a skipped zero would only have added
// 0 · b, which leaves a finite sum unchanged.

#include "core/nn/simd.h"

#include <cstdint>

namespace core::nn::kernels {

// C (m x n) = A (m x k) · B (k x n), or C += A · B when accumulate.
// A(i, p) = a[i * aRow + p * aCol]: (lda, 1) reads a row-major A, (1, lda) reads Aᵀ of a row-major
// k x m matrix. B and C are row-major with leading dimensions ldb and ldc.
void gemm(std::int64_t m, std::int64_t n, std::int64_t k, const float *a, std::int64_t aRow,
          std::int64_t aCol, const float *b, std::int64_t ldb, float *c, std::int64_t ldc,
          bool accumulate);

// count pairs (index, value) of a sparse vector, indices ascending.
struct SparseSpan {
    const std::uint32_t *index = nullptr;
    const float *value = nullptr;
    std::int64_t count = 0;
};

// out[0, n) = Σ over the spans in order, Σ over their entries e: value[e] · b[index[e] * ldb + j].
// One span is a sparse row of the left operand (a forward product X · W); several spans in sample
// order are one column of X split into pieces (a gradient product Xᵀ · D).
void sparseTimesDense(const SparseSpan *spans, int spanCount, const float *b, std::int64_t ldb,
                      std::int64_t n, float *out);

// The accumulation of sparseTimesDense for 8 * NV columns, the last vector with lastLanes lanes,
// left in registers (acc) for a kernel that consumes the sums directly.
template<int NV>
inline void sparseAccumulate(const SparseSpan *spans, int spanCount, const float *b,
                             std::int64_t ldb, int lastLanes, simd::Vec (&acc)[NV])
{
    using namespace simd;
    for (auto &v : acc)
        v = zero();
    for (int s = 0; s < spanCount; ++s) {
        const SparseSpan &span = spans[s];
        for (std::int64_t e = 0; e < span.count; ++e) {
            const Vec x = set1(span.value[e]);
            const float *row = b + static_cast<std::int64_t>(span.index[e]) * ldb;
            for (int v = 0; v + 1 < NV; ++v)
                acc[v] = fma(x, load(row + v * kLanes), acc[v]);
            acc[NV - 1] = fma(x, loadN(row + (NV - 1) * kLanes, lastLanes), acc[NV - 1]);
        }
    }
}

// out[j] = Σ_i d[i * ldd + j] for j in [0, n), summed over i = 0 .. rows-1 in order from +0.
void columnSums(const float *d, std::int64_t rows, std::int64_t ldd, std::int64_t n, float *out);

// dst (cols x rows, leading dimension ldDst) = srcᵀ for a rows x cols block src (ldSrc).
void transpose(const float *src, std::int64_t rows, std::int64_t cols, std::int64_t ldSrc,
               float *dst, std::int64_t ldDst);

} // namespace core::nn::kernels
