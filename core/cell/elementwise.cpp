#include "core/cell/elementwise.h"

#include "core/cell/conversion.h"
#include "core/cell/memorylimit.h"
#include "core/cell/pyerror.h"
#include "core/cell/shaperules.h"

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

template<class T, class F>
void stridedLoop(const Shape &shape, const T *a, const Strides &sa, const T *b, const Strides &sb,
                 T *out, F f)
{
    const int nd = static_cast<int>(shape.size());
    std::int64_t total = 1;
    for (auto d : shape)
        total *= d;
    if (total == 0) return;
    if (nd == 0) {
        *out = f(*a, *b);
        return;
    }
    const std::int64_t inner = shape[nd - 1];
    const std::int64_t ia = sa[nd - 1], ib = sb[nd - 1];
    std::vector<std::int64_t> counter(nd, 0);
    for (;;) {
        if (ia == 1 && ib == 1)
            for (std::int64_t i = 0; i < inner; ++i)
                out[i] = f(a[i], b[i]);
        else if (ia == 1 && ib == 0)
            for (std::int64_t i = 0; i < inner; ++i)
                out[i] = f(a[i], *b);
        else if (ia == 0 && ib == 1)
            for (std::int64_t i = 0; i < inner; ++i)
                out[i] = f(*a, b[i]);
        else
            for (std::int64_t i = 0; i < inner; ++i)
                out[i] = f(a[i * ia], b[i * ib]);
        out += inner;
        int axis = nd - 2;
        for (; axis >= 0; --axis) {
            a += sa[axis];
            b += sb[axis];
            if (++counter[axis] < shape[axis]) break;
            a -= sa[axis] * shape[axis];
            b -= sb[axis] * shape[axis];
            counter[axis] = 0;
        }
        if (axis < 0) return;
    }
}

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
    Tensor out = newArray(dtypeOf<T>(), shape);
    T *o = out.mutableData<T>();
    const T *pa = a.data<T>();
    const T *pb = b.data<T>();
    const std::int64_t n = out.size();
    const bool same =
        a.isContiguous() && b.isContiguous() && a.shape() == shape && b.shape() == shape;
    auto run = [&](auto f) {
        if (same) {
            for (std::int64_t i = 0; i < n; ++i)
                o[i] = f(pa[i], pb[i]);
        } else if (b.size() == 1 && a.isContiguous() && a.shape() == shape) {
            const T s = *pb;
            for (std::int64_t i = 0; i < n; ++i)
                o[i] = f(pa[i], s);
        } else if (a.size() == 1 && b.isContiguous() && b.shape() == shape) {
            const T s = *pa;
            for (std::int64_t i = 0; i < n; ++i)
                o[i] = f(s, pb[i]);
        } else {
            stridedLoop<T>(shape, pa, broadcastStrides(a, shape), pb, broadcastStrides(b, shape), o,
                           f);
        }
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
