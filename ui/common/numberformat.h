#pragma once
// How the pages print numbers: short for labels ("2", "-0.5", "0.87"), Python-literal for code
// ("2.0", "-0.5"), and vectors as "(2, 1)".

#include <Eigen/Core>
#include <QString>

namespace ui {

// At most `decimals` decimals, trailing zeros dropped, never "-0"; from 1e16 on, as Python's repr
// writes it, with an exponent: "2e+20", "1.5e+300" (at most `decimals` decimals in the mantissa).
QString formatNumber(double v, int decimals = 2);
// A Python float literal with at most `decimals` decimals: "2.0", "0.866", "2e+20".
QString pythonNumber(double v, int decimals = 4);
// Unicode subscript digits: 12 -> "₁₂", for v₁, e₂.
QString subscript(int n);
// "(2, 1)" with formatNumber.
QString formatVector(const Eigen::Vector2d &v, int decimals = 2);

} // namespace ui
