#include "core/cell/promotion.h"

#include <cmath>
#include <limits>
#include <optional>

namespace core::cell {

namespace {

int bits(DType t)
{
    return static_cast<int>(dtypeSize(t)) * 8;
}

DType intOf(bool isSignedInt, int nbits)
{
    switch (nbits) {
    case 8:
        return isSignedInt ? DType::Int8 : DType::UInt8;
    case 16:
        return isSignedInt ? DType::Int16 : DType::UInt16;
    case 32:
        return isSignedInt ? DType::Int32 : DType::UInt32;
    default:
        return isSignedInt ? DType::Int64 : DType::UInt64;
    }
}

// NumPy's simplified kind ordering: bool 0, integers 1, floats 2.
int kind(DType t)
{
    return t == DType::Bool ? 0 : isFloating(t) ? 2 : 1;
}

// float16 only occurs as a scalar's minimal type; it is modelled here as a 16-bit float.
struct MinType {
    DType dtype;
    bool half = false;
    bool smallUnsigned = false;
};

MinType minScalarType(const Operand &o)
{
    if (o.dtype == DType::Bool) return {DType::Bool};
    if (isFloating(o.dtype)) {
        const double v = o.value;
        if (!std::isfinite(v) || (v > -65000 && v < 65000)) return {DType::Float32, true};
        if (o.dtype == DType::Float64 && !(v > -3.4e38 && v < 3.4e38)) return {DType::Float64};
        return {DType::Float32};
    }
    if (o.dtype == DType::UInt64 && o.value >= 9.2e18) return {DType::UInt64};
    const std::int64_t v = o.intValue;
    if (v >= 0) {
        if (v <= 255) return {DType::UInt8, false, v <= 127};
        if (v <= 65535) return {DType::UInt16, false, v <= 32767};
        if (v <= 4294967295LL) return {DType::UInt32, false, v <= 2147483647LL};
        return {DType::UInt64, false, true};
    }
    if (v >= -128) return {DType::Int8};
    if (v >= -32768) return {DType::Int16};
    if (v >= -2147483648LL) return {DType::Int32};
    return {DType::Int64};
}

// promote_types with float16 and NumPy's small-unsigned rule (a non-negative scalar that fits the
// signed type of its size becomes signed next to a signed or float type).
MinType promoteMin(MinType a, MinType b)
{
    auto adjust = [](MinType &x, const MinType &other) {
        if (x.smallUnsigned && other.dtype != DType::Bool && isSigned(other.dtype) &&
            !isSigned(x.dtype))
            x.dtype = intOf(true, bits(x.dtype));
    };
    adjust(a, b);
    adjust(b, a);
    if (a.half || b.half) {
        if (a.half && b.half) return {DType::Float32, true};
        const MinType &h = a.half ? a : b;
        const MinType &o = a.half ? b : a;
        (void)h;
        if (o.dtype == DType::Bool) return {DType::Float32, true};
        if (isFloating(o.dtype)) return {o.dtype};
        // float16 with an integer: int8/uint8 fit float16, 16-bit ints need float32.
        if (bits(o.dtype) == 8) return {DType::Float32, true};
        if (bits(o.dtype) == 16) return {DType::Float32};
        return {DType::Float64};
    }
    const bool small = a.smallUnsigned && b.smallUnsigned;
    MinType r{promoteTypes(a.dtype, b.dtype)};
    r.smallUnsigned = small;
    return r;
}

bool canCastSafely(DType from, DType to)
{
    return promoteTypes(from, to) == to;
}

} // namespace

DType linearSearchType(std::span<const Operand> operands)
{
    int maxArrayKind = -1, maxScalarKind = -1;
    for (const auto &o : operands)
        (o.scalar ? maxScalarKind : maxArrayKind) =
            std::max(o.scalar ? maxScalarKind : maxArrayKind, kind(o.dtype));
    const bool useMin = maxArrayKind >= 0 && maxScalarKind <= maxArrayKind;
    static const DType kLoops[] = {DType::Int8,    DType::UInt8,  DType::Int16, DType::UInt16,
                                   DType::Int32,   DType::UInt32, DType::Int64, DType::UInt64,
                                   DType::Float32, DType::Float64};
    for (DType loop : kLoops) {
        bool ok = true;
        for (const auto &o : operands) {
            if (o.scalar && useMin) {
                MinType m = minScalarType(o);
                if (m.smallUnsigned && isSigned(loop)) m.dtype = intOf(true, bits(m.dtype));
                if (m.half)
                    ok = ok && isFloating(loop);
                else
                    ok = ok && canCastSafely(m.dtype, loop);
            } else {
                ok = ok && canCastSafely(o.dtype, loop);
            }
        }
        if (ok) return loop;
    }
    return DType::Float64;
}

DType promoteTypes(DType a, DType b)
{
    if (a == b) return a;
    if (a == DType::Bool) return b;
    if (b == DType::Bool) return a;
    if (isFloating(a) && isFloating(b)) return DType::Float64;
    if (isFloating(a) || isFloating(b)) {
        const DType f = isFloating(a) ? a : b;
        const DType i = isFloating(a) ? b : a;
        if (f == DType::Float64) return DType::Float64;
        return bits(i) <= 16 ? DType::Float32 : DType::Float64;
    }
    const bool sa = isSigned(a), sb = isSigned(b);
    if (sa == sb) return bits(a) >= bits(b) ? a : b;
    const DType u = sa ? b : a;
    const DType s = sa ? a : b;
    if (bits(s) > bits(u)) return s;
    if (bits(u) < 64) return intOf(true, 2 * bits(u));
    return DType::Float64;
}

DType resultType(std::span<const Operand> operands)
{
    int maxArrayKind = -1, maxScalarKind = -1;
    for (const auto &o : operands)
        (o.scalar ? maxScalarKind : maxArrayKind) =
            std::max(o.scalar ? maxScalarKind : maxArrayKind, kind(o.dtype));
    const bool useMin = maxArrayKind >= 0 && maxScalarKind <= maxArrayKind;
    std::optional<MinType> ret;
    auto add = [&](MinType t) { ret = ret ? promoteMin(t, *ret) : t; };
    for (const auto &o : operands)
        if (!o.scalar || !useMin) add(MinType{o.dtype});
    if (useMin)
        for (const auto &o : operands)
            if (o.scalar) add(minScalarType(o));
    if (!ret) return DType::Float64;
    return ret->dtype;
}

} // namespace core::cell
