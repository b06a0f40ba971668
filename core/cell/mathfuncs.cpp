#include "core/cell/mathfuncs.h"

#include "core/cell/conversion.h"
#include "core/cell/elementwise.h"
#include "core/cell/memorylimit.h"
#include "core/cell/parallel.h"
#include "core/cell/pyerror.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace core::cell {

namespace {

template<class T> T evaluate(MathFunc f, T x)
{
    switch (f) {
    case MathFunc::Sin:
        return std::sin(x);
    case MathFunc::Cos:
        return std::cos(x);
    case MathFunc::Exp:
        return std::exp(x);
    case MathFunc::Log:
        return std::log(x);
    case MathFunc::Tanh:
        return std::tanh(x);
    case MathFunc::Sqrt:
        return std::sqrt(x);
    case MathFunc::Abs:
        return std::fabs(x);
    case MathFunc::Square:
        return x * x;
    case MathFunc::Sigmoid:
        return T(1) / (T(1) + std::exp(-x));
    }
    return x;
}

// Calls f(begin, end) over [0, n) in chunks the pool may share (parallel.h).
template<class F> void chunked(std::int64_t n, const F &f)
{
    constexpr std::int64_t kGrain = std::int64_t{1} << 15;
    const std::int64_t chunks = chunkCount(n, kGrain);
    const std::int64_t per = chunks == 1 ? n : kGrain;
    parallelChunks(chunks, [&](std::int64_t c) { f(c * per, std::min(n, (c + 1) * per)); });
}

Value absolute(const Tensor &a)
{
    if (a.dtype() == DType::Bool || !isSigned(a.dtype())) return arrayResult(contiguousCopy(a));
    const Tensor in = contiguousCopy(a);
    Tensor out = newArray(a.dtype(), a.shape());
    visitDType(a.dtype(), [&](auto tag) {
        using T = decltype(tag);
        const T *x = in.data<T>();
        T *o = out.mutableData<T>();
        // Wraps at the type's minimum as NumPy's does (abs(-128) is -128 in int8).
        chunked(out.size(), [&](std::int64_t b, std::int64_t e) {
            for (std::int64_t i = b; i < e; ++i)
                o[i] = x[i] < T(0) ? static_cast<T>(T(0) - x[i]) : x[i];
        });
    });
    return arrayResult(std::move(out));
}

} // namespace

std::optional<MathFunc> mathFunc(std::string_view name)
{
    static constexpr std::pair<std::string_view, MathFunc> kNames[] = {
        {"sin", MathFunc::Sin},        {"cos", MathFunc::Cos},      {"exp", MathFunc::Exp},
        {"log", MathFunc::Log},        {"tanh", MathFunc::Tanh},    {"sqrt", MathFunc::Sqrt},
        {"abs", MathFunc::Abs},        {"absolute", MathFunc::Abs}, {"square", MathFunc::Square},
        {"sigmoid", MathFunc::Sigmoid}};
    for (const auto &[n, f] : kNames)
        if (n == name) return f;
    return std::nullopt;
}

Value applyMath(MathFunc f, const Value &x)
{
    if (f == MathFunc::Square) {
        // np.square is multiply's loop: integers stay integers, bool squares in int8.
        Value v = x.isArray() ? x : Value::array(toOperand(x).array, true);
        if (v.asArray().dtype() == DType::Bool)
            v = Value::array(cast(v.asArray(), DType::Int8), v.isNumpyScalar());
        return applyBinary(BinaryOp::Multiply, v, v);
    }
    const Tensor a = toOperand(x).array;
    if (f == MathFunc::Abs && !isFloating(a.dtype())) return absolute(a);
    DType t = a.dtype();
    if (!isFloating(t)) {
        if (t == DType::Bool || t == DType::Int8 || t == DType::UInt8)
            raise("NotImplementedError",
                  "this function gives float16 for bool, int8 and uint8 values in NumPy, and "
                  "these cells have no float16: convert with .astype(np.float32) first");
        t = t == DType::Int16 || t == DType::UInt16 ? DType::Float32 : DType::Float64;
    }
    const Tensor in = contiguousCopy(cast(a, t));
    Tensor out = newArray(t, a.shape());
    auto run = [&](auto tag) {
        using T = decltype(tag);
        const T *p = in.data<T>();
        T *o = out.mutableData<T>();
        chunked(out.size(), [&](std::int64_t b, std::int64_t e) {
            for (std::int64_t i = b; i < e; ++i)
                o[i] = evaluate<T>(f, p[i]);
        });
    };
    if (t == DType::Float32)
        run(float{});
    else
        run(double{});
    return arrayResult(std::move(out));
}

} // namespace core::cell
