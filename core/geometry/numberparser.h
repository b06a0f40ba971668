#pragma once
// What a user may type into a matrix entry: a number ("-0.5", "1e-3", ".25") or a small
// arithmetic expression ("1/2", "sqrt(2)/2", "cos(pi/6)", "-2^0.5", "2**3"), so that exact values
// like cos 30° need not be rounded by hand. Functions: sqrt, sin, cos, tan, abs, exp, log
// (radians); constants: pi (or π) and e.

#include <string_view>

namespace core::geometry {

// The value of text. Throws core::ParseError (1-based column) for a syntax error, with a hint for
// the common slip of a decimal comma, and core::ValueError when the result is not a finite number
// ("1/0", "sqrt(-1)").
double parseNumber(std::string_view text);

} // namespace core::geometry
