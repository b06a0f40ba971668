#include "core/cell/parallel.h"

#include "core/cell/pyerror.h"

#include "core/nn/threadpool.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>

namespace core::cell::detail {

thread_local const std::atomic<bool> *t_interrupt = nullptr;

namespace {

PyError interrupted()
{
    return PyError("KeyboardInterrupt", "");
}

// One round at a time: the caller publishes the chunk function, starts a round of the nn
// engine's pool (whose late threads skip rounds instead of holding them up) and takes chunks too.
class Pool {
public:
    Pool() : m_pool(threadCount(), &Pool::job, this) {}

    // False when the pool is busy (another Session, or a chunk of this round asking again) or
    // there is only one core: the caller then runs the chunks itself.
    bool tryRun(std::int64_t chunks, ChunkFn fn, const void *f)
    {
        bool idle = false;
        if (m_pool.size() < 2 || !m_busy.compare_exchange_strong(idle, true)) return false;
        m_fn = fn;
        m_f = f;
        m_error = nullptr;
        m_stop = t_interrupt; // the pool's threads see the caller's flag
        const std::uint32_t g = m_pool.nextGeneration();
        m_queue.reset(g, static_cast<std::uint32_t>(chunks));
        m_pool.post();
        drain(g);
        m_queue.wait(g);
        const std::exception_ptr error = m_error;
        m_busy.store(false, std::memory_order_release);
        if (error) std::rethrow_exception(error);
        return true;
    }

private:
    static int threadCount()
    {
        return static_cast<int>(std::clamp(std::thread::hardware_concurrency(), 1U, 4U));
    }
    static void job(void *context, int, std::uint32_t generation)
    {
        static_cast<Pool *>(context)->drain(generation);
    }
    // The round's function is read only after taking one of its chunks: the caller does not
    // replace it before every chunk is done.
    void drain(std::uint32_t generation)
    {
        for (int c; (c = m_queue.take(generation)) >= 0;) {
            try {
                if (m_stop && m_stop->load(std::memory_order_relaxed)) throw interrupted();
                m_fn(m_f, c);
            } catch (...) {
                const std::lock_guard<std::mutex> lock(m_errorMutex);
                if (!m_error) m_error = std::current_exception();
            }
            m_queue.finish(generation);
        }
    }

    std::atomic<bool> m_busy{false};
    nn::WorkQueue m_queue;
    ChunkFn m_fn = nullptr;
    const void *m_f = nullptr;
    const std::atomic<bool> *m_stop = nullptr;
    std::mutex m_errorMutex;
    std::exception_ptr m_error;
    nn::ThreadPool m_pool; // last: its threads stop before the rest goes
};

} // namespace

void runChunks(std::int64_t chunks, ChunkFn fn, const void *f)
{
    static Pool pool;
    if (pool.tryRun(chunks, fn, f)) return;
    for (std::int64_t c = 0; c < chunks; ++c) {
        checkInterrupt();
        fn(f, c);
    }
}

void checkInterrupt()
{
    if (t_interrupt && t_interrupt->load(std::memory_order_relaxed)) throw interrupted();
}

} // namespace core::cell::detail

namespace core::cell {

InterruptScope::InterruptScope(const std::atomic<bool> *flag) : m_previous(detail::t_interrupt)
{
    detail::t_interrupt = flag;
}

InterruptScope::~InterruptScope()
{
    detail::t_interrupt = m_previous;
}

} // namespace core::cell
