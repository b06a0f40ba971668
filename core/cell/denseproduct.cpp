#include "core/cell/denseproduct.h"

#include "core/cell/parallel.h"

#include <Eigen/Core>
#include <algorithm>
#include <vector>

namespace core::cell {

namespace {

using Index = Eigen::Index;
template<class T> using Mat = Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using Stride = Eigen::OuterStride<>;

// A large product's bands: at least 64 rows, at most 8 bands. More bands than threads, so that a
// thread the machine preempts holds up only a small part of the product.
constexpr std::int64_t kBandRows = 64;
constexpr std::int64_t kMaxBands = 8;
// Packing buffers larger than this (huge products) are left to Eigen to allocate.
constexpr std::size_t kMaxScratchBytes = std::size_t{16} << 20;

// The blocking Eigen's own product of a row-major result uses (Eigen 3.4's GeneralProduct.h),
// with this thread's packing buffers instead of fresh ones.
template<class T>
class ScratchBlocking
    : public Eigen::internal::gemm_blocking_space<Eigen::RowMajor, T, T, Eigen::Dynamic,
                                                  Eigen::Dynamic, Eigen::Dynamic> {
    using Base = Eigen::internal::gemm_blocking_space<Eigen::RowMajor, T, T, Eigen::Dynamic,
                                                      Eigen::Dynamic, Eigen::Dynamic>;

public:
    ScratchBlocking(Index rows, Index cols, Index depth) : Base(rows, cols, depth, 1, true)
    {
        thread_local std::vector<T, Eigen::aligned_allocator<T>> a, b;
        const auto sizeA = static_cast<std::size_t>(this->mc() * this->kc());
        const auto sizeB = static_cast<std::size_t>(this->kc() * this->nc());
        if ((sizeA + sizeB) * sizeof(T) > kMaxScratchBytes) return;
        if (a.size() < sizeA) a.resize(sizeA);
        if (b.size() < sizeB) b.resize(sizeB);
        this->m_blockA = a.data();
        this->m_blockB = b.data();
    }
    // The buffers are not Eigen's to free.
    ~ScratchBlocking()
    {
        this->m_blockA = nullptr;
        this->m_blockB = nullptr;
    }
    ScratchBlocking(const ScratchBlocking &) = delete;
    ScratchBlocking &operator=(const ScratchBlocking &) = delete;
};

// C = A * B by Eigen's GEMM itself (what c.noalias() = a * b runs for these shapes).
template<class T>
void gemmBand(const T *A, Index lda, const T *B, Index ldb, T *C, Index ldc, Index rows,
              Index inner, Index cols)
{
    using Gemm =
        Eigen::internal::general_matrix_matrix_product<Index, T, Eigen::RowMajor, false, T,
                                                       Eigen::RowMajor, false, Eigen::RowMajor, 1>;
    for (Index i = 0; i < rows; ++i)
        std::fill(C + i * ldc, C + i * ldc + cols, T(0));
    ScratchBlocking<T> blocking(rows, cols, inner);
    Gemm::run(rows, cols, inner, A, lda, B, ldb, C, 1, ldc, T(1), blocking);
}

} // namespace

template<class T>
void denseProduct(const T *A, std::int64_t lda, const T *B, std::int64_t ldb, T *C,
                  std::int64_t ldc, std::int64_t rows, std::int64_t inner, std::int64_t cols)
{
    if (rows == 0 || cols == 0) return;
    Eigen::Map<Mat<T>, 0, Stride> c(C, rows, cols, Stride(ldc));
    if (inner == 0) {
        c.setZero();
        return;
    }
    // Small products and matrix-vector ones stay Eigen's whole (its lazy and GEMV paths).
    if (rows < 2 || cols < 2 || rows * inner * cols < kParallelMinElements * 64) {
        Eigen::Map<const Mat<T>, 0, Stride> a(A, rows, inner, Stride(lda));
        Eigen::Map<const Mat<T>, 0, Stride> b(B, inner, cols, Stride(ldb));
        c.noalias() = a * b;
        return;
    }
    const std::int64_t bandRows = std::max(
        kBandRows, ((rows + kMaxBands - 1) / kMaxBands + kBandRows - 1) / kBandRows * kBandRows);
    const std::int64_t bands = (rows + bandRows - 1) / bandRows;
    parallelChunks(bands, [&](std::int64_t band) {
        const std::int64_t i0 = band * bandRows, i1 = std::min(rows, i0 + bandRows);
        gemmBand<T>(A + i0 * lda, lda, B, ldb, C + i0 * ldc, ldc, i1 - i0, inner, cols);
    });
}

template void denseProduct<float>(const float *, std::int64_t, const float *, std::int64_t, float *,
                                  std::int64_t, std::int64_t, std::int64_t, std::int64_t);
template void denseProduct<double>(const double *, std::int64_t, const double *, std::int64_t,
                                   double *, std::int64_t, std::int64_t, std::int64_t,
                                   std::int64_t);

} // namespace core::cell
