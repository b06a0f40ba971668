#pragma once
// Element types a tensor can hold. MNIST is uint8; preprocessing and networks use float32; the
// cell engine adds NumPy's bool, int64 (the default integer), float64 (the default float) and the
// other integer widths NumPy 1.24's promotion can produce (uint8_array + 300 is uint16).

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace core {

enum class DType : std::uint8_t {
    Bool,
    Int8,
    UInt8,
    Int16,
    UInt16,
    Int32,
    UInt32,
    Int64,
    UInt64,
    Float32,
    Float64
};

// NumPy's name of the type: "bool", "uint8", "int64", "float32", "float64", ...
constexpr std::string_view dtypeName(DType t)
{
    switch (t) {
    case DType::Bool:
        return "bool";
    case DType::Int8:
        return "int8";
    case DType::UInt8:
        return "uint8";
    case DType::Int16:
        return "int16";
    case DType::UInt16:
        return "uint16";
    case DType::Int32:
        return "int32";
    case DType::UInt32:
        return "uint32";
    case DType::Int64:
        return "int64";
    case DType::UInt64:
        return "uint64";
    case DType::Float32:
        return "float32";
    case DType::Float64:
        return "float64";
    }
    return "?";
}

constexpr std::size_t dtypeSize(DType t)
{
    switch (t) {
    case DType::Bool:
    case DType::Int8:
    case DType::UInt8:
        return 1;
    case DType::Int16:
    case DType::UInt16:
        return 2;
    case DType::Int32:
    case DType::UInt32:
    case DType::Float32:
        return 4;
    case DType::Int64:
    case DType::UInt64:
    case DType::Float64:
        return 8;
    }
    return 1;
}

constexpr bool isFloating(DType t)
{
    return t == DType::Float32 || t == DType::Float64;
}
constexpr bool isInteger(DType t)
{
    return t != DType::Bool && !isFloating(t);
}
constexpr bool isSigned(DType t)
{
    return t == DType::Int8 || t == DType::Int16 || t == DType::Int32 || t == DType::Int64 ||
           isFloating(t);
}

template<class T> constexpr DType dtypeOf();
template<> constexpr DType dtypeOf<bool>()
{
    return DType::Bool;
}
template<> constexpr DType dtypeOf<std::int8_t>()
{
    return DType::Int8;
}
template<> constexpr DType dtypeOf<std::uint8_t>()
{
    return DType::UInt8;
}
template<> constexpr DType dtypeOf<std::int16_t>()
{
    return DType::Int16;
}
template<> constexpr DType dtypeOf<std::uint16_t>()
{
    return DType::UInt16;
}
template<> constexpr DType dtypeOf<std::int32_t>()
{
    return DType::Int32;
}
template<> constexpr DType dtypeOf<std::uint32_t>()
{
    return DType::UInt32;
}
template<> constexpr DType dtypeOf<std::int64_t>()
{
    return DType::Int64;
}
template<> constexpr DType dtypeOf<std::uint64_t>()
{
    return DType::UInt64;
}
template<> constexpr DType dtypeOf<float>()
{
    return DType::Float32;
}
template<> constexpr DType dtypeOf<double>()
{
    return DType::Float64;
}

// Calls f(T{}) with T the C++ type of dtype t, e.g.
//   visitDType(t, [&](auto tag) { using T = decltype(tag); ... });
template<class F> decltype(auto) visitDType(DType t, F &&f)
{
    switch (t) {
    case DType::Bool:
        return f(bool{});
    case DType::Int8:
        return f(std::int8_t{});
    case DType::UInt8:
        return f(std::uint8_t{});
    case DType::Int16:
        return f(std::int16_t{});
    case DType::UInt16:
        return f(std::uint16_t{});
    case DType::Int32:
        return f(std::int32_t{});
    case DType::UInt32:
        return f(std::uint32_t{});
    case DType::Int64:
        return f(std::int64_t{});
    case DType::UInt64:
        return f(std::uint64_t{});
    case DType::Float32:
        return f(float{});
    case DType::Float64:
        break;
    }
    return f(double{});
}

} // namespace core
