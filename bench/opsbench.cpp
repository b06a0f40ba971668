// Benchmark (issue 10): NumPy's element-wise ops, broadcasting, a reduction and np.dot run as
// notebook cells by core::cell::Session, the same text bench/compare-ops-numpy.py gives NumPy. Each
// row defines its operands in a setup cell (untimed) and times the op cell alone: the median of
// the repetitions, GB/s as the bytes the op must read and write over that median. Also measures
// the machine's memory bandwidth in the same run (a copy and an add of 10^7 doubles into memory
// already mapped, on 1 and 2 threads), the ceiling those GB/s are read against.
// Prints one JSON object a line; bench/compare-ops joins them with NumPy's into a table.
// Usage: bench_ops [--repeats N] [--list | --row K | --machine]
//   --list: the rows' cells, for the NumPy peer; --row: only row K (from 0); --machine: only the
//   bandwidth. bench/compare-ops runs one row at a time, alternating with NumPy.

#include "core/cell/session.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iterator>
#include <string>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

struct Row {
    const char *name;
    double elements; // of the result (of the operands, for a reduction)
    double bytes;    // read + written by the op
    const char *setup;
    const char *op;
    const char *check; // an expression both engines print, to see they computed the same
};

// Seeded, so that both engines draw the same operands (the engine's np.random is NumPy's MT19937).
const Row kRows[] = {
    {"float64 x + y", 1e6, 3 * 8e6,
     "np.random.seed(0); x = np.random.random(1000000); y = np.random.random(1000000)", "z = x + y",
     "z.sum()"},
    {"float64 x + y", 1e7, 3 * 8e7,
     "np.random.seed(0); x = np.random.random(10000000); y = np.random.random(10000000)",
     "z = x + y", "z.sum()"},
    {"float64 x * 2.0", 1e7, 2 * 8e7, "np.random.seed(0); x = np.random.random(10000000)",
     "z = x * 2.0", "z.sum()"},
    {"float32 relu np.maximum(f, 0.)", 1e6, 2 * 4e6,
     "np.random.seed(0); f = (np.random.random(1000000) - 0.5).astype(np.float32)",
     "r = np.maximum(f, 0.)", "r.sum()"},
    {"float32 relu np.maximum(f, 0.)", 1e7, 2 * 4e7,
     "np.random.seed(0); f = (np.random.random(10000000) - 0.5).astype(np.float32)",
     "r = np.maximum(f, 0.)", "r.sum()"},
    {"broadcast (1000, 1000) + (1000,)", 1e6, 2 * 8e6 + 8e3,
     "np.random.seed(0); m = np.random.random((1000, 1000)); v = np.random.random(1000)",
     "w = m + v", "w.sum()"},
    {"broadcast np.maximum((1024, 3, 32, 10), (32, 10))", 983040, 2 * 8 * 983040.0 + 2560,
     "np.random.seed(0); a = np.random.random((1024, 3, 32, 10)); b = np.random.random((32, 10))",
     "c = np.maximum(a, b)", "c.sum()"},
    {"broadcast np.maximum((10240, 3, 32, 10), (32, 10))", 9830400, 2 * 8 * 9830400.0 + 2560,
     "np.random.seed(0); a = np.random.random((10240, 3, 32, 10)); b = np.random.random((32, 10))",
     "c = np.maximum(a, b)", "c.sum()"},
    {"float64 x.sum()", 1e7, 8e7, "np.random.seed(0); x = np.random.random(10000000)",
     "s = x.sum()", "s"},
    {"float64 np.dot (512, 512) x (512, 512)", 512 * 512, 3 * 8 * 512 * 512.0,
     "np.random.seed(0); a = np.random.random((512, 512)); b = np.random.random((512, 512))",
     "c = np.dot(a, b)", "c[0, 0]"},
};

double msSince(Clock::time_point t0)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

std::string jsonString(const std::string &s)
{
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out + "\"";
}

std::string jsonList(const std::vector<double> &v)
{
    std::string out = "[";
    for (std::size_t i = 0; i < v.size(); ++i) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%s%.4f", i ? ", " : "", v[i]);
        out += buf;
    }
    return out + "]";
}

core::cell::CellResult mustRun(core::cell::Session &s, const char *cell)
{
    core::cell::CellResult r = s.run(cell);
    if (!r.ok()) {
        std::fprintf(stderr, "bench_ops: %s\n  %s\n", cell, r.error->text().c_str());
        std::exit(1);
    }
    return r;
}

