#pragma once
// NumPy's elementwise math ufuncs the Gradient page's cells use (np.sin, np.exp, np.log, np.tanh,
// np.sqrt, np.abs, np.square) and the logistic sigmoid TensorFlow adds: float32 stays float32,
// integers compute in float64 (int16 in float32), as NumPy 1.24's type resolution gives. The
// values come from the C library, so the last bit may differ from NumPy's SIMD loops.

#include "core/cell/value.h"

#include <optional>
#include <string_view>

namespace core::cell {

enum class MathFunc { Sin, Cos, Exp, Log, Tanh, Sqrt, Abs, Square, Sigmoid };

// f(x) for an array, NumPy scalar or Python number; a 0-d result is a NumPy scalar.
Value applyMath(MathFunc f, const Value &x);
// By NumPy's or TensorFlow's name: "sin", "absolute", "sigmoid"; nullopt for others.
std::optional<MathFunc> mathFunc(std::string_view name);

} // namespace core::cell
