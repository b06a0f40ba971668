#pragma once
// A small pool for the engine's data-parallel steps, built so that a thread the operating system
// preempts (a busy machine, the GUI thread drawing a frame) slows a step down instead of stopping
// it.
//
// Work comes in rounds. post() starts one: every pool thread calls the job once, with the round's
// generation; the caller does its share too. Inside a round the job takes chunks from WorkQueues:
// whichever thread asks first gets the next chunk, and a thread that finds a queue empty waits only
// for the chunks already taken, never for a thread that has not shown up. The caller ends a round
// by waiting for its last queue; a pool thread that was late finds nothing left and skips the
// round.
//
// What a chunk computes does not depend on which thread computes it, so results do not depend on
// the number of threads or on scheduling.
//
// Waiting spins for 40 µs (a futex wake-up costs tens of microseconds, a training step about a
// millisecond), then sleeps on the atomic (C++20 wait/notify), so an idle pool costs nothing.
// Jobs must not throw.

#include <atomic>
#include <cstdint>
#include <thread>
#include <vector>

namespace core::nn {

class ThreadPool {
public:
    using Job = void (*)(void *context, int thread, std::uint32_t generation);

    // threads >= 1 participants including the caller of post(); job(context, t, generation) runs
    // on pool threads t = 1 .. threads - 1.
    ThreadPool(int threads, Job job, void *context);
    ~ThreadPool();
    ThreadPool(const ThreadPool &) = delete;
    ThreadPool &operator=(const ThreadPool &) = delete;

    int size() const { return m_size; }
    // The generation the next post() will return, for setting up its queues beforehand.
    std::uint32_t nextGeneration() const { return m_generation.load() + 1; }
    // Starts a round and returns its generation. A pool thread still busy with an earlier round
    // joins this one when it is free (it calls the job once, for the newest round only).
    std::uint32_t post();

private:
    void workerLoop(int t);

    int m_size;
    Job m_job;
    void *m_context;
    std::atomic<std::uint32_t> m_generation{0};
    std::atomic<bool> m_stop{false};
    std::vector<std::thread> m_threads;
};

// Chunks [0, total) of one round, taken by whichever thread asks first.
class WorkQueue {
public:
    // Prepares the round generation; call before post() publishes it.
    void reset(std::uint32_t generation, std::uint32_t total);
    // The next chunk of the round, or -1 when all are taken or the round is over.
    int take(std::uint32_t generation);
    // Marks one taken chunk as done.
    void finish(std::uint32_t generation);
    // Waits until every chunk of the round is done (true), or returns false at once when a newer
    // round has replaced it (which only happens after it was done).
    bool wait(std::uint32_t generation) const;

private:
    static std::uint64_t tag(std::uint32_t generation, std::uint32_t count)
    {
        return (std::uint64_t{generation} << 32) | count;
    }
    alignas(64) std::atomic<std::uint64_t> m_next{0};
    alignas(64) std::atomic<std::uint64_t> m_done{0};
    std::atomic<std::uint32_t> m_total{0};
};

} // namespace core::nn
