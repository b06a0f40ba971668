// The Uncrumple page's training and layer math on one core: the median time of a training epoch of
// the default network on 2,000 points (the target: under 10 ms), the whole default recipe,
// and for 50,000 points the layer stack, one passage frame and the linear probe of every stage.
// Usage: bench_manifold [REPEATS]

#include "core/manifold/generate.h"
#include "core/manifold/layerstack.h"
#include "core/manifold/linearprobe.h"
#include "core/manifold/network.h"
#include "core/manifold/passage.h"
#include "core/nn/trainer.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

using namespace core::manifold;
namespace nn = core::nn;

namespace {

using Clock = std::chrono::steady_clock;

double ms(Clock::time_point t0)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

LabeledPoints data(DataKind kind, int points)
{
    GeneratorOptions g;
    g.kind = kind;
    g.points = points;
    return generate(g);
}

} // namespace

int main(int argc, char **argv)
{
    const int repeats = argc > 1 ? std::max(3, std::atoi(argv[1])) : 50;
    for (DataKind kind : {DataKind::Sheets, DataKind::Spirals}) {
        const TrainingRecipe recipe = TrainingRecipe::defaults(kind);
        const LabeledPoints d = data(kind, 2000);
        const nn::Dataset ds = d.dataset();
        nn::Sequential model = NetworkSpec::defaults(d.dims()).build(1);
        nn::TrainOptions o;
        o.epochs = 1;
        o.batchSize = recipe.batchSize;
        o.threads = 1;
        nn::Trainer trainer(model, recipe.optimizer, o);
        std::vector<double> epochs;
        for (int r = 0; r < repeats; ++r)
            epochs.push_back(trainer.fit(ds).seconds * 1e3);
        // The whole default recipe from fresh weights.
        nn::Sequential fresh = NetworkSpec::defaults(d.dims()).build(1);
        nn::TrainOptions all = o;
        all.seed = 1; // as `uncrumple manifold --seed 1` shuffles
        all.epochs = recipe.epochs;
        nn::Trainer full(fresh, recipe.optimizer, all);
        const auto t0 = Clock::now();
        full.fit(ds);
        const double total = ms(t0);
        std::printf("%-8s %s, batch %d: epoch median %.3f ms (min %.3f) on 1 thread; "
                    "%d epochs %.0f ms, accuracy %.4f\n",
                    std::string(dataKindName(kind)).c_str(), fresh.describe().c_str(),
                    recipe.batchSize, median(epochs),
                    *std::min_element(epochs.begin(), epochs.end()), recipe.epochs, total,
                    full.evaluate(ds).accuracy);
    }
    const LabeledPoints big = data(DataKind::Sheets, 50000);
    const nn::Sequential model = NetworkSpec::defaults(3).build(1);
    std::vector<double> stackMs, frameMs, probeMs;
    nn::Matrix frame;
    for (int r = 0; r < std::max(3, repeats / 10); ++r) {
        auto t0 = Clock::now();
        const LayerStack stack(model, big.points);
        stackMs.push_back(ms(t0));
        const Passage p(model, 2);
        t0 = Clock::now();
        p.frame(stack, Phase::Linear, 0.37, frame);
        frameMs.push_back(ms(t0));
        t0 = Clock::now();
        probeStages(stack, big.labels);
        probeMs.push_back(ms(t0));
    }
    std::printf("50000 points: layer stack %.2f ms, one linear-phase frame %.2f ms, probe of 5 "
                "stages %.2f ms (medians)\n",
                median(stackMs), median(frameMs), median(probeMs));
    return 0;
}
