#pragma once
// One training step, or one inference pass, of a Sequential over a batch, on a thread pool
// (internal header: the public entry points are Trainer, evaluate() and predict()).
//
// A step is a sequence of phases; each phase is cut into fixed chunks that the threads take in
// turn (threadpool.h), and the next phase starts when every chunk of this one is done:
//   forward   chunks of 32 samples: every layer, then the fused softmax-crossentropy (the row's
//             loss and the output delta (p - onehot) / m), and for the first layer's gradient the
//             chunk's samples listed by pair of input features (see below).
//             If a loss is not finite, the step stops here: no weight changes.
//   layer l   for each layer l > 1 from the last, chunks of 64 of its input units r: the input
//             delta for them (delta_l · W_l[r, :]ᵀ, times the previous activation's derivative)
//             and the kernel gradient rows W_l[r, :] (A_{l-1}[:, r]ᵀ · delta_l), plus chunks of
//             its bias; each range goes to the optimizer as soon as it is known.
//   layer 1   no input delta: nobody needs the gradient of the pixels. When layer 2's chunk has
//             made the delta of 64 first-layer units, the same chunk computes their kernel
//             gradient and bias, so no phase boundary is needed between them. With sparse input
//             it runs over each pair of neighbouring pixels' nonzero samples only, and updates the
//             two kernel rows straight from the accumulators.
// The optimizer writes the new weights into a second buffer, swapped in after the step: the
// previous weights stay available, so a step that goes wrong can be undone exactly.
// Every sum runs over a fixed index order (see kernels.h) and chunks are fixed by the batch, not
// by the threads: the result is the same for any thread count and any scheduling.
// Nothing is allocated after construction.

#include "core/nn/adam.h"
#include "core/nn/dataset.h"
#include "core/nn/kernels.h"
#include "core/nn/matrix.h"
#include "core/nn/model.h"
#include "core/nn/rmsprop.h"
#include "core/nn/rule.h"
#include "core/nn/sgd.h"
#include "core/nn/simd.h"
#include "core/nn/threadpool.h"

#include <cstdint>
#include <memory>
#include <span>
#include <variant>
#include <vector>

namespace core::nn {

// Where a batch's samples come from: rows of a Dataset picked by index, or consecutive rows of a
// matrix.
struct BatchSource {
    const Dataset *dataset = nullptr;
    const std::int32_t *rows = nullptr; // count indices into dataset
    MatrixView matrix;                  // used when dataset is null
    std::int64_t first = 0;             // first matrix row
    std::int64_t count = 0;
};

struct StepOutcome {
    bool lossFinite = true;    // false: no weight was changed
    bool weightsFinite = true; // false: the new weights are bad and were not swapped in
};

// Captures gradients instead of applying them (for computeGradients()); see rule.h.
struct GradientRule {
    float *gradient;
    void apply(std::size_t offset, int lanes, simd::Vec g, simd::FiniteCheck &) const
    {
        simd::storeN(gradient + offset, g, lanes);
    }
    void applyZero(std::size_t offset, int lanes, simd::FiniteCheck &) const
    {
        simd::storeN(gradient + offset, simd::zero(), lanes);
    }
    bool operator()(std::size_t offset, std::int64_t n, const float *g) const
    {
        return applyRange(*this, offset, n, g);
    }
};

class Engine {
public:
    // Up to capacity samples per batch, threads >= 1 (at most kMaxThreads).
    Engine(const Sequential &model, std::int64_t capacity, int threads, bool sparseInput);
    ~Engine();
    Engine(const Engine &) = delete;
    Engine &operator=(const Engine &) = delete;

    static constexpr int kMaxThreads = 64;
    // Larger batches go through the dense path (the sparse one keeps per-chunk lists).
    static constexpr std::int64_t kMaxSparseBatch = 2048;

    std::int64_t capacity() const { return m_capacity; }
    int threads() const { return m_pool->size(); }
    bool sparseInput() const { return m_sparse; }
    // True when this engine was built for the same architecture and settings.
    bool fits(const Sequential &model, std::int64_t capacity, int threads, bool sparseInput) const;

    // Copies the model's weights as "previous" (undo target) before the first step.
    void beginTraining(const Sequential &model);
    // Where the optimizer writes new weights during trainStep.
    float *nextWeights() { return m_previous.data(); }

