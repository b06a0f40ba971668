#pragma once
// Two pieces of one frame's work at once: `there` on a thread started for it, `here` on the
// caller's. Used where a frame of the Uncrumple view is more work than one core does in 16 ms (its
// points beside its lattice, its two bands of rows, the passage's points beside its lattice
// nodes). Starting a thread costs tens of microseconds; each piece is a millisecond or more.
//
// Where no thread can be had, both run here, one after the other. An exception from either piece
// reaches the caller, after both have stopped.

#include <exception>
#include <system_error>
#include <thread>

namespace ui {

template<typename Here, typename There> void runTogether(const Here &here, const There &there)
{
    std::exception_ptr thereFailed;
    std::thread other;
    try {
        other = std::thread([&] {
            try {
                there();
            } catch (...) {
                thereFailed = std::current_exception();
            }
        });
    } catch (const std::system_error &) {
        there();
        here();
        return;
    }
    try {
        here();
    } catch (...) {
        other.join();
        throw;
    }
    other.join();
    if (thereFailed) std::rethrow_exception(thereFailed);
}

} // namespace ui
