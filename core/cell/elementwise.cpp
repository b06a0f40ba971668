#include "core/cell/elementwise.h"

#include "core/cell/conversion.h"
#include "core/cell/memorylimit.h"
#include "core/cell/parallel.h"
#include "core/cell/pyerror.h"
#include "core/cell/resultbuffers.h"
#include "core/cell/shaperules.h"

#include <algorithm>
#include <cmath>
#include <type_traits>

namespace core::cell {

namespace {

// Broadcast strides of a (in elements) against the output shape: 0 along stretched axes.
Strides broadcastStrides(const Tensor &a, const Shape &out)
{
    Strides s(out.size(), 0);
    const std::size_t shift = out.size() - a.shape().size();
    for (std::size_t i = 0; i < a.shape().size(); ++i)
        s[shift + i] = a.shape()[i] == 1 ? 0 : a.strides()[i];
    return s;
}

// The output's shape with each operand's strides, as NumPy's iterator coalesces it: axes of
// length 1 dropped and neighbours merged where both operands step through them as one axis. Equal
// contiguous shapes become one axis, and (1024, 3, 32, 10) + (32, 10) is (3072, 320) + (0, 1).
struct Layout {
    Shape shape;
    Strides sa, sb;
};

Layout coalesce(const Shape &shape, const Strides &sa, const Strides &sb)
{
    Layout l;
    for (std::size_t i = 0; i < shape.size(); ++i) {
        if (shape[i] == 1) continue;
        if (!l.shape.empty() && l.sa.back() == sa[i] * shape[i] &&
            l.sb.back() == sb[i] * shape[i]) {
            l.shape.back() *= shape[i];
            l.sa.back() = sa[i];
            l.sb.back() = sb[i];
        } else {
            l.shape.push_back(shape[i]);
            l.sa.push_back(sa[i]);
            l.sb.push_back(sb[i]);
        }
    }
    if (l.shape.empty()) l = {{1}, {0}, {0}};
    return l;
}

// One run along the last axis; the common stride patterns get loops the compiler vectorises.
template<class T, class F>
void innerLoop(T *__restrict o, const T *__restrict a, std::int64_t ia, const T *__restrict b,
               std::int64_t ib, std::int64_t n, F f)
{
    if (ia == 1 && ib == 1) {
        for (std::int64_t i = 0; i < n; ++i)
            o[i] = f(a[i], b[i]);
    } else if (ia == 1 && ib == 0) {
        const T s = *b;
        for (std::int64_t i = 0; i < n; ++i)
            o[i] = f(a[i], s);
    } else if (ia == 0 && ib == 1) {
        const T s = *a;
        for (std::int64_t i = 0; i < n; ++i)
            o[i] = f(s, b[i]);
    } else {
        for (std::int64_t i = 0; i < n; ++i)
            o[i] = f(a[i * ia], b[i * ib]);
    }
}

// Output elements [lo, hi) in row-major order: a chunk may start and end inside a row.
template<class T, class F>
void loopRange(const Layout &l, const T *a, const T *b, T *out, std::int64_t lo, std::int64_t hi,
               F f)
{
    const int nd = static_cast<int>(l.shape.size());
    const std::int64_t inner = l.shape[nd - 1], ia = l.sa[nd - 1], ib = l.sb[nd - 1];
    std::int64_t index[32]; // an array has at most 32 axes (tensor.h)
    std::int64_t offA = 0, offB = 0, rest = lo;
    for (int d = nd - 1; d >= 0; --d) {
        index[d] = rest % l.shape[d];
        rest /= l.shape[d];
        offA += index[d] * l.sa[d];
        offB += index[d] * l.sb[d];
    }
    for (std::int64_t pos = lo;;) {
        const std::int64_t len = std::min(inner - index[nd - 1], hi - pos);
        innerLoop<T>(out + pos, a + offA, ia, b + offB, ib, len, f);
        pos += len;
        if (pos >= hi) return;
        offA -= index[nd - 1] * ia;
        offB -= index[nd - 1] * ib;
        index[nd - 1] = 0;
        for (int d = nd - 2; d >= 0; --d) {
            offA += l.sa[d];
            offB += l.sb[d];
            if (++index[d] < l.shape[d]) break;
            offA -= l.sa[d] * l.shape[d];
            offB -= l.sb[d] * l.shape[d];
            index[d] = 0;
        }
    }
}

// Large outputs are cut into chunks of this many elements for the pool (parallel.h).
constexpr std::int64_t kGrain = std::int64_t{1} << 15;

// Integer arithmetic wraps like NumPy's C loops; done in unsigned types so that it is defined.
template<class T> T wrapped(T x, T y, char op)
{
    if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>) {
        using U = std::make_unsigned_t<std::common_type_t<T, unsigned>>;
        const U ux = static_cast<U>(x), uy = static_cast<U>(y);
        return static_cast<T>(op == '+' ? ux + uy : op == '-' ? ux - uy : ux * uy);
    } else {
        return op == '+' ? x + y : op == '-' ? x - y : x * y;
    }
}

template<class T> T integerPower(T base, T exp)
{
    if constexpr (std::is_signed_v<T>)
        if (exp < 0) raise("ValueError", "Integers to negative integer powers are not allowed.");
    // At least unsigned int: two uint16 operands would be promoted to int and overflow it.
    using U = std::make_unsigned_t<std::common_type_t<T, unsigned>>;
    auto e = static_cast<std::make_unsigned_t<T>>(exp);
    U b = static_cast<std::make_unsigned_t<T>>(base);
    U r = 1;
    while (e) {
        if (e & 1) r = static_cast<U>(r * b);
        b = static_cast<U>(b * b);
        e >>= 1;
    }
    return static_cast<T>(r);
}

template<class T> Tensor compute(BinaryOp op, const Tensor &a, const Tensor &b, const Shape &shape)
{
    Tensor out = newResult(dtypeOf<T>(), shape);
    T *o = out.mutableData<T>();
    const T *pa = a.data<T>();
    const T *pb = b.data<T>();
    const std::int64_t n = out.size();
    if (n == 0) return out;
    const Layout layout = coalesce(shape, broadcastStrides(a, shape), broadcastStrides(b, shape));
    auto run = [&](auto f) {
        const std::int64_t chunks = chunkCount(n, kGrain);
        parallelChunks(chunks, [&](std::int64_t c) {
            loopRange<T>(layout, pa, pb, o, c * n / chunks, (c + 1) * n / chunks, f);
        });
    };
    switch (op) {
    case BinaryOp::Add:
        if constexpr (std::is_same_v<T, bool>)
            run([](T x, T y) { return static_cast<T>(x || y); });
        else
            run([](T x, T y) { return wrapped<T>(x, y, '+'); });
        break;
    case BinaryOp::Subtract:
        if constexpr (std::is_same_v<T, bool>)
            raise("TypeError", "numpy boolean subtract, the `-` operator, is not supported, use "
                               "the bitwise_xor, the `^` operator, or the logical_xor function "
                               "instead.");
        else
            run([](T x, T y) { return wrapped<T>(x, y, '-'); });
        break;
    case BinaryOp::Multiply:
        if constexpr (std::is_same_v<T, bool>)
            run([](T x, T y) { return static_cast<T>(x && y); });
        else
            run([](T x, T y) { return wrapped<T>(x, y, '*'); });
        break;
    case BinaryOp::Divide:
        if constexpr (std::is_floating_point_v<T>) run([](T x, T y) { return x / y; });
        break;
    case BinaryOp::Power:
        if constexpr (std::is_floating_point_v<T>)
            run([](T x, T y) { return static_cast<T>(std::pow(x, y)); });
        else if constexpr (std::is_same_v<T, bool>)
            run([](T x, T y) { return static_cast<T>(x || !y); });
        else
            run([](T x, T y) { return integerPower<T>(x, y); });
        break;
    case BinaryOp::Maximum:
        if constexpr (std::is_floating_point_v<T>)
            run([](T x, T y) { return (x >= y || std::isnan(x)) ? x : y; });
        else
            run([](T x, T y) { return x >= y ? x : y; });
        break;
    case BinaryOp::Minimum:
        if constexpr (std::is_floating_point_v<T>)
            run([](T x, T y) { return (x <= y || std::isnan(x)) ? x : y; });
        else
            run([](T x, T y) { return x <= y ? x : y; });
        break;
    }
    return out;
}

} // namespace

