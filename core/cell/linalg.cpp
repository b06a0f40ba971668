#include "core/cell/linalg.h"

#include "core/cell/conversion.h"
#include "core/cell/denseproduct.h"
#include "core/cell/elementwise.h"
#include "core/cell/memorylimit.h"
#include "core/cell/pyerror.h"
#include "core/cell/resultbuffers.h"
#include "core/cell/shaperules.h"

#include <type_traits>

namespace core::cell {

namespace {

// C (rows x cols) = A (rows x inner, row stride lda) * B (inner x cols, row stride ldb), written
// with row stride ldc. Floats through Eigen (denseproduct.h); integers wrap as NumPy's C loops do.
template<class T>
void gemm(const T *A, std::int64_t lda, const T *B, std::int64_t ldb, T *C, std::int64_t ldc,
          std::int64_t rows, std::int64_t inner, std::int64_t cols)
{
    if constexpr (std::is_floating_point_v<T>) {
        denseProduct<T>(A, lda, B, ldb, C, ldc, rows, inner, cols);
    } else if constexpr (std::is_same_v<T, bool>) {
        for (std::int64_t i = 0; i < rows; ++i)
            for (std::int64_t j = 0; j < cols; ++j) {
                bool acc = false;
                for (std::int64_t k = 0; k < inner && !acc; ++k)
                    acc = A[i * lda + k] && B[k * ldb + j];
                C[i * ldc + j] = acc;
            }
    } else {
        using U = std::make_unsigned_t<std::common_type_t<T, unsigned>>;
        for (std::int64_t i = 0; i < rows; ++i)
            for (std::int64_t j = 0; j < cols; ++j) {
                U acc = 0;
                for (std::int64_t k = 0; k < inner; ++k)
                    acc += static_cast<U>(A[i * lda + k]) * static_cast<U>(B[k * ldb + j]);
                C[i * ldc + j] = static_cast<T>(acc);
            }
    }
}

std::pair<Tensor, Tensor> prepare(const ArrayOperand &x, const ArrayOperand &y, DType &t)
{
    t = promoteTypes(x.array.dtype(), y.array.dtype());
    return {contiguousCopy(cast(x.array, t)), contiguousCopy(cast(y.array, t))};
}

} // namespace

Value dot(const Value &va, const Value &vb)
{
    const ArrayOperand x = toOperand(va), y = toOperand(vb);
    if (x.array.ndim() == 0 || y.array.ndim() == 0) return applyBinary(BinaryOp::Multiply, va, vb);
    const ShapeRule rule = dotShape(x.array.shape(), y.array.shape());
    if (!rule.ok()) raise("ValueError", rule.error);
    DType t;
    // Named, not a structured binding: clang 14 (the fuzzers' compiler) cannot capture those.
    const std::pair<Tensor, Tensor> ab = prepare(x, y, t);
    const Tensor &a = ab.first, &b = ab.second;
    Tensor out = newResult(t, *rule.shape);
    const std::int64_t inner = a.shape().back();
    const std::int64_t rows = shapeSize(Shape(a.shape().begin(), a.shape().end() - 1));
    visitDType(t, [&](auto tag) {
        using T = decltype(tag);
        const T *A = a.template data<T>();
        const T *B = b.template data<T>();
        T *C = out.template mutableData<T>();
        if (b.ndim() == 1) {
            gemm<T>(A, inner, B, 1, C, 1, rows, inner, 1);
            return;
        }
        // dot(a, b)[i, s, j] = sum_k a[i, k] * b[s, k, j]: one product per matrix of b's stack,
        // written into the columns s of the (rows, batches, cols) result.
        const std::int64_t cols = b.shape().back();
        const std::int64_t batches = shapeSize(Shape(b.shape().begin(), b.shape().end() - 2));
        for (std::int64_t s = 0; s < batches; ++s)
            gemm<T>(A, inner, B + s * inner * cols, cols, C + s * cols, batches * cols, rows, inner,
                    cols);
    });
    return arrayResult(std::move(out));
}

Value matmul(const Value &va, const Value &vb)
{
    const ArrayOperand x = toOperand(va), y = toOperand(vb);
    const ShapeRule rule = matmulShape(x.array.shape(), y.array.shape());
    if (!rule.ok()) raise("ValueError", rule.error);
    DType t;
    const std::pair<Tensor, Tensor> ab = prepare(x, y, t);
    const Tensor &a = ab.first, &b = ab.second;
    const Shape ma = a.ndim() == 1 ? Shape{1, a.shape()[0]} : a.shape();
    const Shape mb = b.ndim() == 1 ? Shape{b.shape()[0], 1} : b.shape();
    const std::int64_t n = ma[ma.size() - 2], k = ma.back(), m = mb.back();
    const Shape sa(ma.begin(), ma.end() - 2), sb(mb.begin(), mb.end() - 2);
    const Shape stack = *broadcastShapes(sa, sb).shape;
    Tensor out = newResult(t, *rule.shape);
    // Walk the broadcast stack; each operand's matrix index follows its own (broadcast) shape.
    auto matrixIndex = [&](const Shape &own, std::int64_t flat) {
        std::int64_t index = 0, scale = 1;
        for (std::size_t i = stack.size(); i-- > 0;) {
            const std::int64_t coord = flat % stack[i];
            flat /= stack[i];
            const std::size_t shift = stack.size() - own.size();
            if (i >= shift) {
                const std::int64_t d = own[i - shift];
                index += (d == 1 ? 0 : coord) * scale;
                scale *= d;
            }
        }
        return index;
    };
    const std::int64_t count = shapeSize(stack);
    visitDType(t, [&](auto tag) {
        using T = decltype(tag);
        const T *A = a.template data<T>();
        const T *B = b.template data<T>();
        T *C = out.template mutableData<T>();
        for (std::int64_t s = 0; s < count; ++s)
            gemm<T>(A + matrixIndex(sa, s) * n * k, k, B + matrixIndex(sb, s) * k * m, m,
                    C + s * n * m, m, n, k, m);
    });
    return arrayResult(std::move(out));
}

} // namespace core::cell
