#include "core/nn/engine.h"

#include "core/errors.h"
#include "core/nn/activation.h"
#include "core/nn/loss.h"
#include "core/nn/optimizer.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <string>

namespace core::nn {

namespace {

// Rows of a kernel gradient computed per optimizer call (the staging block stays in L1/L2).
constexpr std::int64_t kStagingRows = 16;
// Thread ranges of units start at multiples of a vector.
constexpr std::int64_t kUnitAlign = 8;
// Output columns per pass of the sparse forward product (8 vectors of accumulators).
constexpr std::int64_t kSparseColumns = 64;

std::int64_t maxPart(std::int64_t n, int parts, std::int64_t align)
{
    std::int64_t best = 0;
    for (int t = 0; t < parts; ++t)
        best = std::max(best, ThreadPool::partBegin(n, t + 1, parts, align) -
                                  ThreadPool::partBegin(n, t, parts, align));
    return best;
}

} // namespace

// Per-thread scratch, on its own cache lines.
struct alignas(64) Engine::Lane {
    // Matrix rows converted to sparse form (sparse path, matrix source).
    std::vector<std::uint32_t> csrIndex;
    std::vector<float> csrValue;
    // This thread's samples by pair of input features (2q, 2q + 1), compressed sparse columns:
    // pair q has entries [pairStart[q], pairStart[q + 1]), samples ascending, each with the
    // sample's two values (one may be 0). Neighbouring pixels are mostly lit together, so a pair
    // has 58% of the entries of its two features' lists, and each delta row it loads serves both.
    std::vector<std::int32_t> pairStart;
    std::vector<std::int32_t> pairCursor;
    std::vector<std::uint32_t> pairSample;
    std::vector<float> pairValue; // two per entry
    FloatBuffer staging;          // kStagingRows x widest layer
    FloatBuffer packed;           // a transposed slice of a kernel
    FloatBuffer gradient;         // one row of a gradient
    bool lossBad = false;
    bool weightsBad = false;
};

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
// 32 columns at a time (8 accumulators for the pair).
template<class Rule>
void sparseKernelGradient(const std::vector<std::unique_ptr<Engine::Lane>> &owners,
                          std::int64_t inputs, const float *delta, std::int64_t ldDelta,
                          std::int64_t units, std::int64_t c0, std::int64_t c1,
                          std::size_t kernelOffset, const Rule &rule, simd::FiniteCheck &bad)
{
    constexpr std::int64_t kColumns = 4 * simd::kLanes;
    const int T = static_cast<int>(owners.size());
    Engine::PairSpan spans[Engine::kMaxThreads];
    for (std::int64_t q = 0; 2 * q < inputs; ++q) {
        std::int64_t total = 0;
        for (int u = 0; u < T; ++u) {
            const Engine::Lane &owner = *owners[static_cast<std::size_t>(u)];
            const std::int32_t b = owner.pairStart[static_cast<std::size_t>(q)];
            const std::int32_t e = owner.pairStart[static_cast<std::size_t>(q) + 1];
            spans[u] = {owner.pairSample.data() + b, owner.pairValue.data() + 2 * b, e - b};
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
            switch (vectors) {
            case 4:
                pairGradient<4>(spans, T, delta + j, ldDelta, last, second, a, b, rule, bad);
                break;
            case 3:
                pairGradient<3>(spans, T, delta + j, ldDelta, last, second, a, b, rule, bad);
                break;
            case 2:
                pairGradient<2>(spans, T, delta + j, ldDelta, last, second, a, b, rule, bad);
                break;
            default:
                pairGradient<1>(spans, T, delta + j, ldDelta, last, second, a, b, rule, bad);
                break;
            }
        }
    }
}

Engine::Engine(const Sequential &model, std::int64_t capacity, int threads, bool sparseInput)
    : m_capacity(std::max<std::int64_t>(1, capacity)), m_sparse(sparseInput),
      m_pool(std::clamp(threads, 1, kMaxThreads))
{
    if (model.layerCount() < 1) throw ValueError("the model has no layers");
    const int T = m_pool.size();
    m_widths.push_back(model.inputs());
    for (int i = 0; i < model.layerCount(); ++i) {
        m_widths.push_back(model.layer(i).units);
        m_activations.push_back(model.layer(i).activation);
    }
    const std::int64_t widest = *std::max_element(m_widths.begin(), m_widths.end());
    const std::int64_t inputs = m_widths.front();
    std::int64_t packedSize = 0;
    for (std::size_t l = 2; l < m_widths.size(); ++l)
        packedSize = std::max(packedSize, m_widths[l] * maxPart(m_widths[l - 1], T, kUnitAlign));
    const std::int64_t chunkRows = maxPart(m_capacity, T, 1);
    if (chunkRows * inputs > std::numeric_limits<std::int32_t>::max())
        throw ValueError("a batch of " + std::to_string(m_capacity) + " samples of " +
                         std::to_string(inputs) + " features is too large");
    for (int t = 0; t < T; ++t) {
        auto lane = std::make_unique<Lane>();
        if (m_sparse) {
            lane->csrIndex.resize(static_cast<std::size_t>(chunkRows * inputs));
            lane->csrValue.resize(static_cast<std::size_t>(chunkRows * inputs));
            const auto pairs = static_cast<std::size_t>((inputs + 1) / 2);
            lane->pairStart.resize(pairs + 1);
            lane->pairCursor.resize(pairs);
            lane->pairSample.resize(static_cast<std::size_t>(chunkRows) * pairs);
            lane->pairValue.resize(2 * static_cast<std::size_t>(chunkRows) * pairs);
        }
        lane->staging = FloatBuffer(static_cast<std::size_t>(kStagingRows * widest));
        lane->packed = FloatBuffer(static_cast<std::size_t>(packedSize));
        lane->gradient = FloatBuffer(static_cast<std::size_t>(widest));
        m_lanes.push_back(std::move(lane));
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
    m_previous = FloatBuffer(model.parameterCount());
}

Engine::~Engine() = default;

bool Engine::fits(const Sequential &model, std::int64_t capacity, int threads,
                  bool sparseInput) const
{
    if (capacity > m_capacity || std::clamp(threads, 1, kMaxThreads) != m_pool.size() ||
        sparseInput != m_sparse || model.layerCount() + 1 != static_cast<int>(m_widths.size()) ||
        model.inputs() != m_widths.front() || model.parameterCount() != m_previous.size())
        return false;
    for (int i = 0; i < model.layerCount(); ++i)
        if (model.layer(i).units != m_widths[static_cast<std::size_t>(i) + 1] ||
            model.layer(i).activation != m_activations[static_cast<std::size_t>(i)])
            return false;
    return true;
}

void Engine::beginTraining(const Sequential &model)
{
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

void Engine::forwardRows(const Sequential &model, const BatchSource &batch, std::int64_t s0,
                         std::int64_t s1, Lane &lane, bool trainingWithLoss, bool columns)
{
    const std::int64_t rows = s1 - s0;
    if (rows <= 0) return;
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
            if (columns) buildColumns(s0, s1, lane);
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
        const bool logits = trainingWithLoss && li == layers - 1;
        applyActivation(logits ? Activation::Linear : d.activation, out, rows, units, ldOut,
                        params + d.biasOffset);
    }
}

void Engine::buildColumns(std::int64_t s0, std::int64_t s1, Lane &lane)
{
    const auto pairs = static_cast<std::size_t>((m_widths[0] + 1) / 2);
    std::int32_t *start = lane.pairStart.data();
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
    std::copy_n(start, pairs, lane.pairCursor.data());
    for (std::int64_t i = s0; i < s1; ++i) {
        const kernels::SparseSpan &span = m_rowSpans[static_cast<std::size_t>(i)];
        for (std::int64_t e = 0; e < span.count; ++e) {
            const std::uint32_t p = span.index[e];
            const std::uint32_t q = p >> 1;
            const auto k = static_cast<std::size_t>(lane.pairCursor[q]++);
            lane.pairSample[k] = static_cast<std::uint32_t>(i);
            float a = 0.0f, b = 0.0f;
            if (p & 1u) {
                b = span.value[e];
            } else {
                a = span.value[e];
                if (e + 1 < span.count && span.index[e + 1] == p + 1) b = span.value[++e];
            }
            lane.pairValue[2 * k] = a;
            lane.pairValue[2 * k + 1] = b;
        }
    }
}

template<class Rule>
StepOutcome Engine::trainStep(const Sequential &model, const BatchSource &batch,
                              const std::int32_t *labels, const Rule &rule)
{
    const std::int64_t m = batch.count;
    m_rows = m;
    const int T = m_pool.size();
    const int layers = model.layerCount();
    const float *params = model.parameters().data();
    const float gradScale = 1.0f / static_cast<float>(m);

    m_pool.run([&](int t) {
        Lane &lane = *m_lanes[static_cast<std::size_t>(t)];
        const std::int64_t s0 = ThreadPool::partBegin(m, t, T),
                           s1 = ThreadPool::partBegin(m, t + 1, T);

        // Forward and loss for samples [s0, s1).
        forwardRows(model, batch, s0, s1, lane, true, m_sparse);
        const std::int64_t classes = m_widths.back(), ldLast = m_ld.back();
        float *probabilities = m_activation.back().data();
        float *outDelta = m_delta.back().data();
        bool lossBad = false;
        for (std::int64_t i = s0; i < s1; ++i) {
            const RowLoss r =
                softmaxCrossEntropy(probabilities + i * ldLast, static_cast<int>(classes),
                                    labels[i], outDelta + i * ldLast, gradScale);
            m_rowLoss[static_cast<std::size_t>(i)] = r.loss;
            m_predicted[static_cast<std::size_t>(i)] = r.predicted;
            lossBad = lossBad || !std::isfinite(r.loss);
        }
        lane.lossBad = lossBad;
        lane.weightsBad = false;
        m_pool.barrier();
        for (const auto &other : m_lanes)
            if (other->lossBad) return;

        bool bad = false;
        for (int li = layers - 1; li >= 1; --li) {
            const Dense &d = model.layer(li);
            const std::int64_t in = d.inputs, out = d.units;
            const std::int64_t ld = m_ld[static_cast<std::size_t>(li)];
            const std::int64_t ldBelow = m_ld[static_cast<std::size_t>(li) - 1];
            const Activation below = model.layer(li - 1).activation;
            const float *kernel = params + d.kernelOffset;
            const float *delta = m_delta[static_cast<std::size_t>(li)].data();
            float *deltaBelow = m_delta[static_cast<std::size_t>(li) - 1].data();
            const float *actBelow = m_activation[static_cast<std::size_t>(li) - 1].data();

            const std::int64_t c0 = ThreadPool::partBegin(out, t, T, kUnitAlign),
                               c1 = ThreadPool::partBegin(out, t + 1, T, kUnitAlign);
            if (c1 > c0) {
                kernels::columnSums(delta + c0, m, ld, c1 - c0, lane.gradient.data());
                bad |= rule(d.biasOffset + static_cast<std::size_t>(c0), c1 - c0,
                            lane.gradient.data());
            }
            const std::int64_t r0 = ThreadPool::partBegin(in, t, T, kUnitAlign),
                               r1 = ThreadPool::partBegin(in, t + 1, T, kUnitAlign);
            if (r1 > r0) {
                const std::int64_t nr = r1 - r0;
                // Input delta for units [r0, r1), from the weights of this step.
                kernels::transpose(kernel + r0 * out, nr, out, out, lane.packed.data(), nr);
                kernels::gemm(m, nr, out, delta, ld, 1, lane.packed.data(), nr, deltaBelow + r0,
                              ldBelow, false);
                if (!isRowWise(below))
                    activationBackward(below, actBelow + r0, ldBelow, deltaBelow + r0, ldBelow, m,
                                       nr);
                // Kernel gradient rows [r0, r1) = A_below[:, r]ᵀ · delta.
                for (std::int64_t rb = r0; rb < r1; rb += kStagingRows) {
                    const std::int64_t rn = std::min(kStagingRows, r1 - rb);
                    kernels::gemm(rn, out, m, actBelow + rb, 1, ldBelow, delta, ld,
                                  lane.staging.data(), out, false);
                    bad |= rule(d.kernelOffset + static_cast<std::size_t>(rb * out), rn * out,
                                lane.staging.data());
                }
            }
            if (isRowWise(below)) {
                m_pool.barrier();
                activationBackward(below, actBelow + s0 * ldBelow, ldBelow,
                                   deltaBelow + s0 * ldBelow, ldBelow, s1 - s0, in);
            }
            if (li - 1 >= 1 || isRowWise(below)) m_pool.barrier();
        }

        // The first layer: bias and kernel gradients for output units [c0, c1).
        const Dense &first = model.layer(0);
        const std::int64_t inputs = first.inputs, units = first.units;
        const float *delta = m_delta[0].data();
        const std::int64_t ld = m_ld[0];
        const std::int64_t c0 = ThreadPool::partBegin(units, t, T, kUnitAlign),
                           c1 = ThreadPool::partBegin(units, t + 1, T, kUnitAlign);
        const std::int64_t nc = c1 - c0;
        if (nc > 0) {
            kernels::columnSums(delta + c0, m, ld, nc, lane.gradient.data());
            bad |= rule(first.biasOffset + static_cast<std::size_t>(c0), nc, lane.gradient.data());
            if (m_sparse) {
                simd::FiniteCheck check;
                sparseKernelGradient(m_lanes, inputs, delta, ld, units, c0, c1, first.kernelOffset,
                                     rule, check);
                bad |= check.any();
            } else {
                for (std::int64_t pb = 0; pb < inputs; pb += kStagingRows) {
                    const std::int64_t pn = std::min(kStagingRows, inputs - pb);
                    kernels::gemm(pn, nc, m, m_input.data() + pb, 1, inputs, delta + c0, ld,
                                  lane.staging.data(), nc, false);
                    for (std::int64_t q = 0; q < pn; ++q)
                        bad |= rule(first.kernelOffset +
                                        static_cast<std::size_t>((pb + q) * units + c0),
                                    nc, lane.staging.data() + q * nc);
                }
            }
        }
        lane.weightsBad = bad;
    });

    StepOutcome outcome;
    for (const auto &lane : m_lanes) {
        outcome.lossFinite = outcome.lossFinite && !lane->lossBad;
        outcome.weightsFinite = outcome.weightsFinite && !lane->weightsBad;
    }
    return outcome;
}

void Engine::infer(const Sequential &model, const BatchSource &batch, const std::int32_t *labels,
                   float *out, std::int64_t ldOut)
{
    const std::int64_t m = batch.count;
    m_rows = m;
    const int T = m_pool.size();
    const std::int64_t classes = m_widths.back(), ldLast = m_ld.back();
    if (labels && model.layer(model.layerCount() - 1).activation != Activation::Softmax)
        throw ValueError("the loss needs a softmax output layer");
    m_pool.run([&](int t) {
        Lane &lane = *m_lanes[static_cast<std::size_t>(t)];
        const std::int64_t s0 = ThreadPool::partBegin(m, t, T),
                           s1 = ThreadPool::partBegin(m, t + 1, T);
        forwardRows(model, batch, s0, s1, lane, labels != nullptr, false);
        float *result = m_activation.back().data();
        for (std::int64_t i = s0; i < s1; ++i) {
            if (labels) {
                const RowLoss r = softmaxCrossEntropy(
                    result + i * ldLast, static_cast<int>(classes), labels[i], nullptr, 0.0f);
                m_rowLoss[static_cast<std::size_t>(i)] = r.loss;
                m_predicted[static_cast<std::size_t>(i)] = r.predicted;
            }
            if (out) std::copy_n(result + i * ldLast, classes, out + i * ldOut);
        }
    });
}

template StepOutcome Engine::trainStep<RmspropRule>(const Sequential &, const BatchSource &,
                                                    const std::int32_t *, const RmspropRule &);
template StepOutcome Engine::trainStep<SgdRule>(const Sequential &, const BatchSource &,
                                                const std::int32_t *, const SgdRule &);
template StepOutcome Engine::trainStep<AdamRule>(const Sequential &, const BatchSource &,
                                                 const std::int32_t *, const AdamRule &);
template StepOutcome Engine::trainStep<GradientRule>(const Sequential &, const BatchSource &,
                                                     const std::int32_t *, const GradientRule &);

} // namespace core::nn
