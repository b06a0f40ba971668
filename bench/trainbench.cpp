// Benchmark: the book's MNIST recipe (784 → Dense(512, relu) → Dense(10, softmax), RMSprop, batch
// 128, 5 epochs) trained by the engine on the full data set, one run per seed. Reports the median
// seconds per epoch over every epoch of every run, the throughput in GFLOP/s (dense-equivalent: the
// 98.2 GFLOP an epoch of dense products takes, which is what the peers compute), and the test
// accuracy per seed, then one JSON line. Time is measured as the peers in ../shared/peer measure
// it: from the shuffle to the end of the epoch's last batch.
//
// Usage: bench_train [--data DIR] [--epochs 5] [--seeds 0,1,2] [--threads 2]
//                    [--path auto|dense|sparse] [--optimizer rmsprop|adam|sgd] [--batch-size 128]
//        bench_train --crossover [--threads 2]
//   times one epoch of the same network on random data with a given share of exact zeros, through
//   the dense and the sparse input path, to place Auto's threshold (kSparseZeroFraction).

#include "core/data/mnist.h"
#include "core/nn/inference.h"
#include "core/nn/model.h"
#include "core/nn/random.h"
#include "core/nn/trainer.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <sstream>
#include <string>
#include <vector>

namespace {

double median(std::vector<double> v)
{
    if (v.empty()) return 0.0;
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

std::string jsonList(const std::vector<double> &v, const char *format)
{
    std::string s = "[";
    for (std::size_t i = 0; i < v.size(); ++i) {
        char buf[32];
        std::snprintf(buf, sizeof buf, format, v[i]);
        s += (i ? "," : "") + std::string(buf);
    }
    return s + "]";
}

// Seconds per epoch of 60,000 samples, measured on 20,000 random samples of 784 features in
// (0, 1] with a share of exact zeros, for each input path.
int crossover(int threads)
{
    using namespace core::nn;
    std::printf("zeros  dense s/epoch  sparse s/epoch  faster\n");
    for (double zeros : {0.0, 0.2, 0.35, 0.5, 0.6, 0.7, 0.8, 0.9}) {
        const std::int64_t n = 20000;
        Matrix x(n, 784);
        std::vector<std::int32_t> labels(static_cast<std::size_t>(n));
        Random r(1);
        for (std::int64_t i = 0; i < n * 784; ++i)
            x.data()[i] = r.uniform01() < zeros ? 0.0f : 1.0f - r.uniform01();
        for (auto &y : labels)
            y = static_cast<std::int32_t>(r.below(10));
        const Dataset data = Dataset::fromMatrix(std::move(x), std::move(labels));
        double seconds[2];
        for (int k = 0; k < 2; ++k) {
            std::vector<double> runs;
            for (int rep = 0; rep < 3; ++rep) {
                Sequential model = Sequential::bookMnist();
                model.initialize(0);
                TrainOptions options;
                options.epochs = 1;
                options.threads = threads;
                options.inputPath = k == 0 ? InputPath::Dense : InputPath::Sparse;
                Trainer trainer(model, OptimizerConfig::rmsprop(), options);
                runs.push_back(trainer.fit(data).epochs.at(0).seconds * 3.0);
            }
            seconds[k] = median(runs);
        }
        std::printf("%5.2f  %13.3f  %14.3f  %s\n", zeros, seconds[0], seconds[1],
                    seconds[0] < seconds[1] ? "dense" : "sparse");
        std::fflush(stdout);
    }
    return 0;
}

int usage(const char *message)
{
    std::fprintf(stderr,
                 "bench_train: %s\nusage: bench_train [--data DIR] [--epochs N] "
                 "[--seeds 0,1,2] [--threads N] [--path auto|dense|sparse] "
                 "[--optimizer rmsprop|adam|sgd] [--batch-size N]\n",
                 message);
    return 2;
}

} // namespace

int main(int argc, char **argv)
{
    using namespace core::nn;
    std::filesystem::path dir = core::defaultMnistDir();
    int epochs = 5, threads = 2, batchSize = 128;
    std::vector<std::uint64_t> seeds = {0, 1, 2};
    InputPath path = InputPath::Auto;
    std::string pathName = "auto";
    OptimizerConfig optimizer = OptimizerConfig::rmsprop();
    bool crossoverMode = false;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--crossover") {
            crossoverMode = true;
            continue;
        }
        if (i + 1 >= argc) return usage(("missing value after " + a).c_str());
        const std::string v = argv[++i];
        if (a == "--data") {
            dir = v;
        } else if (a == "--epochs") {
            epochs = std::atoi(v.c_str());
        } else if (a == "--threads") {
            threads = std::atoi(v.c_str());
        } else if (a == "--batch-size") {
            batchSize = std::atoi(v.c_str());
        } else if (a == "--seeds") {
            seeds.clear();
            std::stringstream ss(v);
            for (std::string item; std::getline(ss, item, ',');)
                seeds.push_back(std::strtoull(item.c_str(), nullptr, 10));
        } else if (a == "--path") {
            pathName = v;
            if (v == "dense")
                path = InputPath::Dense;
            else if (v == "sparse")
                path = InputPath::Sparse;
            else if (v != "auto")
                return usage("--path takes auto, dense or sparse");
        } else if (a == "--optimizer") {
            const auto kind = optimizerFromName(v);
            if (!kind) return usage("--optimizer takes rmsprop, adam or sgd");
            optimizer = OptimizerConfig::defaults(*kind);
        } else {
            return usage(("unknown option " + a).c_str());
        }
    }
    if (epochs < 1 || threads < 1 || batchSize < 1 || seeds.empty())
        return usage("epochs, threads, batch size and seeds must be positive");
    if (crossoverMode) return crossover(threads);
    if (!core::hasMnistFiles(dir)) {
        std::fprintf(stderr, "bench_train: MNIST not found in %s (run scripts/fetch-mnist)\n",
                     dir.c_str());
        return 1;
    }
    try {
        const core::MnistData mnist = core::loadMnist(dir);
        const Dataset train = Dataset::fromTensors(mnist.trainImages, mnist.trainLabels, 255.0f);
        const Dataset test = Dataset::fromTensors(mnist.testImages, mnist.testLabels, 255.0f);
        const double n = static_cast<double>(train.size());
        // FLOPs of one epoch of dense products: forward X·W1, H·W2; backward Hᵀ·dZ, dZ·W2ᵀ, Xᵀ·dA.
        const double denseFlops = 2.0 * n * (784.0 * 512 * 2 + 512.0 * 10 * 3);
        std::printf("bench_train: %s, %s, batch %d, %d epochs, %d threads, input path %s; "
                    "MNIST zeros %.1f%%\n",
                    Sequential::bookMnist().describe().c_str(), optimizer.describe().c_str(),
                    batchSize, epochs, threads, pathName.c_str(), 100.0 * train.zeroFraction());
        std::vector<double> epochSeconds, accuracies;
        bool sparse = false;
        for (std::uint64_t seed : seeds) {
            Sequential model = Sequential::bookMnist();
            model.initialize(seed);
            TrainOptions options;
            options.epochs = epochs;
            options.batchSize = batchSize;
            options.seed = seed;
            options.threads = threads;
            options.inputPath = path;
            Trainer trainer(model, optimizer, options);
            trainer.setEpochCallback([&](const EpochSummary &s) {
                std::printf("seed %llu epoch %d/%d: %.3f s  loss %.4f  accuracy %.4f\n",
                            static_cast<unsigned long long>(seed), s.epoch, s.epochs, s.seconds,
                            s.loss, s.accuracy);
                std::fflush(stdout);
                epochSeconds.push_back(s.seconds);
                return true;
            });
            const TrainResult result = trainer.fit(train);
            if (result.status != TrainStatus::Finished) {
                std::fprintf(stderr, "bench_train: %s\n", result.message.c_str());
                return 1;
            }
            sparse = trainer.sparseInput();
            const Evaluation ev = evaluate(model, test, threads);
            std::printf("seed %llu test_acc %.4f\n", static_cast<unsigned long long>(seed),
                        ev.accuracy);
            accuracies.push_back(ev.accuracy);
        }
        const double med = median(epochSeconds);
        const double gflops = denseFlops / med * 1e-9;
        std::printf("median %.3f s/epoch (min %.3f, max %.3f) = %.1f GFLOP/s dense-equivalent; "
                    "median test_acc %.4f\n",
                    med, *std::min_element(epochSeconds.begin(), epochSeconds.end()),
                    *std::max_element(epochSeconds.begin(), epochSeconds.end()), gflops,
                    median(accuracies));
        std::printf("{\"bench\":\"train\",\"impl\":\"uncrumple\",\"epoch_s\":%s,"
                    "\"median_epoch_s\":%.4f,\"gflops\":%.2f,\"test_acc\":%s,"
                    "\"median_test_acc\":%.4f,\"threads\":%d,\"path\":\"%s\",\"optimizer\":\"%s\","
                    "\"epochs\":%d,\"batch_size\":%d}\n",
                    jsonList(epochSeconds, "%.4f").c_str(), med, gflops,
                    jsonList(accuracies, "%.4f").c_str(), median(accuracies), threads,
                    sparse ? "sparse" : "dense", std::string(optimizer.name()).c_str(), epochs,
                    batchSize);
        return 0;
    } catch (const std::exception &e) {
        std::fprintf(stderr, "bench_train: %s\n", e.what());
        return 1;
    }
}
