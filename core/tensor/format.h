#pragma once
// NumPy's repr of arrays (numpy 1.24 defaults: linewidth 75, threshold 1000, edgeitems 3,
// precision 8, floatmode 'maxprec'), so the app prints what the book's notebook prints:
//   array([5, 0, 4, ..., 5, 6, 8], dtype=uint8)

#include "core/tensor/tensor.h"

#include <string>

namespace core {

// repr(a): "array([...], dtype=...)".
std::string formatArray(const Tensor &array);

// One element as NumPy prints it alone, e.g. "0.01176471" or "255".
std::string formatScalar(double value, DType dtype);

} // namespace core
