#include "core/nn/engine.h"

#include "core/errors.h"
#include "core/nn/activation.h"
#include "core/nn/denormals.h"
#include "core/nn/loss.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>
#include <limits>
#include <string>

namespace core::nn {

namespace {

// Samples per forward chunk, and units per backward chunk: fine enough for two threads to share
// the work evenly, coarse enough that a chunk is worth handing out.
constexpr std::int64_t kRowsPerChunk = 32;
constexpr std::int64_t kUnitsPerChunk = 64;
// Rows of a kernel gradient computed per optimizer call (the staging block stays in L1/L2).
constexpr std::int64_t kStagingRows = 16;
// Output columns per pass of the sparse forward product (8 vectors of accumulators).
constexpr std::int64_t kSparseColumns = 64;

std::int64_t chunksOf(std::int64_t n, std::int64_t size)
{
    return (n + size - 1) / size;
}

} // namespace

// Per-thread scratch, on its own cache lines.
struct alignas(64) Engine::Lane {
    // Matrix rows converted to sparse form (sparse path, matrix source).
    std::vector<std::uint32_t> csrIndex;
    std::vector<float> csrValue;
    FloatBuffer staging;  // kStagingRows x widest layer
    FloatBuffer packed;   // a transposed slice of a kernel
    FloatBuffer gradient; // one row of a gradient
};

// Per chunk of samples: whether a loss was not finite, and the chunk's samples by pair of input
// features (2q, 2q + 1), compressed sparse columns: pair q has entries [pairStart[q],
// pairStart[q + 1]), samples ascending, each with the sample's two values (one may be 0).
// Neighbouring pixels are mostly lit together, so a pair has 58% of the entries of its two
// features' lists, and each delta row it loads serves both.
struct alignas(64) Engine::RowChunk {
    std::atomic<bool> lossBad{false};
    std::vector<std::int32_t> pairStart;
    std::vector<std::int32_t> pairCursor;
    std::vector<std::uint32_t> pairSample;
    std::vector<float> pairValue; // two per entry
};

namespace {

// Kernel gradient rows 2q and 2q + 1 of the first layer for columns [j, j + 8 * NV) (the last
// vector with lastLanes lanes), handed to the rule straight from the accumulators:
// dW[p, j:] = Σ over the batch's samples i that light feature p of x_ip · delta[i, j:]. A sample
// that lights only one of the pair adds 0 · delta to the other, which changes no bit.
template<int NV, class Rule>
void pairGradient(const Engine::PairSpan *spans, int spanCount, const float *delta,
                  std::int64_t ldDelta, int lastLanes, bool second, std::size_t offsetA,
                  std::size_t offsetB, const Rule &rule, simd::FiniteCheck &bad)
{
    using namespace simd;
    Vec a[NV], b[NV];
    for (int v = 0; v < NV; ++v)
        a[v] = b[v] = zero();
    for (int s = 0; s < spanCount; ++s) {
        const Engine::PairSpan &span = spans[s];
        for (std::int64_t e = 0; e < span.count; ++e) {
            const Vec xa = set1(span.value[2 * e]), xb = set1(span.value[2 * e + 1]);
            const float *row = delta + static_cast<std::int64_t>(span.sample[e]) * ldDelta;
            for (int v = 0; v < NV; ++v) {
                const Vec d =
                    v + 1 < NV ? load(row + v * kLanes) : loadN(row + v * kLanes, lastLanes);
                a[v] = fma(xa, d, a[v]);
                b[v] = fma(xb, d, b[v]);
            }
        }
    }
    for (int v = 0; v < NV; ++v) {
        const int lanes = v + 1 < NV ? kLanes : lastLanes;
        rule.apply(offsetA + static_cast<std::size_t>(v * kLanes), lanes, a[v], bad);
        if (second) rule.apply(offsetB + static_cast<std::size_t>(v * kLanes), lanes, b[v], bad);
    }
}

// The first layer's kernel gradient for output columns [c0, c1), pair of input features by pair,
// 32 columns at a time (8 accumulators for the pair); the pairs' samples come from every chunk
// of samples, in order.
template<class Rule>
void sparseKernelGradient(const std::vector<std::unique_ptr<Engine::RowChunk>> &chunks,
                          int chunkCount, std::int64_t inputs, const float *delta,
                          std::int64_t ldDelta, std::int64_t units, std::int64_t c0,
                          std::int64_t c1, std::size_t kernelOffset, const Rule &rule,
                          simd::FiniteCheck &bad)
{
    constexpr std::int64_t kColumns = 4 * simd::kLanes;
    Engine::PairSpan spans[Engine::kMaxSparseBatch / kRowsPerChunk];
    for (std::int64_t q = 0; 2 * q < inputs; ++q) {
        std::int64_t total = 0;
        for (int k = 0; k < chunkCount; ++k) {
            const Engine::RowChunk &chunk = *chunks[static_cast<std::size_t>(k)];
            const std::int32_t b = chunk.pairStart[static_cast<std::size_t>(q)];
            const std::int32_t e = chunk.pairStart[static_cast<std::size_t>(q) + 1];
            spans[k] = {chunk.pairSample.data() + b, chunk.pairValue.data() + 2 * b, e - b};
            total += e - b;
        }
        const bool second = 2 * q + 1 < inputs;
        const std::size_t rowA = kernelOffset + static_cast<std::size_t>(2 * q * units);
        const std::size_t rowB = rowA + static_cast<std::size_t>(units);
        if (total == 0) {
            for (std::int64_t j = c0; j < c1; j += simd::kLanes) {
                const int lanes = static_cast<int>(std::min<std::int64_t>(simd::kLanes, c1 - j));
                rule.applyZero(rowA + static_cast<std::size_t>(j), lanes, bad);
                if (second) rule.applyZero(rowB + static_cast<std::size_t>(j), lanes, bad);
            }
            continue;
        }
        for (std::int64_t j = c0; j < c1; j += kColumns) {
            const std::int64_t cols = std::min(kColumns, c1 - j);
            const int vectors = static_cast<int>((cols + simd::kLanes - 1) / simd::kLanes);
            const int last = static_cast<int>(cols - (vectors - 1) * simd::kLanes);
            const std::size_t a = rowA + static_cast<std::size_t>(j);
            const std::size_t b = rowB + static_cast<std::size_t>(j);
            const float *d = delta + j;
            switch (vectors) {
            case 4:
                pairGradient<4>(spans, chunkCount, d, ldDelta, last, second, a, b, rule, bad);
                break;
            case 3:
                pairGradient<3>(spans, chunkCount, d, ldDelta, last, second, a, b, rule, bad);
                break;
            case 2:
                pairGradient<2>(spans, chunkCount, d, ldDelta, last, second, a, b, rule, bad);
                break;
            default:
                pairGradient<1>(spans, chunkCount, d, ldDelta, last, second, a, b, rule, bad);
                break;
            }
        }
    }
}

} // namespace

Engine::Engine(const Sequential &model, std::int64_t capacity, int threads, bool sparseInput)
    : m_capacity(std::max<std::int64_t>(1, capacity)), m_sparse(sparseInput)
{
    if (model.layerCount() < 1) throw ValueError("the model has no layers");
    const int T = std::clamp(threads, 1, kMaxThreads);
    m_widths.push_back(model.inputs());
    for (int i = 0; i < model.layerCount(); ++i) {
        m_widths.push_back(model.layer(i).units);
        m_activations.push_back(model.layer(i).activation);
    }
    const std::int64_t widest = *std::max_element(m_widths.begin(), m_widths.end());
    const std::int64_t inputs = m_widths.front();
    const std::int64_t rowChunkCount = chunksOf(m_capacity, kRowsPerChunk);
    if (m_sparse && m_capacity > kMaxSparseBatch)
        throw ValueError("the sparse input path takes batches of at most " +
                         std::to_string(kMaxSparseBatch) + " samples, got " +
                         std::to_string(m_capacity));
    const std::int64_t chunkRows = std::min(m_capacity, kRowsPerChunk);
    const auto pairs = static_cast<std::size_t>((inputs + 1) / 2);
    if (chunkRows * static_cast<std::int64_t>(pairs) * 2 > std::numeric_limits<std::int32_t>::max())
        throw ValueError("samples of " + std::to_string(inputs) + " features are too large");
    for (int t = 0; t < T; ++t) {
        auto lane = std::make_unique<Lane>();
        if (m_sparse) {
            lane->csrIndex.resize(static_cast<std::size_t>(chunkRows * inputs));
            lane->csrValue.resize(static_cast<std::size_t>(chunkRows * inputs));
        }
        lane->staging = FloatBuffer(static_cast<std::size_t>(kStagingRows * widest));
        lane->packed = FloatBuffer(static_cast<std::size_t>(widest * kUnitsPerChunk));
        lane->gradient = FloatBuffer(static_cast<std::size_t>(std::max(widest, kUnitsPerChunk)));
        m_lanes.push_back(std::move(lane));
    }
    for (std::int64_t k = 0; k < rowChunkCount; ++k) {
        auto chunk = std::make_unique<RowChunk>();
        if (m_sparse) {
            chunk->pairStart.resize(pairs + 1);
            chunk->pairCursor.resize(pairs);
            chunk->pairSample.resize(static_cast<std::size_t>(chunkRows) * pairs);
            chunk->pairValue.resize(2 * static_cast<std::size_t>(chunkRows) * pairs);
        }
        m_rowChunks.push_back(std::move(chunk));
    }
    for (std::size_t l = 1; l < m_widths.size(); ++l) {
        // Rows a multiple of 1 KiB apart would all fall in the same few cache sets: pad them.
        const std::int64_t ld = m_widths[l] % 256 == 0 ? m_widths[l] + 16 : m_widths[l];
        m_ld.push_back(ld);
        m_activation.emplace_back(static_cast<std::size_t>(m_capacity * ld));
        m_delta.emplace_back(static_cast<std::size_t>(m_capacity * ld));
    }
    if (!m_sparse) m_input = FloatBuffer(static_cast<std::size_t>(m_capacity * inputs));
    m_rowSpans.resize(static_cast<std::size_t>(m_capacity));
    m_rowLoss.resize(static_cast<std::size_t>(m_capacity));
    m_predicted.resize(static_cast<std::size_t>(m_capacity));
    // The weights' second copy is for training only (beginTraining makes it): an engine that only
    // predicts, ten digits for the Predictions tab, did not need it, and it is the size of the
    // model (216 MB for four layers of 4,096 units, zero-filled on the GUI thread).
    m_parameterCount = model.parameterCount();

    // The phases of a training step (see engine.h).
    const int layers = model.layerCount();
    m_phases.push_back({PhaseKind::Forward, -1, 0});
    bool firstDone = false;
    for (int li = layers - 1; li >= 1; --li) {
        const int in = m_widths[static_cast<std::size_t>(li)];
        const int out = m_widths[static_cast<std::size_t>(li) + 1];
        m_phases.push_back(
            {PhaseKind::Layer, li,
             static_cast<int>(chunksOf(in, kUnitsPerChunk) + chunksOf(out, kUnitsPerChunk))});
        if (isRowWise(m_activations[static_cast<std::size_t>(li) - 1]))
            m_phases.push_back({PhaseKind::RowWise, li - 1, 0});
        else if (li == 1)
            firstDone = true; // fused into layer 2's chunks
    }
    if (!firstDone)
        m_phases.push_back(
            {PhaseKind::FirstLayer, 0, static_cast<int>(chunksOf(m_widths[1], kUnitsPerChunk))});
    int unitChunks = 0;
    for (const Phase &p : m_phases) {
        m_queues.push_back(std::make_unique<WorkQueue>());
        unitChunks += p.chunks;
    }
    m_chunkBad.assign(static_cast<std::size_t>(std::max(unitChunks, 1)), 0);
    m_pool = std::make_unique<ThreadPool>(T, &Engine::job, this);
}

Engine::~Engine()
{
    m_pool.reset(); // stop the threads before the buffers they use go away
}

int Engine::rowChunks(std::int64_t rows) const
{
    return static_cast<int>(chunksOf(rows, kRowsPerChunk));
}

bool Engine::fits(const Sequential &model, std::int64_t capacity, int threads,
                  bool sparseInput) const
{
    if (capacity > m_capacity || std::clamp(threads, 1, kMaxThreads) != m_pool->size() ||
        sparseInput != m_sparse || model.layerCount() + 1 != static_cast<int>(m_widths.size()) ||
        model.inputs() != m_widths.front() || model.parameterCount() != m_parameterCount)
        return false;
    for (int i = 0; i < model.layerCount(); ++i)
        if (model.layer(i).units != m_widths[static_cast<std::size_t>(i) + 1] ||
            model.layer(i).activation != m_activations[static_cast<std::size_t>(i)])
            return false;
    return true;
}

void Engine::beginTraining(const Sequential &model)
{
    if (m_previous.size() != model.parameterCount())
        m_previous = FloatBuffer(model.parameterCount());
    std::copy_n(model.parameters().data(), model.parameterCount(), m_previous.data());
}

void Engine::commit(Sequential &model)
{
    model.m_parameters.swap(m_previous);
}

void Engine::restorePrevious(Sequential &model)
{
    model.m_parameters.swap(m_previous);
}

void Engine::job(void *engine, int thread, std::uint32_t generation)
{
    static_cast<Engine *>(engine)->work(thread, generation);
}

StepOutcome Engine::run(const Sequential &model, const BatchSource &batch,
                        const std::int32_t *labels, float *out, std::int64_t ldOut, bool training)
{
    if (labels && model.layer(model.layerCount() - 1).activation != Activation::Softmax)
        throw ValueError("the loss needs a softmax output layer");
    m_model = &model;
    m_batch = batch;
    m_labels = labels;
    m_out = out;
    m_ldOut = ldOut;
    m_training = training;
    m_rows = batch.count;
    const std::uint32_t generation = m_pool->nextGeneration();
    m_queues[0]->reset(generation, static_cast<std::uint32_t>(rowChunks(m_rows)));
    if (training) {
        for (std::size_t p = 1; p < m_phases.size(); ++p) {
            const Phase &phase = m_phases[p];
            const int chunks = phase.kind == PhaseKind::RowWise ? rowChunks(m_rows) : phase.chunks;
            m_queues[p]->reset(generation, static_cast<std::uint32_t>(chunks));
        }
        std::fill(m_chunkBad.begin(), m_chunkBad.end(), 0);
    }
    for (const auto &chunk : m_rowChunks)
        chunk->lossBad.store(false, std::memory_order_relaxed);
    m_pool->post();
    work(0, generation);

    StepOutcome outcome;
    for (int k = 0; k < rowChunks(m_rows); ++k)
        outcome.lossFinite =
            outcome.lossFinite && !m_rowChunks[static_cast<std::size_t>(k)]->lossBad.load();
    if (training && outcome.lossFinite)
        for (char bad : m_chunkBad)
            outcome.weightsFinite = outcome.weightsFinite && !bad;
    return outcome;
}

void Engine::infer(const Sequential &model, const BatchSource &batch, const std::int32_t *labels,
                   float *out, std::int64_t ldOut)
{
    run(model, batch, labels, out, ldOut, false);
}

void Engine::work(int thread, std::uint32_t generation)
{
    // Every thread of a round, the caller too: a chunk's result must not depend on its thread.
    const FlushDenormals flush;
    Lane &lane = *m_lanes[static_cast<std::size_t>(thread)];
    int chunkBase = 0;
    for (std::size_t p = 0; p < m_phases.size(); ++p) {
        const Phase &phase = m_phases[p];
        WorkQueue &queue = *m_queues[p];
        for (int c; (c = queue.take(generation)) >= 0;) {
            // A chunk of this round is held: the round's description is stable until it is done.
            switch (phase.kind) {
            case PhaseKind::Forward:
                forwardChunk(c, lane);
                break;
            case PhaseKind::RowWise:
                rowWiseChunk(phase.layer, c);
                break;
            case PhaseKind::Layer:
            case PhaseKind::FirstLayer: {
                const bool bad = std::visit(
                    [&](const auto &rule) {
                        if (phase.kind == PhaseKind::Layer)
                            return layerChunk(phase.layer, c, lane, rule);
                        const std::int64_t c0 = c * kUnitsPerChunk;
                        return firstLayerChunk(
                            c0, std::min<std::int64_t>(m_widths[1], c0 + kUnitsPerChunk), lane,
                            rule);
                    },
                    m_rule);
                m_chunkBad[static_cast<std::size_t>(chunkBase + c)] = bad;
                break;
            }
            }
            queue.finish(generation);
        }
        // Also returns when a newer round replaced this one (an inference round has one phase).
        if (!queue.wait(generation)) return;
        if (p == 0)
            for (const auto &chunk : m_rowChunks)
                if (chunk->lossBad.load(std::memory_order_relaxed))
                    return; // the loss is not finite: no update
        chunkBase += phase.chunks;
    }
}

void Engine::forwardChunk(int chunk, Lane &lane)
{
    const std::int64_t s0 = chunk * kRowsPerChunk;
    const std::int64_t s1 = std::min(m_rows, s0 + kRowsPerChunk);
    const std::int64_t rows = s1 - s0;
    const Sequential &model = *m_model;
    const BatchSource &batch = m_batch;
    const bool withLoss = m_labels != nullptr;
    const int layers = model.layerCount();
    const std::int64_t inputs = m_widths[0];
    const float *params = model.parameters().data();
    for (int li = 0; li < layers; ++li) {
        const Dense &d = model.layer(li);
        const std::int64_t units = d.units;
        const std::int64_t ldOut = m_ld[static_cast<std::size_t>(li)];
        float *out = m_activation[static_cast<std::size_t>(li)].data() + s0 * ldOut;
        const float *kernel = params + d.kernelOffset;
        if (li == 0 && m_sparse) {
            // Nonzero features of each row, from the data set or converted from the matrix.
            const SparseRows *csr = batch.dataset ? &batch.dataset->sparse() : nullptr;
            std::int64_t used = 0;
            for (std::int64_t i = s0; i < s1; ++i) {
                kernels::SparseSpan &span = m_rowSpans[static_cast<std::size_t>(i)];
                if (csr) {
                    span = csr->row(batch.rows[i]);
                } else {
                    const float *x = batch.matrix.row(batch.first + i);
                    const std::int64_t start = used;
                    for (std::int64_t j = 0; j < inputs; ++j)
                        if (x[j] != 0.0f) {
                            lane.csrIndex[static_cast<std::size_t>(used)] =
                                static_cast<std::uint32_t>(j);
                            lane.csrValue[static_cast<std::size_t>(used)] = x[j];
                            ++used;
                        }
                    span = {lane.csrIndex.data() + start, lane.csrValue.data() + start,
                            used - start};
                }
            }
            for (std::int64_t j = 0; j < units; j += kSparseColumns) {
                const std::int64_t n = std::min(kSparseColumns, units - j);
                for (std::int64_t i = s0; i < s1; ++i)
                    kernels::sparseTimesDense(&m_rowSpans[static_cast<std::size_t>(i)], 1,
                                              kernel + j, units, n, out + (i - s0) * ldOut + j);
            }
            if (m_training) buildPairs(s0, s1, *m_rowChunks[static_cast<std::size_t>(chunk)]);
        } else {
            const float *in;
            std::int64_t ldIn;
            if (li == 0) {
                float *x = m_input.data() + s0 * inputs;
                if (batch.dataset)
                    batch.dataset->gatherRows({batch.rows + s0, static_cast<std::size_t>(rows)}, x);
                else
                    for (std::int64_t i = 0; i < rows; ++i)
                        std::memcpy(x + i * inputs, batch.matrix.row(batch.first + s0 + i),
                                    sizeof(float) * static_cast<std::size_t>(inputs));
                in = x;
                ldIn = inputs;
            } else {
                ldIn = m_ld[static_cast<std::size_t>(li) - 1];
                in = m_activation[static_cast<std::size_t>(li) - 1].data() + s0 * ldIn;
            }
            kernels::gemm(rows, units, d.inputs, in, ldIn, 1, kernel, units, out, ldOut, false);
        }
        const bool logits = withLoss && li == layers - 1;
        applyActivation(logits ? Activation::Linear : d.activation, out, rows, units, ldOut,
                        params + d.biasOffset);
    }

    // The fused softmax-crossentropy, and the outputs.
    const std::int64_t classes = m_widths.back(), ldLast = m_ld.back();
    float *result = m_activation.back().data();
    float *outDelta = m_training ? m_delta.back().data() : nullptr;
    const float gradScale = 1.0f / static_cast<float>(m_rows);
    bool lossBad = false;
    for (std::int64_t i = s0; i < s1; ++i) {
        if (withLoss) {
            const RowLoss r =
                softmaxCrossEntropy(result + i * ldLast, static_cast<int>(classes), m_labels[i],
                                    outDelta ? outDelta + i * ldLast : nullptr, gradScale);
            m_rowLoss[static_cast<std::size_t>(i)] = r.loss;
            m_predicted[static_cast<std::size_t>(i)] = r.predicted;
            lossBad = lossBad || !std::isfinite(r.loss);
        }
        if (m_out) std::copy_n(result + i * ldLast, classes, m_out + i * m_ldOut);
    }
    m_rowChunks[static_cast<std::size_t>(chunk)]->lossBad.store(lossBad && m_training,
                                                                std::memory_order_relaxed);
}

void Engine::buildPairs(std::int64_t s0, std::int64_t s1, RowChunk &chunk)
{
    const auto pairs = static_cast<std::size_t>((m_widths[0] + 1) / 2);
    std::int32_t *start = chunk.pairStart.data();
    std::fill_n(start, pairs + 1, 0);
    // Counts: one entry per (sample, pair) whatever the number of the pair's features it lights.
    for (std::int64_t i = s0; i < s1; ++i) {
        const kernels::SparseSpan &span = m_rowSpans[static_cast<std::size_t>(i)];
        std::uint32_t previous = ~0u;
        for (std::int64_t e = 0; e < span.count; ++e) {
            const std::uint32_t q = span.index[e] >> 1;
            if (q != previous) ++start[q + 1];
            previous = q;
        }
    }
    for (std::size_t q = 0; q < pairs; ++q)
        start[q + 1] += start[q];
    std::copy_n(start, pairs, chunk.pairCursor.data());
    for (std::int64_t i = s0; i < s1; ++i) {
        const kernels::SparseSpan &span = m_rowSpans[static_cast<std::size_t>(i)];
        for (std::int64_t e = 0; e < span.count; ++e) {
            const std::uint32_t p = span.index[e];
            const std::uint32_t q = p >> 1;
            const auto k = static_cast<std::size_t>(chunk.pairCursor[q]++);
            chunk.pairSample[k] = static_cast<std::uint32_t>(i);
            float a = 0.0f, b = 0.0f;
            if (p & 1u) {
                b = span.value[e];
            } else {
                a = span.value[e];
                if (e + 1 < span.count && span.index[e + 1] == p + 1) b = span.value[++e];
            }
            chunk.pairValue[2 * k] = a;
            chunk.pairValue[2 * k + 1] = b;
        }
    }
}

template<class R> bool Engine::layerChunk(int li, int chunk, Lane &lane, const R &rule)
{
    const Sequential &model = *m_model;
    const std::int64_t m = m_rows;
    const Dense &d = model.layer(li);
    const std::int64_t in = d.inputs, out = d.units;
    const std::int64_t ld = m_ld[static_cast<std::size_t>(li)];
    const std::int64_t ldBelow = m_ld[static_cast<std::size_t>(li) - 1];
    const Activation below = model.layer(li - 1).activation;
    const float *kernel = model.parameters().data() + d.kernelOffset;
    const float *delta = m_delta[static_cast<std::size_t>(li)].data();
    float *deltaBelow = m_delta[static_cast<std::size_t>(li) - 1].data();
    const float *actBelow = m_activation[static_cast<std::size_t>(li) - 1].data();
    const std::int64_t inputChunks = chunksOf(in, kUnitsPerChunk);
    bool bad = false;
    if (chunk >= inputChunks) {
        // The bias: units [c0, c1).
        const std::int64_t c0 = (chunk - inputChunks) * kUnitsPerChunk;
        const std::int64_t c1 = std::min(out, c0 + kUnitsPerChunk);
        kernels::columnSums(delta + c0, m, ld, c1 - c0, lane.gradient.data());
        return rule(d.biasOffset + static_cast<std::size_t>(c0), c1 - c0, lane.gradient.data());
    }
    const std::int64_t r0 = chunk * kUnitsPerChunk;
    const std::int64_t r1 = std::min(in, r0 + kUnitsPerChunk);
    const std::int64_t nr = r1 - r0;
    // Input delta for units [r0, r1), from the weights of this step.
    kernels::transpose(kernel + r0 * out, nr, out, out, lane.packed.data(), nr);
    kernels::gemm(m, nr, out, delta, ld, 1, lane.packed.data(), nr, deltaBelow + r0, ldBelow,
                  false);
    if (!isRowWise(below))
        activationBackward(below, actBelow + r0, ldBelow, deltaBelow + r0, ldBelow, m, nr);
    // Kernel gradient rows [r0, r1) = A_below[:, r]ᵀ · delta.
    for (std::int64_t rb = r0; rb < r1; rb += kStagingRows) {
        const std::int64_t rn = std::min(kStagingRows, r1 - rb);
        kernels::gemm(rn, out, m, actBelow + rb, 1, ldBelow, delta, ld, lane.staging.data(), out,
                      false);
        bad |= rule(d.kernelOffset + static_cast<std::size_t>(rb * out), rn * out,
                    lane.staging.data());
    }
    // The first layer's units [r0, r1) now have their delta: their gradient, in the same chunk.
    if (li == 1 && !isRowWise(below)) bad |= firstLayerChunk(r0, r1, lane, rule);
    return bad;
}

template<class R>
bool Engine::firstLayerChunk(std::int64_t c0, std::int64_t c1, Lane &lane, const R &rule)
{
    const Sequential &model = *m_model;
    const std::int64_t m = m_rows;
    const Dense &first = model.layer(0);
    const std::int64_t inputs = first.inputs, units = first.units;
    const float *delta = m_delta[0].data();
    const std::int64_t ld = m_ld[0];
    const std::int64_t nc = c1 - c0;
    kernels::columnSums(delta + c0, m, ld, nc, lane.gradient.data());
    bool bad = rule(first.biasOffset + static_cast<std::size_t>(c0), nc, lane.gradient.data());
    if (m_sparse) {
        simd::FiniteCheck check;
        sparseKernelGradient(m_rowChunks, rowChunks(m), inputs, delta, ld, units, c0, c1,
                             first.kernelOffset, rule, check);
        return bad || check.any();
    }
    for (std::int64_t pb = 0; pb < inputs; pb += kStagingRows) {
        const std::int64_t pn = std::min(kStagingRows, inputs - pb);
        kernels::gemm(pn, nc, m, m_input.data() + pb, 1, inputs, delta + c0, ld,
                      lane.staging.data(), nc, false);
        for (std::int64_t q = 0; q < pn; ++q)
            bad |= rule(first.kernelOffset + static_cast<std::size_t>((pb + q) * units + c0), nc,
                        lane.staging.data() + q * nc);
    }
    return bad;
}

void Engine::rowWiseChunk(int layer, int chunk)
{
    const std::int64_t s0 = chunk * kRowsPerChunk;
    const std::int64_t s1 = std::min(m_rows, s0 + kRowsPerChunk);
    const std::int64_t ld = m_ld[static_cast<std::size_t>(layer)];
    activationBackward(m_activations[static_cast<std::size_t>(layer)],
                       m_activation[static_cast<std::size_t>(layer)].data() + s0 * ld, ld,
                       m_delta[static_cast<std::size_t>(layer)].data() + s0 * ld, ld, s1 - s0,
                       m_widths[static_cast<std::size_t>(layer) + 1]);
}

} // namespace core::nn
