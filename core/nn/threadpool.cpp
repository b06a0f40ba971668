#include "core/nn/threadpool.h"

#include <algorithm>
#include <chrono>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#endif

namespace core::nn {

namespace {

// Spin this long before sleeping: long enough to catch the other threads of a step (a step takes
// about a millisecond and its threads arrive within tens of microseconds of each other), short
// enough not to burn a core that another process could use. Measured in time, not iterations: a
// pause instruction takes 10 to 140 cycles depending on the processor.
constexpr auto kSpin = std::chrono::microseconds(40);

inline void relax()
{
#if defined(__x86_64__) || defined(__i386__)
    _mm_pause();
#endif
}

// Waits until value differs from old: spin first, then sleep on the atomic.
template<class T> void waitChange(const std::atomic<T> &value, T old)
{
    const auto deadline = std::chrono::steady_clock::now() + kSpin;
    for (int i = 1;; ++i) {
        if (value.load(std::memory_order_acquire) != old) return;
        relax();
        if (i % 16 == 0 && std::chrono::steady_clock::now() > deadline) break;
    }
    while (value.load(std::memory_order_acquire) == old)
        value.wait(old, std::memory_order_acquire);
}

} // namespace

ThreadPool::ThreadPool(int threads) : m_size(std::max(1, threads))
{
    m_barrierCount.store(m_size);
    m_threads.reserve(static_cast<std::size_t>(m_size - 1));
    for (int t = 1; t < m_size; ++t)
        m_threads.emplace_back([this, t] { workerLoop(t); });
}

ThreadPool::~ThreadPool()
{
    m_stop.store(true, std::memory_order_release);
    m_generation.fetch_add(1, std::memory_order_acq_rel);
    m_generation.notify_all();
    for (auto &thread : m_threads)
        thread.join();
}

void ThreadPool::runErased(void (*call)(void *, int), void *context)
{
    if (m_size == 1) {
        call(context, 0);
        return;
    }
    m_call = call;
    m_context = context;
    m_running.store(m_size - 1, std::memory_order_relaxed);
    m_generation.fetch_add(1, std::memory_order_acq_rel);
    m_generation.notify_all();
    call(context, 0);
    for (int left = m_running.load(std::memory_order_acquire); left != 0;
         left = m_running.load(std::memory_order_acquire))
        waitChange(m_running, left);
}

void ThreadPool::workerLoop(int t)
{
    std::uint32_t seen = 0;
    for (;;) {
        waitChange(m_generation, seen);
        seen = m_generation.load(std::memory_order_acquire);
        if (m_stop.load(std::memory_order_acquire)) return;
        m_call(m_context, t);
        if (m_running.fetch_sub(1, std::memory_order_acq_rel) == 1) m_running.notify_all();
    }
}

void ThreadPool::barrier()
{
    if (m_size == 1) return;
    const std::uint32_t phase = m_barrierPhase.load(std::memory_order_acquire);
    if (m_barrierCount.fetch_sub(1, std::memory_order_acq_rel) == 1) {
        m_barrierCount.store(m_size, std::memory_order_relaxed);
        m_barrierPhase.fetch_add(1, std::memory_order_acq_rel);
        m_barrierPhase.notify_all();
        return;
    }
    waitChange(m_barrierPhase, phase);
}

std::int64_t ThreadPool::partBegin(std::int64_t n, int t, int parts, std::int64_t align)
{
    if (t <= 0) return 0;
    if (t >= parts) return n;
    const std::int64_t b = n * t / parts;
    return std::min(n, b / align * align);
}

} // namespace core::nn
