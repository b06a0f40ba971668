#pragma once
// Dragon4's shortest round-trip digits as NumPy and Python print them. std::to_chars gives the
// shortest digits that read back as the same float or double, which is what Dragon4's 'unique'
// mode computes; a precision cutoff rounds the exact binary value, as Dragon4's cutoff does.

#include <string>

namespace core::cell {

// Positional, trimmed to the decimal point: "1.5", "2.", "0.001", "-0."; at most `precision`
// fraction digits when precision >= 0.
std::string positionalDigits(double v, bool single, int precision = -1);
// Scientific, trimmed to the point: "1.5e-05", "1.e+10"; mantissa fraction at most `precision`.
std::string scientificDigits(double v, bool single, int precision = -1);

// Python's repr(float) and NumPy 1.24's repr of a float64/float32 scalar: positional from 1e-4 up
// to 1e16 with at least one fraction digit ("1.0", "0.0001"), else scientific ("1e-05", "1e+16").
std::string floatScalarRepr(double v, bool single);

} // namespace core::cell
