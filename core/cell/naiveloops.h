#pragma once
// The book's naive_relu and naive_add (section 2.3.1) as Python runs them: a copy of x, then one
// element at a time, each read through the engine's indexing (x[i, j] gives a NumPy scalar), each
// result made by the engine's ufunc on that scalar and written back. That per-element work is
// what np.maximum(z, 0.) and x + y do once for the whole array, so timing both is the book's
// experiment: two (20, 100) matrices, 1,000 repetitions (NumPy 0.02 s, Python loops 2.45 s).

#include "core/tensor/tensor.h"

namespace core::cell {

// x must be 2-D float64 (the experiment's arrays); throws ValueError otherwise.
Tensor naiveRelu(const Tensor &x);
// x and y must be 2-D float64 of the same shape.
Tensor naiveAdd(const Tensor &x, const Tensor &y);

struct ElementwiseTiming {
    double vectorisedSeconds = 0; // z = x + y; z = np.maximum(z, 0.)
    double naiveSeconds = 0;      // z = naive_add(x, y); z = naive_relu(z)
    int repetitions = 0;
    bool sameResult = false; // both ways gave the same z, bit for bit
};

// Runs both loops `repetitions` times on x and y, the vectorised one first.
ElementwiseTiming timeElementwise(const Tensor &x, const Tensor &y, int repetitions);

} // namespace core::cell
