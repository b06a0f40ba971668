#pragma once
// A small fixed-size pool for the engine's data-parallel steps.
//
// run(job) calls job(t) once for every t in [0, size()): t = 0 on the calling thread, the others on
// the pool's threads, and returns when all have finished. Inside a job, barrier() waits until every
// participant has reached it. The work split is the job's business (the engine cuts every range by
// t and size()), so a given size() always does the same arithmetic in the same order.
//
// Waiting spins for 40 µs (a futex wake-up costs tens of microseconds, a training step about a
// millisecond), then sleeps on the atomic (C++20 wait/notify), so an idle pool costs nothing and a
// busy machine is not charged for long spins. Jobs must not throw.

#include <atomic>
#include <cstdint>
#include <thread>
#include <vector>

namespace core::nn {

class ThreadPool {
public:
    // threads >= 1 participants including the caller of run().
    explicit ThreadPool(int threads);
    ~ThreadPool();
    ThreadPool(const ThreadPool &) = delete;
    ThreadPool &operator=(const ThreadPool &) = delete;

    int size() const { return m_size; }

    template<class Job> void run(Job &&job)
    {
        using J = std::remove_reference_t<Job>;
        runErased([](void *context, int t) { (*static_cast<J *>(context))(t); },
                  const_cast<void *>(static_cast<const void *>(&job)));
    }

    // Called by all size() participants of the current job.
    void barrier();

    // [begin, end) of participant t when n items are cut into size() near-equal parts, each
    // boundary rounded down to a multiple of align (the last part takes the rest).
    static std::int64_t partBegin(std::int64_t n, int t, int parts, std::int64_t align = 1);

private:
    void runErased(void (*call)(void *, int), void *context);
    void workerLoop(int t);

    int m_size;
    std::vector<std::thread> m_threads;
    void (*m_call)(void *, int) = nullptr;
    void *m_context = nullptr;
    std::atomic<std::uint32_t> m_generation{0};
    std::atomic<int> m_running{0};
    std::atomic<bool> m_stop{false};
    std::atomic<int> m_barrierCount{0};
    std::atomic<std::uint32_t> m_barrierPhase{0};
};

} // namespace core::nn
