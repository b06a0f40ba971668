#include "core/nn/threadpool.h"

#include <algorithm>
#include <chrono>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#endif

namespace core::nn {

namespace {

// Spin this long before sleeping: long enough to catch the other threads of a step (a step takes
// about a millisecond and its chunks end within tens of microseconds of each other), short enough
// not to burn a core that another process could use. Measured in time, not iterations: a pause
// instruction takes 10 to 140 cycles depending on the processor (28 ns on the project machines).
constexpr auto kSpin = std::chrono::microseconds(40);

inline void relax()
{
#if defined(__x86_64__) || defined(__i386__)
    _mm_pause();
#endif
}

// Waits until done(value) is true: spin first, then sleep on the atomic.
template<class T, class Done> void waitFor(const std::atomic<T> &value, Done done)
{
    const auto deadline = std::chrono::steady_clock::now() + kSpin;
    for (int i = 1;; ++i) {
        if (done(value.load(std::memory_order_acquire))) return;
        relax();
        if (i % 16 == 0 && std::chrono::steady_clock::now() > deadline) break;
    }
    for (T v = value.load(std::memory_order_acquire); !done(v);
         v = value.load(std::memory_order_acquire))
        value.wait(v, std::memory_order_acquire);
}

} // namespace

ThreadPool::ThreadPool(int threads, Job job, void *context)
    : m_size(std::max(1, threads)), m_job(job), m_context(context)
{
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

std::uint32_t ThreadPool::post()
{
    const std::uint32_t g = m_generation.fetch_add(1, std::memory_order_acq_rel) + 1;
    if (m_size > 1) m_generation.notify_all();
    return g;
}

void ThreadPool::workerLoop(int t)
{
    std::uint32_t seen = 0;
    for (;;) {
        waitFor(m_generation, [seen](std::uint32_t g) { return g != seen; });
        seen = m_generation.load(std::memory_order_acquire);
        if (m_stop.load(std::memory_order_acquire)) return;
        m_job(m_context, t, seen);
    }
}

void WorkQueue::reset(std::uint32_t generation, std::uint32_t total)
{
    m_total.store(total, std::memory_order_relaxed);
    m_next.store(tag(generation, 0), std::memory_order_relaxed);
    m_done.store(tag(generation, 0), std::memory_order_relaxed);
}

int WorkQueue::take(std::uint32_t generation)
{
    std::uint64_t s = m_next.load(std::memory_order_acquire);
    for (;;) {
        if (static_cast<std::uint32_t>(s >> 32) != generation ||
            static_cast<std::uint32_t>(s) >= m_total.load(std::memory_order_relaxed))
            return -1;
        if (m_next.compare_exchange_weak(s, s + 1, std::memory_order_acq_rel,
                                         std::memory_order_acquire))
            return static_cast<int>(static_cast<std::uint32_t>(s));
    }
}

void WorkQueue::finish(std::uint32_t generation)
{
    const std::uint64_t now = m_done.fetch_add(1, std::memory_order_acq_rel) + 1;
    if (now == tag(generation, m_total.load(std::memory_order_relaxed))) m_done.notify_all();
}

bool WorkQueue::wait(std::uint32_t generation) const
{
    const std::uint64_t target = tag(generation, m_total.load(std::memory_order_relaxed));
    bool current = true;
    waitFor(m_done, [&](std::uint64_t v) {
        current = static_cast<std::uint32_t>(v >> 32) == generation;
        return !current || v == target;
    });
    return current;
}

} // namespace core::nn
