#pragma once
// Splits a large array operation of a cell between the cores: one pool for the process (as many
// threads as cores, at most 4), shared by every Session. A single core cannot use all of the
// memory bandwidth, and NumPy + OpenBLAS uses every core for np.dot.
//
// The work is cut into chunks that any thread may take; what a chunk computes must not depend on
// the thread or on the number of chunks taken before it, so results are the same bits on any
// number of threads. When another Session's operation holds the pool, or the machine has one
// core, the chunks run on the calling thread.

#include <atomic>
#include <cstdint>

namespace core::cell {

// While alive, operations on this thread stop when *flag becomes true: chunks not yet started are
// skipped and the operation fails with KeyboardInterrupt, as an interrupted notebook cell does.
// Session::run sets one, so that closing the app need not wait for a long product to end.
class InterruptScope {
public:
    explicit InterruptScope(const std::atomic<bool> *flag);
    ~InterruptScope();
    InterruptScope(const InterruptScope &) = delete;
    InterruptScope &operator=(const InterruptScope &) = delete;

private:
    const std::atomic<bool> *m_previous;
};

// Below this many elements (or a product's multiply-adds below 64 times it) an operation stays on
// one thread: waking the pool costs more than it saves.
constexpr std::int64_t kParallelMinElements = std::int64_t{1} << 17;

namespace detail {
using ChunkFn = void (*)(const void *f, std::int64_t chunk);
void runChunks(std::int64_t chunks, ChunkFn fn, const void *f);
// Throws KeyboardInterrupt when this thread's cell has been interrupted.
void checkInterrupt();
} // namespace detail

// Calls f(chunk) for chunk in [0, chunks), on the pool's threads and this one. Rethrows the first
// exception a chunk threw (the other chunks still run).
template<class F> void parallelChunks(std::int64_t chunks, const F &f)
{
    if (chunks <= 0) return;
    if (chunks == 1) {
        detail::checkInterrupt();
        f(std::int64_t{0});
        return;
    }
    detail::runChunks(
        chunks, [](const void *p, std::int64_t c) { (*static_cast<const F *>(p))(c); }, &f);
}

// The number of chunks of about `grain` elements that n elements make (1 below the threshold).
inline std::int64_t chunkCount(std::int64_t n, std::int64_t grain)
{
    if (n < kParallelMinElements) return 1;
    return (n + grain - 1) / grain;
}

} // namespace core::cell
