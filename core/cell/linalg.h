#pragma once
// np.dot and np.matmul (the @ operator) with NumPy's shape rules (see shaperules.h); float
// products run on Eigen's GEMM (denseproduct.h).

#include "core/cell/value.h"

namespace core::cell {

Value dot(const Value &a, const Value &b);
Value matmul(const Value &a, const Value &b);

} // namespace core::cell
