#include "core/cell/memorylimit.h"

#include "core/cell/pyerror.h"

#include <cmath>
#include <cstdio>
#include <limits>

namespace core::cell {

namespace {
thread_local MemoryBudget *t_current = nullptr;

std::string pythonShape(const Shape &shape)
{
    std::string s = "(";
    for (std::size_t i = 0; i < shape.size(); ++i)
        s += (i ? ", " : "") + std::to_string(shape[i]);
    return s + (shape.size() == 1 ? ",)" : ")");
}

[[noreturn]] void memoryError(std::uint64_t bytes, const Shape &shape, DType dtype)
{
    throw PyError("numpy.core._exceptions._ArrayMemoryError",
                  "Unable to allocate " + sizeToString(bytes) + " for an array with shape " +
                      pythonShape(shape) + " and data type " + std::string(dtypeName(dtype)));
}
} // namespace

MemoryBudget::MemoryBudget(std::int64_t limit) : m_limit(limit), m_previous(t_current)
{
    t_current = this;
}

MemoryBudget::~MemoryBudget()
{
    t_current = m_previous;
}

MemoryBudget *MemoryBudget::current()
{
    return t_current;
}

void MemoryBudget::charge(std::int64_t bytes, const Shape &shape, DType dtype)
{
    if (bytes > m_limit - m_used) memoryError(static_cast<std::uint64_t>(bytes), shape, dtype);
    m_used += bytes;
}

void MemoryBudget::charge(std::int64_t bytes)
{
    if (bytes > m_limit - m_used) raise("MemoryError", "");
    m_used += bytes;
}

Tensor newArray(DType dtype, const Shape &shape, bool zero)
{
    std::int64_t count = 1;
    bool tooBig = false;
    for (auto d : shape) {
        if (d < 0) raise("ValueError", "negative dimensions are not allowed");
        if (d != 0 && count > std::numeric_limits<std::int64_t>::max() / d) tooBig = true;
        count *= tooBig ? 1 : d;
    }
    const auto itemsize = static_cast<std::int64_t>(dtypeSize(dtype));
    if (!tooBig && count > std::numeric_limits<std::int64_t>::max() / itemsize) tooBig = true;
    for (auto d : shape)
        if (d == 0) tooBig = false;
    if (tooBig)
        raise("ValueError", "array is too big; `arr.size * arr.dtype.itemsize` is larger than the "
                            "maximum possible size.");
    const std::int64_t bytes = count * itemsize;
    if (MemoryBudget *b = MemoryBudget::current()) b->charge(bytes, shape, dtype);
    try {
        return zero ? Tensor(dtype, shape) : Tensor::uninitialized(dtype, shape);
    } catch (const std::bad_alloc &) {
        memoryError(static_cast<std::uint64_t>(bytes), shape, dtype);
    }
}

std::string sizeToString(std::uint64_t bytes)
{
    static const char *const kUnits[] = {"bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    int bitLength = 0;
    for (std::uint64_t v = bytes; v; v >>= 1)
        ++bitLength;
    int unit = std::max(bitLength - 1, 1) / 10;
    double n = static_cast<double>(bytes) / std::ldexp(1.0, unit * 10);
    if (std::nearbyint(n) == 1024) {
        ++unit;
        n /= 1024;
    }
    if (unit >= 7) {
        n *= std::ldexp(1.0, (unit - 6) * 10);
        unit = 6;
    }
    char buf[64];
    if (unit == 0)
        std::snprintf(buf, sizeof buf, "%.0f %s", n, kUnits[unit]);
    else if (std::nearbyint(n) < 1000)
        std::snprintf(buf, sizeof buf, "%#.3g %s", n, kUnits[unit]);
    else
        std::snprintf(buf, sizeof buf, "%#.0f %s", n, kUnits[unit]);
    return buf;
}

} // namespace core::cell