const char *ufuncName(BinaryOp op)
{
    switch (op) {
    case BinaryOp::Add:
        return "add";
    case BinaryOp::Subtract:
        return "subtract";
    case BinaryOp::Multiply:
        return "multiply";
    case BinaryOp::Divide:
        return "true_divide";
    case BinaryOp::Power:
        return "power";
    case BinaryOp::Maximum:
        return "maximum";
    case BinaryOp::Minimum:
        return "minimum";
    }
    return "?";
}

Value applyBinary(BinaryOp op, const Value &a, const Value &b)
{
    const ArrayOperand x = toOperand(a);
    const ArrayOperand y = toOperand(b);
    const Operand ops[2] = {x.promotion, y.promotion};
    DType loop = op == BinaryOp::Power ? linearSearchType(ops) : resultType(ops);
    if (op == BinaryOp::Divide && !isFloating(loop)) loop = DType::Float64;
    const ShapeRule rule = broadcastShapes(x.array.shape(), y.array.shape());
    if (!rule.ok()) raise("ValueError", rule.error);
    // Operands of another type are converted first, as NumPy's buffered casts do; a scalar
    // operand costs one element.
    const Tensor ca = cast(x.array, loop);
    const Tensor cb = cast(y.array, loop);
    Tensor out =
        visitDType(loop, [&](auto tag) { return compute<decltype(tag)>(op, ca, cb, *rule.shape); });
    return arrayResult(std::move(out));
}

Value applyNegative(const Value &a)
{
    const ArrayOperand x = toOperand(a);
    if (x.array.dtype() == DType::Bool)
        raise("TypeError", "The numpy boolean negative, the `-` operator, is not supported, use "
                           "the `~` operator or the logical_not function instead.");
    Tensor out = newArray(x.array.dtype(), x.array.shape());
    visitDType(x.array.dtype(), [&](auto tag) {
        using T = decltype(tag);
        if constexpr (!std::is_same_v<T, bool>) {
            T *o = out.mutableData<T>();
            forEachElement<T>(x.array, [&](const T *p) { *o++ = wrapped<T>(T{}, *p, '-'); });
        }
    });
    return arrayResult(std::move(out));
}

} // namespace core::cell
