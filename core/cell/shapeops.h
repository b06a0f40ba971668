#pragma once
// Shape-changing operations: reshape (a view of contiguous data, -1 inferred), transpose (a view
// with permuted strides), expand_dims and concatenate, with NumPy's errors.

#include "core/cell/value.h"

#include <optional>
#include <vector>

namespace core::cell {

Tensor reshapeArray(const Tensor &a, const Shape &shape);
// axes empty: reverse them (a.T).
Tensor transposeArray(const Tensor &a, const std::vector<std::int64_t> &axes);
Tensor expandDims(const Tensor &a, const std::vector<std::int64_t> &axes);
// axis nullopt: flatten first (axis=None).
Tensor concatenate(const std::vector<Tensor> &arrays, std::optional<std::int64_t> axis);

} // namespace core::cell
