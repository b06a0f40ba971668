#include "core/nn/dataset.h"

#include "core/errors.h"
#include "core/tensor/shape.h"
#include "core/tensor/tensor.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <mutex>
#include <string>

namespace core::nn {

struct Dataset::Data {
    std::int64_t rows = 0;
    int cols = 0;
    Tensor bytes;  // (N, D) uint8, contiguous, when the source was uint8
    Matrix floats; // (N, D) float32 otherwise
    std::array<float, 256> table{};
    std::vector<std::int32_t> labels;
    int classes = 0;
    double zeroFraction = 0.0;
    mutable std::once_flag sparseOnce;
    mutable SparseRows sparse;

    void finishLabels()
    {
        int top = -1;
        for (auto y : labels) {
            if (y < 0) throw ValueError("labels must be >= 0, found " + std::to_string(y));
            top = std::max(top, y);
        }
        classes = top + 1;
    }

    const float *floatRow(std::int64_t i) const { return floats.row(i); }
    const std::uint8_t *byteRow(std::int64_t i) const
    {
        return bytes.data<std::uint8_t>() + i * cols;
    }
    void copyRow(std::int64_t i, float *out) const
    {
        if (bytes.size() > 0 || floats.rows() == 0) {
            const std::uint8_t *p = byteRow(i);
            for (int j = 0; j < cols; ++j)
                out[j] = table[p[j]];
        } else {
            std::memcpy(out, floatRow(i), sizeof(float) * static_cast<std::size_t>(cols));
        }
    }
};

Dataset::Dataset() : m_data(std::make_shared<Data>()) {}

Dataset Dataset::fromTensors(const Tensor &features, const Tensor &labels, float divisor)
{
    if (features.ndim() < 1 || labels.ndim() != 1)
        throw ValueError("expected features of shape (N, ...) and labels of shape (N,), found " +
                         formatShape(features.shape()) + " and " + formatShape(labels.shape()));
    if (features.shape()[0] != labels.shape()[0])
        throw ValueError("found " + std::to_string(features.shape()[0]) + " samples but " +
                         std::to_string(labels.shape()[0]) + " labels");
    if (labels.dtype() != DType::UInt8)
        throw ValueError("expected uint8 labels, found " + std::string(dtypeName(labels.dtype())));
    if (!(divisor != 0.0f)) throw ValueError("the divisor of the features must be nonzero");
    auto d = std::make_shared<Data>();
    d->rows = features.shape()[0];
    const std::int64_t cols = d->rows > 0 ? features.size() / d->rows : 0;
    if (cols > (1ll << 30))
        throw ValueError("too many features per sample: " + std::to_string(cols));
    d->cols = static_cast<int>(cols);
    if (features.dtype() == DType::UInt8) {
        d->bytes = features.contiguous();
        for (int v = 0; v < 256; ++v)
            d->table[static_cast<std::size_t>(v)] = static_cast<float>(v) / divisor;
        const std::uint8_t *p = d->bytes.data<std::uint8_t>();
        const std::int64_t n = d->bytes.size();
        d->zeroFraction =
            n ? static_cast<double>(std::count(p, p + n, std::uint8_t{0})) / static_cast<double>(n)
              : 0.0;
    } else {
        const Tensor c = features.contiguous();
        d->floats = Matrix(d->rows, d->cols);
        const float *p = c.data<float>();
        std::int64_t zeros = 0;
        for (std::int64_t i = 0; i < c.size(); ++i) {
            d->floats.data()[i] = p[i];
            zeros += p[i] == 0.0f;
        }
        d->zeroFraction = c.size() ? static_cast<double>(zeros) / static_cast<double>(c.size()) : 0;
    }
    const Tensor l = labels.contiguous();
    d->labels.assign(l.data<std::uint8_t>(), l.data<std::uint8_t>() + l.size());
    d->finishLabels();
    Dataset result;
    result.m_data = std::move(d);
    return result;
}

Dataset Dataset::fromMatrix(Matrix features, std::vector<std::int32_t> labels)
{
    if (features.rows() != static_cast<std::int64_t>(labels.size()))
        throw ValueError("found " + std::to_string(features.rows()) + " samples but " +
                         std::to_string(labels.size()) + " labels");
    auto d = std::make_shared<Data>();
    d->rows = features.rows();
    d->cols = static_cast<int>(features.cols());
    const std::int64_t n = features.rows() * features.cols();
    d->zeroFraction =
        n ? static_cast<double>(std::count(features.data(), features.data() + n, 0.0f)) /
                static_cast<double>(n)
          : 0.0;
    d->floats = std::move(features);
    d->labels = std::move(labels);
    d->finishLabels();
    Dataset result;
    result.m_data = std::move(d);
    return result;
}

std::int64_t Dataset::size() const
{
    return m_data->rows;
}
int Dataset::features() const
{
    return m_data->cols;
}
int Dataset::classes() const
{
    return m_data->classes;
}
std::span<const std::int32_t> Dataset::labels() const
{
    return m_data->labels;
}
double Dataset::zeroFraction() const
{
    return m_data->zeroFraction;
}

void Dataset::gatherRows(std::span<const std::int32_t> rows, float *out) const
{
    for (std::size_t k = 0; k < rows.size(); ++k)
        m_data->copyRow(rows[k], out + static_cast<std::int64_t>(k) * m_data->cols);
}

void Dataset::copyRows(std::int64_t first, std::int64_t count, float *out) const
{
    for (std::int64_t k = 0; k < count; ++k)
        m_data->copyRow(first + k, out + k * m_data->cols);
}

const SparseRows &Dataset::sparse() const
{
    const Data &d = *m_data;
    std::call_once(d.sparseOnce, [&d] {
        SparseRows s;
        const auto nnz = static_cast<std::size_t>(
            std::llround(static_cast<double>(d.rows) * d.cols * (1.0 - d.zeroFraction)));
        s.rowStart.reserve(static_cast<std::size_t>(d.rows) + 1);
        s.index.reserve(nnz);
        s.value.reserve(nnz);
        s.rowStart.push_back(0);
        const bool bytes = d.bytes.size() > 0;
        for (std::int64_t i = 0; i < d.rows; ++i) {
            if (bytes) {
                const std::uint8_t *p = d.byteRow(i);
                for (int j = 0; j < d.cols; ++j)
                    if (p[j] != 0) {
                        s.index.push_back(static_cast<std::uint32_t>(j));
                        s.value.push_back(d.table[p[j]]);
                    }
            } else {
                const float *p = d.floatRow(i);
                for (int j = 0; j < d.cols; ++j)
                    if (p[j] != 0.0f) {
                        s.index.push_back(static_cast<std::uint32_t>(j));
                        s.value.push_back(p[j]);
                    }
            }
            s.rowStart.push_back(static_cast<std::int64_t>(s.index.size()));
        }
        d.sparse = std::move(s);
    });
    return d.sparse;
}

} // namespace core::nn
