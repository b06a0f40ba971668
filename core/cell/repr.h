#pragma once
// NumPy 1.24's printing of arrays and of their elements (linewidth 75, threshold 1000, edgeitems
// 3, precision 8, floatmode 'maxprec', legacy off), for every dtype of the cell engine.

#include "core/tensor/tensor.h"

#include <cstdint>
#include <span>
#include <string>

namespace core::cell {

// repr(a): "array([[1, 2],\n       [3, 4]])", "array([1., 2.], dtype=float32)".
std::string arrayRepr(const Tensor &a);
// str(a), what print(a) writes: "[[1 2]\n [3 4]]".
std::string arrayStr(const Tensor &a);
// repr of the element at index (one entry per axis) as NumPy prints that scalar alone:
// "255", "0.01176471", "True", "1e-05".
std::string elementRepr(const Tensor &a, std::span<const std::int64_t> index);
// The same for a value of a dtype: elementRepr without an array.
std::string scalarRepr(double value, DType dtype);
// The dtype as a.dtype prints it: "dtype('float32')".
std::string dtypeRepr(DType dtype);
// NumPy's strides in bytes (Tensor::strides() counts elements): "(20, 4)" for (3, 5) float32.
Strides byteStrides(const Tensor &a);

} // namespace core::cell
