#pragma once
// The operators of a cell: Python's own on numbers, strings, tuples and lists, and NumPy's
// (elementwise.h, linalg.h) as soon as an array or NumPy scalar takes part.

#include "core/cell/value.h"

#include <string>

namespace core::cell {

// op is the source spelling: "+", "-", "*", "/", "//", "%", "**", "@".
Value binaryOperator(const std::string &op, const Value &a, const Value &b);
// op: "-", "+", "~".
Value unaryOperator(const std::string &op, const Value &a);

} // namespace core::cell
