#pragma once
// NumPy's arithmetic ufuncs on arrays and NumPy scalars: add, subtract, multiply, true_divide,
// power, maximum, minimum and negative, with broadcasting and 1.24's type promotion. Axes are
// coalesced as NumPy's iterator does, so contiguous and broadcast operands run long loops the
// compiler vectorises; large outputs are split between the cores (parallel.h).

#include "core/cell/value.h"

namespace core::cell {

enum class BinaryOp { Add, Subtract, Multiply, Divide, Power, Maximum, Minimum };

// a OP b where at least one operand is an array or NumPy scalar (Python scalars and lists are
// converted as NumPy converts them). A result with no dimensions is a NumPy scalar.
Value applyBinary(BinaryOp op, const Value &a, const Value &b);
// -a.
Value applyNegative(const Value &a);

// The ufunc's name in NumPy's messages: "add", "subtract", ...
const char *ufuncName(BinaryOp op);

} // namespace core::cell
