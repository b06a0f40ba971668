#pragma once
// Element types a tensor can hold. MNIST is uint8; preprocessing and networks use float32.

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace core {

enum class DType : std::uint8_t { UInt8, Float32 };

// NumPy's name of the type: "uint8", "float32".
constexpr std::string_view dtypeName(DType t)
{
    return t == DType::UInt8 ? "uint8" : "float32";
}

constexpr std::size_t dtypeSize(DType t)
{
    return t == DType::UInt8 ? 1 : 4;
}

template<class T> constexpr DType dtypeOf();
template<> constexpr DType dtypeOf<std::uint8_t>()
{
    return DType::UInt8;
}
template<> constexpr DType dtypeOf<float>()
{
    return DType::Float32;
}

} // namespace core