    // Forward, loss, backward and update through rule (one of the rules of rmsprop.h, sgd.h,
    // adam.h, or GradientRule). labels[i] is the class of batch row i, in [0, outputs).
    template<class Rule>
    StepOutcome trainStep(const Sequential &model, const BatchSource &batch,
                          const std::int32_t *labels, const Rule &rule)
    {
        m_rule = rule;
        return run(model, batch, labels, nullptr, 0, true);
    }
    // After a good step: the new weights become the model's, the old ones the undo target.
    void commit(Sequential &model);
    // After a step whose loss was not finite: back to the weights before the previous step.
    void restorePrevious(Sequential &model);

    // The model's outputs for the batch into out (count x outputs, leading dimension ldOut; may
    // be null). With labels, the last layer must be softmax: rowLoss() and predicted() are filled.
    void infer(const Sequential &model, const BatchSource &batch, const std::int32_t *labels,
               float *out, std::int64_t ldOut);

    // Per batch row, after trainStep or infer with labels.
    std::span<const float> rowLoss() const { return {m_rowLoss.data(), m_rowLoss.size()}; }
    std::span<const std::int32_t> predicted() const { return m_predicted; }
    // Layer i's delta (∂loss/∂ pre-activation), batch x units with rows deltaStride(i) apart,
    // after trainStep.
    const float *delta(int layer) const { return m_delta[static_cast<std::size_t>(layer)].data(); }
    std::int64_t deltaStride(int layer) const { return m_ld[static_cast<std::size_t>(layer)]; }

    // Entries of one pair of input features: sample[e] lights them with value[2e], value[2e + 1].
    struct PairSpan {
        const std::uint32_t *sample = nullptr;
        const float *value = nullptr;
        std::int64_t count = 0;
    };
    struct Lane;     // per-thread scratch (engine.cpp)
    struct RowChunk; // per chunk of samples (engine.cpp)

private:
    using Rule = std::variant<RmspropRule, SgdRule, AdamRule, GradientRule>;
    enum class PhaseKind : std::uint8_t { Forward, Layer, RowWise, FirstLayer };
    struct Phase {
        PhaseKind kind;
        int layer;  // the layer whose gradient the phase computes
        int chunks; // for Layer: unit chunks of its inputs, then of its bias
    };

    StepOutcome run(const Sequential &model, const BatchSource &batch, const std::int32_t *labels,
                    float *out, std::int64_t ldOut, bool training);
    static void job(void *engine, int thread, std::uint32_t generation);
    void work(int thread, std::uint32_t generation);
    void forwardChunk(int chunk, Lane &lane);
    void buildPairs(std::int64_t s0, std::int64_t s1, RowChunk &chunk);
    template<class R> bool layerChunk(int layer, int chunk, Lane &lane, const R &rule);
    template<class R>
    bool firstLayerChunk(std::int64_t c0, std::int64_t c1, Lane &lane, const R &rule);
    void rowWiseChunk(int layer, int chunk);
    int rowChunks(std::int64_t rows) const;

    std::int64_t m_capacity;
    bool m_sparse;
    std::vector<int> m_widths; // inputs, then each layer's units
    std::vector<Activation> m_activations;
    std::vector<std::unique_ptr<Lane>> m_lanes;
    std::vector<std::unique_ptr<RowChunk>> m_rowChunks;
    std::vector<std::int64_t> m_ld; // per layer: the row stride of its activations and deltas
    std::vector<FloatBuffer> m_activation; // per layer: capacity x units
    std::vector<FloatBuffer> m_delta;      // per layer: capacity x units
    FloatBuffer m_input;                   // dense path: capacity x inputs
    std::vector<kernels::SparseSpan> m_rowSpans;
    std::vector<float> m_rowLoss;
    std::vector<std::int32_t> m_predicted;
    FloatBuffer m_previous; // the weights being written by a step (beginTraining)
    std::size_t m_parameterCount = 0;
    std::vector<Phase> m_phases;
    std::vector<std::unique_ptr<WorkQueue>> m_queues; // one per phase
    std::vector<char> m_chunkBad;                     // per unit chunk: a new weight not finite

    // The round in progress (stable while its chunks run).
    const Sequential *m_model = nullptr;
    BatchSource m_batch;
    const std::int32_t *m_labels = nullptr;
    float *m_out = nullptr;
    std::int64_t m_ldOut = 0;
    bool m_training = false;
    std::int64_t m_rows = 0;
    Rule m_rule = GradientRule{nullptr};

    std::unique_ptr<ThreadPool> m_pool; // last: its threads stop before the rest goes
};

} // namespace core::nn
