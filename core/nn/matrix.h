#pragma once
// Dense float32 matrices for the network engine.
//
// Conventions (the same as core/tensor): row-major, samples in rows. A batch of 128 MNIST digits is
// a 128 x 784 matrix, the outputs of a Dense(512) layer for it are 128 x 512, and a Dense kernel is
// inputs x units (Keras' layout: y = x · kernel + bias).

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>

namespace core::nn {

// Zero-initialised float storage aligned to 64 bytes (a cache line). Copies are deep.
class FloatBuffer {
public:
    FloatBuffer() = default;
    explicit FloatBuffer(std::size_t count);
    FloatBuffer(const FloatBuffer &other);
    FloatBuffer &operator=(const FloatBuffer &other);
    FloatBuffer(FloatBuffer &&other) noexcept = default;
    FloatBuffer &operator=(FloatBuffer &&other) noexcept = default;

    float *data() { return m_data.get(); }
    const float *data() const { return m_data.get(); }
    std::size_t size() const { return m_size; }
    std::span<float> span() { return {data(), m_size}; }
    std::span<const float> span() const { return {data(), m_size}; }
    void fill(float value);
    void swap(FloatBuffer &other) noexcept;

private:
    struct Free {
        void operator()(float *p) const;
    };
    std::unique_ptr<float[], Free> m_data;
    std::size_t m_size = 0;
};

// A read-only window on rows x cols floats; row i starts at data + i * stride.
struct MatrixView {
    const float *data = nullptr;
    std::int64_t rows = 0;
    std::int64_t cols = 0;
    std::int64_t stride = 0;

    const float *row(std::int64_t i) const { return data + i * stride; }
    float operator()(std::int64_t r, std::int64_t c) const { return data[r * stride + c]; }
    // Rows [first, first + count).
    MatrixView middleRows(std::int64_t first, std::int64_t count) const
    {
        return {data + first * stride, count, cols, stride};
    }
};

// An owning rows x cols matrix, contiguous (stride == cols), zero-initialised.
class Matrix {
public:
    Matrix() = default;
    Matrix(std::int64_t rows, std::int64_t cols);

    std::int64_t rows() const { return m_rows; }
    std::int64_t cols() const { return m_cols; }
    float *data() { return m_buffer.data(); }
    const float *data() const { return m_buffer.data(); }
    float *row(std::int64_t i) { return data() + i * m_cols; }
    const float *row(std::int64_t i) const { return data() + i * m_cols; }
    float &operator()(std::int64_t r, std::int64_t c) { return data()[r * m_cols + c]; }
    float operator()(std::int64_t r, std::int64_t c) const { return data()[r * m_cols + c]; }
    MatrixView view() const { return {data(), m_rows, m_cols, m_cols}; }
    operator MatrixView() const { return view(); }

private:
    FloatBuffer m_buffer;
    std::int64_t m_rows = 0;
    std::int64_t m_cols = 0;
};

} // namespace core::nn
