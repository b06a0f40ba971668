// Benchmark: load all 70,000 MNIST digits (the four IDX files) with the core reader, and convert
// the training images to float32 / 255 as the book does. Prints the median over repeated runs.
// Usage: bench_idxload [DIR] [--repeat N]

#include "core/data/mnist.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

int main(int argc, char **argv)
{
    std::filesystem::path dir = core::defaultMnistDir();
    int repeat = 11;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--repeat") == 0 && i + 1 < argc)
            repeat = std::max(1, std::atoi(argv[++i]));
        else
            dir = argv[i];
    }
    if (!core::hasMnistFiles(dir)) {
        std::fprintf(stderr, "bench_idxload: MNIST not found in %s (run scripts/fetch-mnist)\n",
                     dir.c_str());
        return 1;
    }
    using Clock = std::chrono::steady_clock;
    std::vector<double> loadMs, floatMs;
    for (int r = 0; r < repeat; ++r) {
        const auto t0 = Clock::now();
        const core::MnistData data = core::loadMnist(dir);
        const auto t1 = Clock::now();
        const core::Tensor x = data.trainImages.reshape({60000, 784}).divided(255.0f);
        const auto t2 = Clock::now();
        loadMs.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
        floatMs.push_back(std::chrono::duration<double, std::milli>(t2 - t1).count());
        if (x.size() != 60000 * 784) return 1;
    }
    auto median = [](std::vector<double> v) {
        std::sort(v.begin(), v.end());
        return v[v.size() / 2];
    };
    std::printf("load 70,000 digits (4 IDX files): median %.1f ms, min %.1f ms over %d runs "
                "(target < 150 ms)\n",
                median(loadMs), *std::min_element(loadMs.begin(), loadMs.end()), repeat);
    std::printf("train_images.reshape((60000, 784)).astype('float32') / 255: median %.1f ms\n",
                median(floatMs));
    std::printf("{\"bench\":\"idxload\",\"load_ms\":%.2f,\"to_float_ms\":%.2f,\"runs\":%d}\n",
                median(loadMs), median(floatMs), repeat);
    return 0;
}
