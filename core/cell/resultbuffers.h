#pragma once
// Storage for the results of large array operations, recycled. Fresh memory costs a page fault per
// page, in which the kernel zeroes it: for x + y that is as much time as the addition. A notebook
// re-runs cells on arrays of the same sizes, and NumPy's plain malloc gets the same reuse from
// glibc's heap for arrays under 32 MiB (core::Buffer's aligned storage is mapped afresh each
// time). So a freed result of 128 KiB or more is kept, at most 4 of them and 128 MiB, for the next
// result of the same size. That memory stays with the process while it waits. (Marking it
// MADV_FREE instead, so the kernel could take it back, made every first write to a page trap on
// the project machines' virtual MMU: x + y became 9 times slower.)

#include "core/tensor/tensor.h"

namespace core::cell {

// An uninitialised contiguous array charged to the cell's budget, as newArray (memorylimit.h).
Tensor newResult(DType dtype, const Shape &shape);

} // namespace core::cell
