#pragma once
// The float products of np.dot and np.matmul: C (rows x cols) = A (rows x inner) * B (inner x
// cols), row-major with row strides lda, ldb, ldc, on Eigen's GEMM. A large product is cut into
// bands of rows of C that the pool's threads compute (parallel.h), each with packing buffers kept
// per thread: Eigen allocates them for every product, and glibc hands that memory back to the
// kernel, so every product paid about a megabyte of page faults.
//
// Bits: Eigen computes a row-major product as the transposed column-major one, so bands of rows
// are blocks of its columns. Band edges fall on multiples of 64 rows, where its kernels change
// neither packets nor path: every element is the same as from one product of the whole matrices.

#include <cstdint>

namespace core::cell {

template<class T>
void denseProduct(const T *A, std::int64_t lda, const T *B, std::int64_t ldb, T *C,
                  std::int64_t ldc, std::int64_t rows, std::int64_t inner, std::int64_t cols);

extern template void denseProduct<float>(const float *, std::int64_t, const float *, std::int64_t,
                                         float *, std::int64_t, std::int64_t, std::int64_t,
                                         std::int64_t);
extern template void denseProduct<double>(const double *, std::int64_t, const double *,
                                          std::int64_t, double *, std::int64_t, std::int64_t,
                                          std::int64_t, std::int64_t);

} // namespace core::cell
