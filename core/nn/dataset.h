#pragma once
// Samples for training and evaluation: N rows of D float32 features (samples in rows) and N class
// labels.
//
// MNIST stays in its uint8 tensors: a row is turned into floats when a batch needs it, through a
// 256-entry table holding value / divisor, i.e. exactly the float32 values of the book's
// train_images.astype("float32") / 255. No (60000, 784) float copy is made.
//
// Exact zeros are common in such data (81% of MNIST pixels), and the engine can skip them: sparse()
// gives each row's nonzero features (built on first use, then shared by every copy of the
// Dataset, which is a cheap handle to immutable data).

#include "core/nn/kernels.h"
#include "core/nn/matrix.h"

#include <cstdint>
#include <memory>
#include <span>
#include <vector>

namespace core {
class Tensor;
}

namespace core::nn {

// Compressed sparse rows: the nonzeros of row i are entries [rowStart[i], rowStart[i + 1]).
struct SparseRows {
    std::vector<std::int64_t> rowStart;
    std::vector<std::uint32_t> index;
    std::vector<float> value;

    kernels::SparseSpan row(std::int64_t i) const
    {
        const std::int64_t b = rowStart[static_cast<std::size_t>(i)];
        return {index.data() + b, value.data() + b, rowStart[static_cast<std::size_t>(i) + 1] - b};
    }
};

class Dataset {
public:
    Dataset();
    // features: (N, ...) uint8 or float32, flattened to (N, D); uint8 values map to value /
    // divisor. labels: (N,) uint8. Throws ValueError when the counts differ or a tensor has the
    // wrong type.
    static Dataset fromTensors(const Tensor &features, const Tensor &labels,
                               float divisor = 255.0f);
    // Float features (samples in rows) and labels (each >= 0).
    static Dataset fromMatrix(Matrix features, std::vector<std::int32_t> labels);

    std::int64_t size() const;
    int features() const;
    // One more than the largest label (0 for an empty set).
    int classes() const;
    std::span<const std::int32_t> labels() const;
    // Fraction of features that are exactly zero, measured over the whole set.
    double zeroFraction() const;

    // Writes row rows[k] to out + k * features() for every k.
    void gatherRows(std::span<const std::int32_t> rows, float *out) const;
    // Rows [first, first + count) to out, contiguous.
    void copyRows(std::int64_t first, std::int64_t count, float *out) const;
    // The nonzero features of every row; thread-safe, built once.
    const SparseRows &sparse() const;

private:
    struct Data;
    std::shared_ptr<const Data> m_data;
};

} // namespace core::nn
