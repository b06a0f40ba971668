#pragma once
// The memory a running cell may allocate. Every array the engine creates goes through newArray,
// which checks the request against the budget of the cell running on this thread before any
// allocation: past it, NumPy's MemoryError ("Unable to allocate 7.11 PiB for an array with shape
// (100000, 100000, 100000) and data type float64"), never an attempt that takes the machine down.

#include "core/tensor/tensor.h"

#include <cstdint>
#include <string>

namespace core::cell {

// Installs a budget for the current thread while it lives (Session::run makes one per cell).
class MemoryBudget {
public:
    explicit MemoryBudget(std::int64_t limit);
    ~MemoryBudget();
    MemoryBudget(const MemoryBudget &) = delete;
    MemoryBudget &operator=(const MemoryBudget &) = delete;

    std::int64_t limit() const { return m_limit; }
    std::int64_t used() const { return m_used; }
    // Throws MemoryError when bytes more would pass the limit; else counts them.
    void charge(std::int64_t bytes, const Shape &shape, DType dtype);
    // The same for a Python string, list or tuple: a bare MemoryError, as Python says it.
    void charge(std::int64_t bytes);

    static MemoryBudget *current();

private:
    std::int64_t m_limit;
    std::int64_t m_used = 0;
    MemoryBudget *m_previous;
};

// A new array, zero-filled or not, checked against the current budget (and against the element
// count overflowing: NumPy's "array is too big" ValueError).
Tensor newArray(DType dtype, const Shape &shape, bool zero = false);

// NumPy's _size_to_string: "7.11 PiB", "512 bytes", "1.00 GiB".
std::string sizeToString(std::uint64_t bytes);

} // namespace core::cell
