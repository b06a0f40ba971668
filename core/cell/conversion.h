#pragma once
// Between cell values and arrays: np.array's conversion of nested lists (with NumPy 1.24's shape
// discovery and its ragged-list ValueError), casts charged to the cell's memory budget, the
// dtype= argument, and scalars read back out of values.

#include "core/cell/promotion.h"
#include "core/cell/value.h"

#include <optional>

namespace core::cell {

// np.array(v, dtype): lists, tuples, scalars and arrays (copied).
Tensor toArray(const Value &v, std::optional<DType> dtype = std::nullopt);
// The operand an array operation sees: arrays as they are, other values through toArray, with
// the scalar facts promotion needs.
struct ArrayOperand {
    Tensor array;
    Operand promotion;
};
ArrayOperand toOperand(const Value &v);

// A copy in another dtype (or the array itself when it already is), charged to the budget.
Tensor cast(const Tensor &a, DType dtype);
// A contiguous copy charged to the budget (or the array itself when already contiguous).
Tensor contiguousCopy(const Tensor &a);

// dtype=: 'float32', np.float32, float, int, bool, np.dtype values. TypeError otherwise.
DType toDType(const Value &v);

// Python's int() of an index-like value (Python int or bool, NumPy integer scalar), for shapes and
// axes; TypeError naming what was given otherwise.
std::int64_t toIndex(const Value &v, const char *what);
// A shape argument: an int or a tuple/list of ints.
Shape toShape(const Value &v);
// A Python float of a number-like value.
double toDouble(const Value &v);

// The value of a 0-d array as the NumPy scalar a[()] gives.
Value scalarOf(const Tensor &zeroDim);
// An array result as NumPy returns it from a ufunc or reduction: 0-d becomes a NumPy scalar.
Value arrayResult(Tensor t);

} // namespace core::cell
