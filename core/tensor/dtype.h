#pragma once
// Element types a tensor can hold. MNIST is uint8; preprocessing and networks use float32; the
// cell engine adds NumPy's bool, int64 (the default integer) and float64 (the default float).

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace core {

// Ordered as NumPy's promotion lattice walks them: bool < uint8 < int64 < float32 < float64.
enum class DType : std::uint8_t { Bool, UInt8, Int64, Float32, Float64 };

// NumPy's name of the type: "bool", "uint8", "int64", "float32", "float64".
constexpr std::string_view dtypeName(DType t)
{
    switch (t) {
    case DType::Bool: return "bool";
    case DType::UInt8: return "uint8";
    case DType::Int64: return "int64";
    case DType::Float32: return "float32";
    case DType::Float64: return "float64";
    }
    return "?";
}

constexpr std::size_t dtypeSize(DType t)
{
    switch (t) {
    case DType::Bool:
    case DType::UInt8: return 1;
    case DType::Int64: return 8;
    case DType::Float32: return 4;
    case DType::Float64: return 8;
    }
    return 1;
}

constexpr bool isFloating(DType t)
{
    return t == DType::Float32 || t == DType::Float64;
}

template<class T> constexpr DType dtypeOf();
template<> constexpr DType dtypeOf<bool>()
{
    return DType::Bool;
}
template<> constexpr DType dtypeOf<std::uint8_t>()
{
    return DType::UInt8;
}
template<> constexpr DType dtypeOf<std::int64_t>()
{
    return DType::Int64;
}
template<> constexpr DType dtypeOf<float>()
{
    return DType::Float32;
}
template<> constexpr DType dtypeOf<double>()
{
    return DType::Float64;
}

// Calls f(T{}) with T the C++ type of dtype t: visitDType(t, [&](auto tag) { using T = ...; }).
template<class F> decltype(auto) visitDType(DType t, F &&f)
{
    switch (t) {
    case DType::Bool: return f(bool{});
    case DType::UInt8: return f(std::uint8_t{});
    case DType::Int64: return f(std::int64_t{});
    case DType::Float32: return f(float{});
    case DType::Float64: break;
    }
    return f(double{});
}

} // namespace core
