#include "core/cell/reduction.h"

#include "core/cell/conversion.h"
#include "core/cell/memorylimit.h"
#include "core/cell/parallel.h"
#include "core/cell/pyerror.h"

#include <algorithm>
#include <cmath>
#include <type_traits>
#include <vector>

namespace core::cell {

namespace {

// NumPy's @TYPE@_pairwise_sum (numpy/core/src/umath/loops_utils.h.src).
template<class T> T pairwiseSum(const T *a, std::int64_t n)
{
    if (n < 8) {
        T res = 0;
        for (std::int64_t i = 0; i < n; ++i)
            res += a[i];
        return res;
    }
    if (n <= 128) {
        T r[8];
        for (int j = 0; j < 8; ++j)
            r[j] = a[j];
        std::int64_t i = 8;
        for (; i < n - (n % 8); i += 8)
            for (int j = 0; j < 8; ++j)
                r[j] += a[i + j];
        T res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
        for (; i < n; ++i)
            res += a[i];
        return res;
    }
    std::int64_t n2 = n / 2;
    n2 -= n2 % 8;
    return pairwiseSum(a, n2) + pairwiseSum(a + n2, n - n2);
}

// The pairwise sum of one of NumPy's buffers, converted to A first.
template<class A, class T> A bufferSum(const T *p, std::int64_t len, std::vector<A> &scratch)
{
    if constexpr (std::is_same_v<A, T>) {
        return pairwiseSum<A>(p, len);
    } else {
        scratch.resize(static_cast<std::size_t>(len));
        for (std::int64_t i = 0; i < len; ++i)
            scratch[i] = static_cast<A>(p[i]);
        return pairwiseSum<A>(scratch.data(), len);
    }
}

// Adds the sums of a[0, n)'s 8192-element buffers to total, in order, as NumPy's reduction does.
// The buffers' sums are independent: for large n the threads compute them.
template<class A, class T> void addBufferSums(const T *a, std::int64_t n, A &total)
{
    constexpr std::int64_t kBuffer = 8192;
    std::vector<A> scratch;
    if (n < kParallelMinElements) {
        for (std::int64_t s = 0; s < n; s += kBuffer)
            total += bufferSum<A, T>(a + s, std::min(kBuffer, n - s), scratch);
        return;
    }
    const std::int64_t count = (n + kBuffer - 1) / kBuffer;
    std::vector<A> sums(static_cast<std::size_t>(count));
    const std::int64_t chunks = (count + 7) / 8;
    parallelChunks(chunks, [&](std::int64_t c) {
        std::vector<A> buf;
        for (std::int64_t k = c * count / chunks; k < (c + 1) * count / chunks; ++k)
            sums[k] = bufferSum<A, T>(a + k * kBuffer, std::min(kBuffer, n - k * kBuffer), buf);
    });
    for (A s : sums)
        total += s;
}

const char *opName(ReduceOp op)
{
    return op == ReduceOp::Max ? "maximum" : op == ReduceOp::Min ? "minimum" : "add";
}

DType resultDType(ReduceOp op, DType t)
{
    if (op == ReduceOp::Max || op == ReduceOp::Min) return t;
    if (op == ReduceOp::Mean) return isFloating(t) ? t : DType::Float64;
    if (isFloating(t)) return t;
    if (t == DType::Bool || isSigned(t)) return DType::Int64;
    return DType::UInt64;
}

// The reduction in accumulator type A over input type T.
template<class A, class T>
void run(ReduceOp op, const Tensor &in, const std::vector<bool> &reduced, A *out)
{
    const Shape &shape = in.shape();
    const int nd = in.ndim();
    const T *data = in.data<T>();
    // The trailing axes that are all reduced form contiguous blocks.
    int split = nd;
    while (split > 0 && reduced[split - 1])
        --split;
    std::int64_t block = 1;
    for (int i = split; i < nd; ++i)
        block *= shape[i];
    std::int64_t outer = 1;
    for (int i = 0; i < split; ++i)
        outer *= shape[i];
    const bool isMax = op == ReduceOp::Max, isMin = op == ReduceOp::Min;
    const bool sum = !isMax && !isMin;
    std::vector<bool> started;
    if (!sum) started.assign(static_cast<std::size_t>(outer == 0 ? 1 : outer), false);
    std::vector<std::int64_t> idx(split, 0);
    for (std::int64_t o = 0; o < outer; ++o) {
        // Output position: the row-major index over the kept axes.
        std::int64_t pos = 0;
        for (int i = 0; i < split; ++i)
            if (!reduced[i]) pos = pos * shape[i] + idx[i];
        const T *p = data + o * block;
        if (sum) {
            if constexpr (std::is_floating_point_v<A>) {
                // NumPy's reduction runs in buffers of 8192 elements, each summed pairwise and
                // added to the running total (also when no cast is needed).
                addBufferSums<A, T>(p, block, out[pos]);
                if (block == 0) out[pos] += A{0};
            } else {
                A acc = 0;
                for (std::int64_t k = 0; k < block; ++k)
                    acc = static_cast<A>(acc + static_cast<A>(p[k]));
                out[pos] = static_cast<A>(out[pos] + acc);
            }
        } else {
            for (std::int64_t k = 0; k < block; ++k) {
                const A v = static_cast<A>(p[k]);
                if (!started[pos]) {
                    out[pos] = v;
                    started[pos] = true;
                    continue;
                }
                const A cur = out[pos];
                if constexpr (std::is_floating_point_v<A>) {
                    if (std::isnan(cur)) continue;
                    if (std::isnan(v) || (isMax ? v > cur : v < cur)) out[pos] = v;
                } else {
                    if (isMax ? v > cur : v < cur) out[pos] = v;
                }
            }
        }
        for (int i = split - 1; i >= 0; --i) {
            if (++idx[i] < shape[i]) break;
            idx[i] = 0;
        }
    }
}

} // namespace

int normalizeAxis(std::int64_t axis, int ndim)
{
    if (axis < -ndim || axis >= ndim)
        throw PyError("numpy.AxisError", "axis " + std::to_string(axis) +
                                             " is out of bounds for array of dimension " +
                                             std::to_string(ndim));
    return static_cast<int>(axis < 0 ? axis + ndim : axis);
}

Value reduce(ReduceOp op, const Value &value, const Value &axis, bool keepdims)
{
    const ArrayOperand x = toOperand(value);
    const Tensor in = contiguousCopy(x.array);
    const int nd = in.ndim();
    std::vector<bool> reduced(nd, axis.isNone());
    if (!axis.isNone()) {
        std::vector<Value> axes = axis.kind() == ValueKind::Tuple || axis.kind() == ValueKind::List
                                      ? axis.items()
                                      : std::vector<Value>{axis};
        for (const auto &a : axes) {
            const int k = normalizeAxis(toIndex(a, "axis"), nd);
            if (reduced[k]) raise("ValueError", "duplicate value in 'axis'");
            reduced[k] = true;
        }
    }
    Shape outShape, keptShape;
    std::int64_t count = 1;
    for (int i = 0; i < nd; ++i) {
        if (reduced[i]) {
            count *= in.shape()[i];
            keptShape.push_back(1);
        } else {
            outShape.push_back(in.shape()[i]);
            keptShape.push_back(in.shape()[i]);
        }
    }
    if ((op == ReduceOp::Max || op == ReduceOp::Min) && count == 0 && in.size() == 0)
        raise("ValueError", std::string("zero-size array to reduction operation ") + opName(op) +
                                " which has no identity");
    const DType t = resultDType(op, in.dtype());
    // The sum of a mean accumulates in its result type; max and min in the input's.
    Tensor out = newArray(t, keepdims ? keptShape : outShape, true);
    visitDType(in.dtype(), [&](auto inTag) {
        using T = decltype(inTag);
        visitDType(t, [&](auto outTag) {
            using A = decltype(outTag);
            if constexpr (std::is_same_v<A, bool> && !std::is_same_v<T, bool>) {
                return;
            } else {
                run<A, T>(op, in, reduced, out.mutableData<A>());
                if (op == ReduceOp::Mean) {
                    A *o = out.mutableData<A>();
                    for (std::int64_t i = 0; i < out.size(); ++i)
                        o[i] = static_cast<A>(o[i] / static_cast<A>(count));
                }
            }
        });
    });
    if (op == ReduceOp::Mean && count == 0) {
        visitDType(t, [&](auto tag) {
            using A = decltype(tag);
            if constexpr (std::is_floating_point_v<A>) {
                A *o = out.mutableData<A>();
                for (std::int64_t i = 0; i < out.size(); ++i)
                    o[i] = std::numeric_limits<A>::quiet_NaN();
            }
        });
    }
    return arrayResult(std::move(out));
}

} // namespace core::cell
