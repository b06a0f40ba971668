#include "core/cell/resultbuffers.h"

#include "core/cell/memorylimit.h"

#include <cstdint>
#include <limits>
#include <mutex>
#include <vector>

namespace core::cell {

namespace {

// Below glibc's first mmap threshold, blocks come from its heap and are reused already.
constexpr std::size_t kMinBytes = std::size_t{128} << 10;
constexpr std::size_t kMaxBytes = std::size_t{128} << 20;
constexpr std::size_t kMaxBuffers = 4;

class Cache {
public:
    Cache() { m_free.reserve(kMaxBuffers + 1); }

    std::shared_ptr<Buffer> take(std::size_t bytes)
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        for (auto it = m_free.end(); it != m_free.begin();) {
            --it;
            if ((*it)->size() != bytes) continue;
            std::shared_ptr<Buffer> b = std::move(*it);
            m_free.erase(it);
            m_bytes -= bytes;
            return b;
        }
        return nullptr;
    }

    // Called from a shared_ptr's deleter: must not throw, so it never allocates.
    void give(std::shared_ptr<Buffer> b) noexcept
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        m_bytes += b->size();
        m_free.push_back(std::move(b)); // within the reserved capacity
        // Evict the oldest past the limits.
        std::size_t drop = 0;
        while (m_free.size() - drop > kMaxBuffers || m_bytes > kMaxBytes)
            m_bytes -= m_free[drop++]->size();
        m_free.erase(m_free.begin(), m_free.begin() + static_cast<std::ptrdiff_t>(drop));
    }

private:
    std::mutex m_mutex;
    std::vector<std::shared_ptr<Buffer>> m_free; // most recently freed last
    std::size_t m_bytes = 0;
};

// Never destroyed: results may be freed by other static destructors at exit.
Cache &cache()
{
    static Cache *c = new Cache;
    return *c;
}

// A handle on storage that goes back to the cache, instead of being freed, when the last array
// using it goes.
std::shared_ptr<Buffer> recycling(std::shared_ptr<Buffer> storage)
{
    Buffer *raw = storage.get();
    return std::shared_ptr<Buffer>(
        raw, [keep = std::move(storage)](Buffer *) mutable { cache().give(std::move(keep)); });
}

} // namespace

Tensor newResult(DType dtype, const Shape &shape)
{
    // Only plain large sizes; newArray raises NumPy's errors for the others.
    const auto itemsize = static_cast<std::int64_t>(dtypeSize(dtype));
    std::int64_t count = 1;
    for (auto d : shape) {
        if (d <= 0 || count > std::numeric_limits<std::int64_t>::max() / itemsize / d)
            return newArray(dtype, shape);
        count *= d;
    }
    const auto bytes = static_cast<std::size_t>(count * itemsize);
    if (bytes < kMinBytes || bytes > kMaxBytes) return newArray(dtype, shape);
    if (std::shared_ptr<Buffer> b = cache().take(bytes)) {
        // A MemoryError here frees the buffer instead of returning it: no harm.
        if (MemoryBudget *budget = MemoryBudget::current())
            budget->charge(static_cast<std::int64_t>(bytes), shape, dtype);
        return Tensor(dtype, shape, contiguousStrides(shape), 0, recycling(std::move(b)));
    }
    return Tensor(dtype, shape, contiguousStrides(shape), 0,
                  recycling(newArray(dtype, shape).buffer()));
}

} // namespace core::cell
