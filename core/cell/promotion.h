#pragma once
// NumPy 1.24's type promotion (np.result_type with its value-based casting): Python scalars,
// NumPy scalars and 0-d arrays take the smallest type that holds their value when an operand of
// at least their kind (bool < integer < float) has dimensions, so uint8_array + 3 stays uint8,
// uint8_array + 300 is uint16 and uint8_array + 1.5 is float64.

#include "core/tensor/dtype.h"

#include <cstdint>
#include <span>

namespace core::cell {

struct Operand {
    DType dtype = DType::Float64; // a Python int counts as int64, a float as float64
    bool scalar = false;          // a Python scalar, a NumPy scalar or a 0-d array
    double value = 0;             // the scalar's value
    std::int64_t intValue = 0;    // the same for integer scalars, exactly
};

// np.promote_types.
DType promoteTypes(DType a, DType b);
// np.result_type of the operands.
DType resultType(std::span<const Operand> operands);
// The loop NumPy's default type resolver picks for a ufunc without a bool loop (np.power): the
// first integer or float type all operands cast to safely, a scalar by its value when
// value-based casting applies (bool_array ** 2 is int8).
DType linearSearchType(std::span<const Operand> operands);

} // namespace core::cell
