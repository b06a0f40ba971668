#include "core/cell/conversion.h"

#include "core/cell/memorylimit.h"
#include "core/cell/pyerror.h"

#include <algorithm>
#include <functional>
#include <type_traits>

namespace core::cell {

namespace {

bool isSequence(const Value &v)
{
    return v.kind() == ValueKind::List || v.kind() == ValueKind::Tuple ||
           (v.isArray() && v.asArray().ndim() > 0);
}

std::int64_t sequenceLength(const Value &v)
{
    if (v.isArray()) return v.asArray().shape()[0];
    return static_cast<std::int64_t>(v.items().size());
}

// NumPy's shape discovery: per depth, the lengths of the sequences found and whether a scalar
// was found there.
struct Discovery {
    std::vector<std::int64_t> length; // -1 unset, -2 differing
    std::vector<bool> scalarAt;
    std::vector<bool> sequenceAt;
    std::optional<DType> dtype;
    bool hasString = false;
};

void grow(Discovery &d, std::size_t depth)
{
    if (d.length.size() <= depth) {
        d.length.resize(depth + 1, -1);
        d.scalarAt.resize(depth + 1, false);
        d.sequenceAt.resize(depth + 1, false);
    }
}

void mergeType(Discovery &d, DType t)
{
    d.dtype = d.dtype ? promoteTypes(*d.dtype, t) : t;
}

void discover(const Value &v, std::size_t depth, Discovery &d)
{
    grow(d, depth);
    if (v.isArray() && v.asArray().ndim() > 0) {
        // An array inside a list contributes its whole shape.
        const Tensor &a = v.asArray();
        for (int k = 0; k < a.ndim(); ++k) {
            grow(d, depth + k);
            d.sequenceAt[depth + k] = true;
            auto &len = d.length[depth + k];
            if (len == -1)
                len = a.shape()[k];
            else if (len != a.shape()[k])
                len = -2;
        }
        grow(d, depth + a.ndim());
        d.scalarAt[depth + a.ndim()] = true;
        mergeType(d, a.dtype());
        return;
    }
    if (isSequence(v)) {
        d.sequenceAt[depth] = true;
        auto &len = d.length[depth];
        const auto n = sequenceLength(v);
        if (len == -1)
            len = n;
        else if (len != n)
            len = -2;
        for (const auto &item : v.items())
            discover(item, depth + 1, d);
        return;
    }
    d.scalarAt[depth] = true;
    switch (v.kind()) {
    case ValueKind::Bool:
        mergeType(d, DType::Bool);
        break;
    case ValueKind::Int:
        mergeType(d, DType::Int64);
        break;
    case ValueKind::Float:
        mergeType(d, DType::Float64);
        break;
    case ValueKind::Array:
        mergeType(d, v.asArray().dtype());
        break;
    case ValueKind::Str:
        d.hasString = true;
        break;
    default:
        raise("TypeError",
              "float() argument must be a string or a real number, not '" + v.typeName() + "'");
    }
}

template<class T> T scalarAs(const Value &v)
{
    switch (v.kind()) {
    case ValueKind::Bool:
        return static_cast<T>(v.asBool());
    case ValueKind::Int: {
        if constexpr (std::is_same_v<T, bool>)
            return v.asInt() != 0;
        else
            return static_cast<T>(v.asInt());
    }
    case ValueKind::Float: {
        const Tensor t = [&] {
            Tensor z(DType::Float64, {});
            *z.mutableData<double>() = v.asFloat();
            return z.astype(dtypeOf<T>());
        }();
        return *t.data<T>();
    }
    default: {
        const Tensor t = v.asArray().astype(dtypeOf<T>());
        return *t.data<T>();
    }
    }
}

template<class T> void fill(const Value &v, T *&out)
{
    if (v.isArray() && v.asArray().ndim() > 0) {
        const Tensor c = v.asArray().astype(dtypeOf<T>());
        const T *p = c.data<T>();
        out = std::copy(p, p + c.size(), out);
        return;
    }
    if (isSequence(v)) {
        for (const auto &item : v.items())
            fill(item, out);
        return;
    }
    *out++ = scalarAs<T>(v);
}

} // namespace

Tensor toArray(const Value &v, std::optional<DType> dtype)
{
    if (v.isArray()) {
        // np.array copies, converting when dtype= asks for another type.
        const Tensor &a = v.asArray();
        const DType t = dtype.value_or(a.dtype());
        if (MemoryBudget *budget = MemoryBudget::current())
            budget->charge(a.size() * static_cast<std::int64_t>(dtypeSize(t)), a.shape(), t);
        return a.astype(t);
    }
    Discovery d;
    discover(v, 0, d);
    std::size_t ndim = 0;
    bool ragged = false;
    for (; ndim < d.length.size(); ++ndim) {
        if (d.length[ndim] == -2 || (d.scalarAt[ndim] && d.sequenceAt[ndim])) {
            ragged = true;
            break;
        }
        if (d.scalarAt[ndim] || !d.sequenceAt[ndim]) break;
    }
    Shape shape(d.length.begin(), d.length.begin() + static_cast<std::ptrdiff_t>(ndim));
    if (ragged) {
        std::string s = "(";
        for (std::size_t i = 0; i < shape.size(); ++i)
            s += (i ? ", " : "") + std::to_string(shape[i]);
        s += shape.size() == 1 ? ",)" : ")";
        raise("ValueError", "setting an array element with a sequence. The requested array has an "
                            "inhomogeneous shape after " +
                                std::to_string(ndim) + " dimensions. The detected shape was " + s +
                                " + inhomogeneous part.");
    }
    if (d.hasString) raise("TypeError", "arrays of strings are not supported in these cells");
    const DType t = dtype.value_or(d.dtype.value_or(DType::Float64));
    Tensor out = newArray(t, shape);
    visitDType(t, [&](auto tag) {
        using T = decltype(tag);
        T *p = out.mutableData<T>();
        fill<T>(v, p);
    });
    return out;
}

ArrayOperand toOperand(const Value &v)
{
    ArrayOperand o;
    switch (v.kind()) {
    case ValueKind::Bool:
        o.promotion = {DType::Bool, true, v.asBool() ? 1.0 : 0.0, v.asBool() ? 1 : 0};
        break;
    case ValueKind::Int:
        o.promotion = {DType::Int64, true, static_cast<double>(v.asInt()), v.asInt()};
        break;
    case ValueKind::Float:
        o.promotion = {DType::Float64, true, v.asFloat(), 0};
        break;
    case ValueKind::Array: {
        o.array = v.asArray();
        o.promotion.dtype = o.array.dtype();
        o.promotion.scalar = o.array.ndim() == 0;
        if (o.promotion.scalar) {
            o.promotion.value = o.array.flatAt(0);
            visitDType(o.array.dtype(), [&](auto tag) {
                using T = decltype(tag);
                if constexpr (!std::is_floating_point_v<T>)
                    o.promotion.intValue = static_cast<std::int64_t>(*o.array.data<T>());
            });
        }
        return o;
    }
    default: {
        o.array = toArray(v);
        o.promotion.dtype = o.array.dtype();
        o.promotion.scalar = o.array.ndim() == 0;
        return o;
    }
    }
    o.array = toArray(v);
    return o;
}

Tensor cast(const Tensor &a, DType dtype)
{
    if (a.dtype() == dtype) return a;
    if (MemoryBudget *b = MemoryBudget::current())
        b->charge(a.size() * static_cast<std::int64_t>(dtypeSize(dtype)), a.shape(), dtype);
    return a.astype(dtype);
}

Tensor contiguousCopy(const Tensor &a)
{
    if (a.isContiguous()) return a;
    if (MemoryBudget *b = MemoryBudget::current()) b->charge(a.nbytes(), a.shape(), a.dtype());
    return a.contiguous();
}

DType toDType(const Value &v)
{
    if (v.kind() == ValueKind::DType) return v.asDType();
    std::string name;
    if (v.kind() == ValueKind::Str)
        name = v.asStr();
    else if (v.kind() == ValueKind::Function)
        name = v.name();
    if (name.rfind("np.", 0) == 0) name = name.substr(3);
    if (name == "builtins.float" || name == "float" || name == "float64" || name == "double" ||
        name == "f8" || name == "d")
        return DType::Float64;
    if (name == "builtins.int" || name == "int" || name == "int64" || name == "int_" ||
        name == "i8" || name == "long")
        return DType::Int64;
    if (name == "builtins.bool" || name == "bool" || name == "bool_" || name == "?")
        return DType::Bool;
    static const std::pair<const char *, DType> kNames[] = {
        {"float32", DType::Float32}, {"single", DType::Float32}, {"f4", DType::Float32},
        {"uint8", DType::UInt8},     {"u1", DType::UInt8},       {"ubyte", DType::UInt8},
        {"int8", DType::Int8},       {"i1", DType::Int8},        {"int16", DType::Int16},
        {"i2", DType::Int16},        {"uint16", DType::UInt16},  {"u2", DType::UInt16},
        {"int32", DType::Int32},     {"i4", DType::Int32},       {"uint32", DType::UInt32},
        {"u4", DType::UInt32},       {"uint64", DType::UInt64},  {"u8", DType::UInt64}};
    for (const auto &[n, t] : kNames)
        if (name == n) return t;
    if (v.kind() == ValueKind::Str) raise("TypeError", "data type '" + name + "' not understood");
    if (v.isNone()) return DType::Float64;
    raise("TypeError", "Cannot interpret '" + repr(v) + "' as a data type");
}

std::int64_t toIndex(const Value &v, const char *what)
{
    switch (v.kind()) {
    case ValueKind::Int:
        return v.asInt();
    case ValueKind::Bool:
        return v.asBool() ? 1 : 0;
    case ValueKind::Array:
        if (v.asArray().ndim() == 0 && isInteger(v.asArray().dtype()))
            return static_cast<std::int64_t>(v.asArray().flatAt(0));
        [[fallthrough]];
    default:
        raise("TypeError", "'" + v.typeName() + "' object cannot be interpreted as an integer" +
                               (what && *what ? std::string() : std::string()));
    }
}

Shape toShape(const Value &v)
{
    if (v.kind() == ValueKind::Tuple || v.kind() == ValueKind::List) {
        Shape s;
        for (const auto &item : v.items())
            s.push_back(toIndex(item, "shape"));
        return s;
    }
    return {toIndex(v, "shape")};
}

double toDouble(const Value &v)
{
    switch (v.kind()) {
    case ValueKind::Int:
        return static_cast<double>(v.asInt());
    case ValueKind::Bool:
        return v.asBool() ? 1 : 0;
    case ValueKind::Float:
        return v.asFloat();
    case ValueKind::Array:
        if (v.asArray().size() == 1) return v.asArray().flatAt(0);
        raise("TypeError", "only size-1 arrays can be converted to Python scalars");
    default:
        raise("TypeError", "must be real number, not " + v.typeName());
    }
}

Value scalarOf(const Tensor &zeroDim)
{
    return Value::array(zeroDim, true);
}

Value arrayResult(Tensor t)
{
    const bool scalar = t.ndim() == 0;
    return Value::array(std::move(t), scalar);
}

} // namespace core::cell