// f(begin, end) over [0, n) split between `threads` threads; returns the wall time in ms.
template<class F> double timedSplit(int threads, std::size_t n, F f)
{
    const auto t0 = Clock::now();
    std::vector<std::thread> pool;
    for (int t = 1; t < threads; ++t)
        pool.emplace_back([&, t] { f(n * t / threads, n * (t + 1) / threads); });
    f(0, n / threads);
    for (auto &th : pool)
        th.join();
    return msSince(t0);
}

// The machine's bandwidth: copy (memcpy) and add of 10^7 doubles into a destination already
// mapped, so that no page faults are counted; the engine's outputs are fresh memory, so this is
// a ceiling, not a target.
void machineBandwidth(int repeats)
{
    const std::size_t n = 10'000'000;
    std::vector<double> a(n, 1.0), b(n, 2.0), c(n, 0.0);
    for (int threads : {1, 2}) {
        std::vector<double> copyMs, addMs;
        for (int r = 0; r < repeats + 1; ++r) {
            const double tc = timedSplit(threads, n, [&](std::size_t lo, std::size_t hi) {
                std::memcpy(c.data() + lo, a.data() + lo, (hi - lo) * sizeof(double));
            });
            const double ta = timedSplit(threads, n, [&](std::size_t lo, std::size_t hi) {
                for (std::size_t i = lo; i < hi; ++i)
                    c[i] = a[i] + b[i];
            });
            if (r == 0) continue; // warm-up
            copyMs.push_back(tc);
            addMs.push_back(ta);
        }
        std::printf("{\"machine\": \"copy\", \"threads\": %d, \"bytes\": %.0f, \"ms\": %s}\n",
                    threads, 2 * 8.0 * n, jsonList(copyMs).c_str());
        std::printf("{\"machine\": \"add\", \"threads\": %d, \"bytes\": %.0f, \"ms\": %s}\n",
                    threads, 3 * 8.0 * n, jsonList(addMs).c_str());
        if (c[n / 2] != 3.0) std::exit(1);
    }
}

} // namespace

int main(int argc, char **argv)
{
    int repeats = 21;
    bool list = false;
    int only = -1; // a row, or -2 for the machine alone
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--repeats") == 0 && i + 1 < argc)
            repeats = std::max(1, std::atoi(argv[++i]));
        else if (std::strcmp(argv[i], "--list") == 0)
            list = true;
        else if (std::strcmp(argv[i], "--row") == 0 && i + 1 < argc)
            only = std::atoi(argv[++i]);
        else if (std::strcmp(argv[i], "--machine") == 0)
            only = -2;
        else
            only = -3;
    }
    if (only < -2 || only >= static_cast<int>(std::size(kRows))) {
        std::fprintf(stderr,
                     "usage: bench_ops [--repeats N] [--list | --row K | --machine], K "
                     "from 0 to %zu\n",
                     std::size(kRows) - 1);
        return 2;
    }
    if (list) {
        for (const Row &row : kRows)
            std::printf("{\"name\": %s, \"elements\": %.0f, \"bytes\": %.0f, \"setup\": %s, "
                        "\"op\": %s, \"check\": %s}\n",
                        jsonString(row.name).c_str(), row.elements, row.bytes,
                        jsonString(row.setup).c_str(), jsonString(row.op).c_str(),
                        jsonString(row.check).c_str());
        return 0;
    }
    if (only == -1 || only == -2) machineBandwidth(repeats);
    for (int k = 0; k < static_cast<int>(std::size(kRows)); ++k) {
        if (only != -1 && only != k) continue;
        const Row &row = kRows[k];
        core::cell::Session session; // a fresh notebook a row: the previous operands are freed
        mustRun(session, "import numpy as np");
        mustRun(session, row.setup);
        std::vector<double> times;
        for (int r = 0; r < repeats + 2; ++r) {
            const auto t0 = Clock::now();
            mustRun(session, row.op);
            const double t = msSince(t0);
            if (r >= 2) times.push_back(t); // two warm-up runs
        }
        const std::string check = mustRun(session, row.check).valueRepr;
        std::printf("{\"name\": %s, \"elements\": %.0f, \"bytes\": %.0f, \"ms\": %s, \"check\": "
                    "%s}\n",
                    jsonString(row.name).c_str(), row.elements, row.bytes, jsonList(times).c_str(),
                    jsonString(check).c_str());
        std::fflush(stdout);
    }
    return 0;
}
