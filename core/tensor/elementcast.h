#pragma once
// One element converted as NumPy's casts do on x86: floats to integers truncate toward zero and
// wrap modulo 2^bits (through int64, since out-of-range conversions are undefined in C++; NaN,
// infinities and values past int64 give int64's minimum, as cvttsd2si does); anything to bool is
// "not zero".

#include <cstdint>
#include <limits>
#include <type_traits>

namespace core {

template<class D, class S> D castElement(S v)
{
    if constexpr (std::is_same_v<D, bool>) {
        return v != S{};
    } else if constexpr (std::is_floating_point_v<S> && !std::is_floating_point_v<D>) {
        if constexpr (std::is_same_v<D, std::uint64_t>) {
            if (v >= 0 && v < 1.8446744073709552e19) return static_cast<D>(v);
        }
        if (!(v > -9.2233720368547758e18 && v < 9.2233720368547758e18))
            return static_cast<D>(std::numeric_limits<std::int64_t>::min());
        return static_cast<D>(static_cast<std::int64_t>(v));
    } else {
        return static_cast<D>(v);
    }
}

} // namespace core
