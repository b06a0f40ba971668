#include "core/nn/matrix.h"

#include "core/errors.h"

#include <algorithm>
#include <cstdlib>
#include <new>
#include <string>

namespace core::nn {

namespace {

constexpr std::size_t kAlignment = 64;

float *allocateFloats(std::size_t count)
{
    if (count == 0) return nullptr;
    const std::size_t bytes = (count * sizeof(float) + kAlignment - 1) / kAlignment * kAlignment;
    void *p = std::aligned_alloc(kAlignment, bytes);
    if (!p) throw std::bad_alloc();
    std::fill_n(static_cast<float *>(p), count, 0.0f);
    return static_cast<float *>(p);
}

} // namespace

void FloatBuffer::Free::operator()(float *p) const
{
    std::free(p);
}

FloatBuffer::FloatBuffer(std::size_t count) : m_data(allocateFloats(count)), m_size(count) {}

FloatBuffer::FloatBuffer(const FloatBuffer &other)
    : m_data(allocateFloats(other.m_size)), m_size(other.m_size)
{
    std::copy_n(other.data(), m_size, data());
}

FloatBuffer &FloatBuffer::operator=(const FloatBuffer &other)
{
    if (this != &other) {
        if (m_size != other.m_size) {
            FloatBuffer copy(other);
            swap(copy);
        } else {
            std::copy_n(other.data(), m_size, data());
        }
    }
    return *this;
}

void FloatBuffer::fill(float value)
{
    std::fill_n(data(), m_size, value);
}

void FloatBuffer::swap(FloatBuffer &other) noexcept
{
    m_data.swap(other.m_data);
    std::swap(m_size, other.m_size);
}

Matrix::Matrix(std::int64_t rows, std::int64_t cols)
{
    if (rows < 0 || cols < 0)
        throw ValueError("negative dimensions are not allowed: (" + std::to_string(rows) + ", " +
                         std::to_string(cols) + ")");
    m_buffer = FloatBuffer(static_cast<std::size_t>(rows * cols));
    m_rows = rows;
    m_cols = cols;
}

} // namespace core::nn
