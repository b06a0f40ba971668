#include "core/nn/kernels.h"

#include "core/nn/simd.h"

#include <algorithm>

namespace core::nn::kernels {

using namespace simd;

namespace {

// A tile of MR rows by up to 16 columns (two vectors) of C: 2 * MR accumulators in registers.
template<int MR, bool Full>
void gemmTile(std::int64_t k, const float *a, std::int64_t aRow, std::int64_t aCol, const float *b,
              std::int64_t ldb, float *c, std::int64_t ldc, int cols, bool accumulate)
{
    const int n0 = std::min(cols, kLanes);
    const int n1 = std::max(cols - kLanes, 0);
    Vec lo[MR], hi[MR];
    for (int i = 0; i < MR; ++i) {
        lo[i] = accumulate ? loadN(c + i * ldc, n0) : zero();
        hi[i] = accumulate ? loadN(c + i * ldc + kLanes, n1) : zero();
    }
    for (std::int64_t p = 0; p < k; ++p) {
        const float *bp = b + p * ldb;
        const Vec b0 = Full ? load(bp) : loadN(bp, n0);
        const Vec b1 = Full ? load(bp + kLanes) : loadN(bp + kLanes, n1);
        const float *ap = a + p * aCol;
        for (int i = 0; i < MR; ++i) {
            const Vec ai = set1(ap[i * aRow]);
            lo[i] = fma(ai, b0, lo[i]);
            hi[i] = fma(ai, b1, hi[i]);
        }
    }
    for (int i = 0; i < MR; ++i) {
        storeN(c + i * ldc, lo[i], n0);
        if (n1 > 0) storeN(c + i * ldc + kLanes, hi[i], n1);
    }
}

template<bool Full>
void gemmColumnPanel(std::int64_t m, std::int64_t k, const float *a, std::int64_t aRow,
                     std::int64_t aCol, const float *b, std::int64_t ldb, float *c,
                     std::int64_t ldc, int cols, bool accumulate)
{
    constexpr int kRows = 6;
    std::int64_t i = 0;
    for (; i + kRows <= m; i += kRows)
        gemmTile<kRows, Full>(k, a + i * aRow, aRow, aCol, b, ldb, c + i * ldc, ldc, cols,
                              accumulate);
    const float *ai = a + i * aRow;
    float *ci = c + i * ldc;
    switch (m - i) {
    case 5:
        gemmTile<5, Full>(k, ai, aRow, aCol, b, ldb, ci, ldc, cols, accumulate);
        break;
    case 4:
        gemmTile<4, Full>(k, ai, aRow, aCol, b, ldb, ci, ldc, cols, accumulate);
        break;
    case 3:
        gemmTile<3, Full>(k, ai, aRow, aCol, b, ldb, ci, ldc, cols, accumulate);
        break;
    case 2:
        gemmTile<2, Full>(k, ai, aRow, aCol, b, ldb, ci, ldc, cols, accumulate);
        break;
    case 1:
        gemmTile<1, Full>(k, ai, aRow, aCol, b, ldb, ci, ldc, cols, accumulate);
        break;
    default:
        break;
    }
}

// NV vectors of accumulators (8 * NV columns); the last vector has lastLanes active lanes.
template<int NV>
void sparseBlock(const SparseSpan *spans, int spanCount, const float *b, std::int64_t ldb,
                 int lastLanes, float *out)
{
    Vec acc[NV];
    sparseAccumulate<NV>(spans, spanCount, b, ldb, lastLanes, acc);
    for (int v = 0; v + 1 < NV; ++v)
        store(out + v * kLanes, acc[v]);
    storeN(out + (NV - 1) * kLanes, acc[NV - 1], lastLanes);
}

} // namespace

void gemm(std::int64_t m, std::int64_t n, std::int64_t k, const float *a, std::int64_t aRow,
          std::int64_t aCol, const float *b, std::int64_t ldb, float *c, std::int64_t ldc,
          bool accumulate)
{
    constexpr int kCols = 2 * kLanes;
    for (std::int64_t j = 0; j < n; j += kCols) {
        const int cols = static_cast<int>(std::min<std::int64_t>(kCols, n - j));
        if (cols == kCols)
            gemmColumnPanel<true>(m, k, a, aRow, aCol, b + j, ldb, c + j, ldc, cols, accumulate);
        else
            gemmColumnPanel<false>(m, k, a, aRow, aCol, b + j, ldb, c + j, ldc, cols, accumulate);
    }
}

void sparseTimesDense(const SparseSpan *spans, int spanCount, const float *b, std::int64_t ldb,
                      std::int64_t n, float *out)
{
    constexpr int kMaxVectors = 8;
    for (std::int64_t j = 0; j < n; j += kMaxVectors * kLanes) {
        const std::int64_t cols = std::min<std::int64_t>(kMaxVectors * kLanes, n - j);
        const int vectors = static_cast<int>((cols + kLanes - 1) / kLanes);
        const int last = static_cast<int>(cols - (vectors - 1) * kLanes);
        const float *bj = b + j;
        float *oj = out + j;
        switch (vectors) {
        case 8:
            sparseBlock<8>(spans, spanCount, bj, ldb, last, oj);
            break;
        case 7:
            sparseBlock<7>(spans, spanCount, bj, ldb, last, oj);
            break;
        case 6:
            sparseBlock<6>(spans, spanCount, bj, ldb, last, oj);
            break;
        case 5:
            sparseBlock<5>(spans, spanCount, bj, ldb, last, oj);
            break;
        case 4:
            sparseBlock<4>(spans, spanCount, bj, ldb, last, oj);
            break;
        case 3:
            sparseBlock<3>(spans, spanCount, bj, ldb, last, oj);
            break;
        case 2:
            sparseBlock<2>(spans, spanCount, bj, ldb, last, oj);
            break;
        default:
            sparseBlock<1>(spans, spanCount, bj, ldb, last, oj);
            break;
        }
    }
}

void columnSums(const float *d, std::int64_t rows, std::int64_t ldd, std::int64_t n, float *out)
{
    for (std::int64_t j = 0; j < n; j += kLanes) {
        const int lanes = static_cast<int>(std::min<std::int64_t>(kLanes, n - j));
        Vec s = zero();
        for (std::int64_t i = 0; i < rows; ++i)
            s = add(s, loadN(d + i * ldd + j, lanes));
        storeN(out + j, s, lanes);
    }
}

void transpose(const float *src, std::int64_t rows, std::int64_t cols, std::int64_t ldSrc,
               float *dst, std::int64_t ldDst)
{
    for (std::int64_t i = 0; i < rows; ++i)
        for (std::int64_t j = 0; j < cols; ++j)
            dst[j * ldDst + i] = src[i * ldSrc + j];
}

} // namespace core::nn::kernels
