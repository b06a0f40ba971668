#pragma once
// NumPy's sum, max, min and mean over all elements or along axes (axis=None, an int or a tuple,
// keepdims), with its result types (sum of uint8 is uint64, mean of integers float64) and its
// order of float additions: pairwise summation (blocks of 8, split past 128) along a contiguous
// reduced axis, plain accumulation across the others, so float results match NumPy's digits.
// Long sums compute their 8192-element buffers on the cores (parallel.h) and add them in order.

#include "core/cell/value.h"

namespace core::cell {

enum class ReduceOp { Sum, Max, Min, Mean };

// axis: None, an int or a tuple of ints. Raises numpy.AxisError for an axis out of range.
Value reduce(ReduceOp op, const Value &a, const Value &axis, bool keepdims);

// numpy.AxisError's message: "axis 2 is out of bounds for array of dimension 2"; returns the
// axis made non-negative.
int normalizeAxis(std::int64_t axis, int ndim);

} // namespace core::cell
