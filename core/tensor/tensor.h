#pragma once
// An n-dimensional array in NumPy's sense: a dtype, a shape, and a strided view into shared
// storage.
//
// Conventions, stated once for the whole engine:
//  - row-major (C order): the last axis varies fastest; strides are counted in elements;
//  - samples are rows: a batch of MNIST digits is (N, 28, 28), flattened (N, 784);
//  - slicing returns a view that shares storage (like NumPy basic indexing); reshape returns a view
//    when the data is contiguous and a copy otherwise; astype and divided always copy.

#include "core/tensor/dtype.h"
#include "core/tensor/shape.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>

namespace core {

// 64-byte aligned bytes shared by all views of one array, zero-initialised unless asked not to
// (an operation's output is written whole, and zero-filling it first would cost a memory pass).
class Buffer {
public:
    enum class Fill { Zero, None };
    explicit Buffer(std::size_t bytes, Fill fill = Fill::Zero);
    std::byte *data() { return m_data.get(); }
    const std::byte *data() const { return m_data.get(); }
    std::size_t size() const { return m_size; }

private:
    struct Free {
        void operator()(std::byte *p) const;
    };
    std::unique_ptr<std::byte[], Free> m_data;
    std::size_t m_size;
};

class Tensor {
public:
    // An empty uint8 array of shape (0,).
    Tensor();
    // A new zero-filled contiguous array.
    Tensor(DType dtype, Shape shape);
    // A new contiguous array whose elements the caller writes (NumPy's np.empty).
    static Tensor uninitialized(DType dtype, Shape shape);
    // A view into existing storage; offset and strides are in elements.
    Tensor(DType dtype, Shape shape, Strides strides, std::int64_t offset,
           std::shared_ptr<Buffer> buffer);

    DType dtype() const { return m_dtype; }
    const Shape &shape() const { return m_shape; }
    const Strides &strides() const { return m_strides; }
    std::int64_t offset() const { return m_offset; }
    int ndim() const { return static_cast<int>(m_shape.size()); }
    std::int64_t size() const { return shapeSize(m_shape); }
    // Bytes the elements take (NumPy's nbytes), not the size of the shared storage.
    std::int64_t nbytes() const { return size() * static_cast<std::int64_t>(dtypeSize(m_dtype)); }
    bool isContiguous() const;
    const std::shared_ptr<Buffer> &buffer() const { return m_buffer; }

    // Pointer to the first element; T must match dtype().
    template<class T> const T *data() const
    {
        checkType(dtypeOf<T>());
        return reinterpret_cast<const T *>(m_buffer->data()) + m_offset;
    }
    template<class T> T *mutableData()
    {
        checkType(dtypeOf<T>());
        return reinterpret_cast<T *>(m_buffer->data()) + m_offset;
    }

    // The element at a full index (one entry per axis, non-negative), as a double.
    double at(std::span<const std::int64_t> index) const;
    // The i-th element in row-major order of this view.
    double flatAt(std::int64_t i) const;

    // A contiguous copy, or this view itself when already contiguous.
    Tensor contiguous() const;
    // NumPy reshape: one dimension may be -1. Throws ValueError when sizes differ.
    Tensor reshape(Shape newShape) const;
    // A copy converted to dtype; float to integer truncates toward zero and wraps like NumPy's
    // astype on x86 (NaN and out-of-range values give the type's wrap of INT64_MIN).
    Tensor astype(DType dtype) const;
    // x / divisor as float32 (NumPy's true division of uint8 by an int gives float64; the book
    // converts to float32 first, which is what this models).
    Tensor divided(float divisor) const;
    // Sum of all elements: exact for integers (as NumPy's 64-bit accumulator), double for floats.
    double sum() const;

private:
    void checkType(DType expected) const;
    double elementAt(std::int64_t pos) const;

    DType m_dtype = DType::UInt8;
    Shape m_shape;
    Strides m_strides;
    std::int64_t m_offset = 0;
    std::shared_ptr<Buffer> m_buffer;
};

// Calls f(const T* element) for every element in row-major order; T must match the dtype.
template<class T, class F> void forEachElement(const Tensor &t, F &&f)
{
    const T *base = reinterpret_cast<const T *>(t.buffer()->data()) + t.offset();
    const int nd = t.ndim();
    if (t.size() == 0) return;
    if (nd == 0) {
        f(base);
        return;
    }
    const auto &shape = t.shape();
    const auto &strides = t.strides();
    std::int64_t counter[32] = {};
    const std::int64_t inner = shape[nd - 1];
    const std::int64_t innerStride = strides[nd - 1];
    const T *p = base;
    for (;;) {
        for (std::int64_t i = 0; i < inner; ++i)
            f(p + i * innerStride);
        int axis = nd - 2;
        for (; axis >= 0; --axis) {
            p += strides[axis];
            if (++counter[axis] < shape[axis]) break;
            p -= strides[axis] * shape[axis];
            counter[axis] = 0;
        }
        if (axis < 0) return;
    }
}

} // namespace core
