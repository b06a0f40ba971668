#include "core/tensor/tensor.h"

#include "core/tensor/elementcast.h"

#include "core/errors.h"

#include <cstdlib>
#include <cstring>
#include <limits>
#include <numeric>
#include <sys/mman.h>
#include <type_traits>

namespace core {

namespace {
constexpr int kMaxDims = 32; // NumPy's classic limit, and the size of forEachElement's counter
constexpr std::size_t kAlignment = 64;
constexpr std::size_t kHugePage = std::size_t{2} << 20;
constexpr std::size_t kHugePageMin = std::size_t{4} << 20;

void checkShape(const Shape &shape)
{
    if (shape.size() > kMaxDims)
        throw ValueError("maximum supported dimension for an ndarray is " +
                         std::to_string(kMaxDims) + ", found " + std::to_string(shape.size()));
    for (auto d : shape)
        if (d < 0) throw ValueError("negative dimensions are not allowed");
}
} // namespace

Buffer::Buffer(std::size_t bytes, Fill fill) : m_size(bytes)
{
    const std::size_t rounded = ((bytes + kAlignment - 1) / kAlignment) * kAlignment;
    const bool huge = rounded >= kHugePageMin;
    const std::size_t alignment = huge ? kHugePage : kAlignment;
    const std::size_t allocated =
        huge ? (rounded + kHugePage - 1) / kHugePage * kHugePage : (rounded ? rounded : kAlignment);
    auto *p = static_cast<std::byte *>(std::aligned_alloc(alignment, allocated));
    if (!p) throw std::bad_alloc();
    // Like NumPy (hugepage_setup): large arrays ask for transparent huge pages, which makes the
    // first touch of a fresh output far cheaper.
    if (huge) madvise(p, allocated, MADV_HUGEPAGE);
    if (fill == Fill::Zero) std::memset(p, 0, allocated);
    m_data.reset(p);
}

void Buffer::Free::operator()(std::byte *p) const
{
    std::free(p);
}

Tensor::Tensor() : Tensor(DType::UInt8, Shape{0}) {}

Tensor::Tensor(DType dtype, Shape shape) : m_dtype(dtype), m_shape(std::move(shape))
{
    checkShape(m_shape);
    m_strides = contiguousStrides(m_shape);
    m_buffer =
        std::make_shared<Buffer>(static_cast<std::size_t>(shapeSize(m_shape)) * dtypeSize(dtype));
}

Tensor Tensor::uninitialized(DType dtype, Shape shape)
{
    checkShape(shape);
    Strides strides = contiguousStrides(shape);
    const std::size_t bytes = static_cast<std::size_t>(shapeSize(shape)) * dtypeSize(dtype);
    return Tensor(dtype, std::move(shape), std::move(strides), 0,
                  std::make_shared<Buffer>(bytes, Buffer::Fill::None));
}

Tensor::Tensor(DType dtype, Shape shape, Strides strides, std::int64_t offset,
               std::shared_ptr<Buffer> buffer)
    : m_dtype(dtype), m_shape(std::move(shape)), m_strides(std::move(strides)), m_offset(offset),
      m_buffer(std::move(buffer))
{
    checkShape(m_shape);
    if (m_strides.size() != m_shape.size()) throw ValueError("strides and shape differ in length");
}

bool Tensor::isContiguous() const
{
    std::int64_t expected = 1;
    for (std::size_t i = m_shape.size(); i-- > 0;) {
        if (m_shape[i] != 1 && m_strides[i] != expected) return false;
        expected *= m_shape[i];
    }
    return true;
}

void Tensor::checkType(DType expected) const
{
    if (expected != m_dtype)
        throw ValueError("array has dtype " + std::string(dtypeName(m_dtype)) + ", expected " +
                         std::string(dtypeName(expected)));
}

double Tensor::at(std::span<const std::int64_t> index) const
{
    if (static_cast<int>(index.size()) != ndim())
        throw IndexError("expected " + std::to_string(ndim()) + " indices, got " +
                         std::to_string(index.size()));
    std::int64_t pos = m_offset;
    for (int i = 0; i < ndim(); ++i) {
        if (index[i] < 0 || index[i] >= m_shape[i])
            throw IndexError("index " + std::to_string(index[i]) + " is out of bounds for axis " +
                             std::to_string(i) + " with size " + std::to_string(m_shape[i]));
        pos += index[i] * m_strides[i];
    }
    return elementAt(pos);
}

double Tensor::flatAt(std::int64_t i) const
{
    const std::int64_t n = size();
    if (i < 0 || i >= n)
        throw IndexError("index " + std::to_string(i) + " is out of bounds for size " +
                         std::to_string(n));
    std::int64_t pos = m_offset;
    for (int axis = ndim() - 1; axis >= 0; --axis) {
        pos += (i % m_shape[axis]) * m_strides[axis];
        i /= m_shape[axis];
    }
    return elementAt(pos);
}

double Tensor::elementAt(std::int64_t pos) const
{
    return visitDType(m_dtype, [&](auto tag) {
        using T = decltype(tag);
        return static_cast<double>(reinterpret_cast<const T *>(m_buffer->data())[pos]);
    });
}

namespace {
template<class Src, class Dst, class Op> void convertInto(const Tensor &src, Dst *out, Op op)
{
    if (src.isContiguous()) {
        const Src *p = src.data<Src>();
        const std::int64_t n = src.size();
        for (std::int64_t i = 0; i < n; ++i)
            out[i] = op(p[i]);
        return;
    }
    forEachElement<Src>(src, [&](const Src *p) { *out++ = op(*p); });
}
} // namespace

Tensor Tensor::contiguous() const
{
    if (isContiguous()) return *this;
    Tensor out = uninitialized(m_dtype, m_shape);
    visitDType(m_dtype, [&](auto tag) {
        using T = decltype(tag);
        convertInto<T>(*this, out.mutableData<T>(), [](T v) { return v; });
    });
    return out;
}

Tensor Tensor::reshape(Shape newShape) const
{
    int inferred = -1;
    std::int64_t known = 1;
    for (std::size_t i = 0; i < newShape.size(); ++i) {
        if (newShape[i] == -1) {
            if (inferred >= 0) throw ValueError("can only specify one unknown dimension");
            inferred = static_cast<int>(i);
        } else if (newShape[i] < 0) {
            throw ValueError("negative dimensions not allowed");
        } else {
            known *= newShape[i];
        }
    }
    const std::int64_t n = size();
    auto fail = [&] {
        std::string spelled = "(";
        for (std::size_t i = 0; i < newShape.size(); ++i)
            spelled += (i ? ", " : "") + std::to_string(newShape[i]);
        spelled += newShape.size() == 1 ? ",)" : ")";
        throw ValueError("cannot reshape array of size " + std::to_string(n) + " into shape " +
                         spelled);
    };
    if (inferred >= 0) {
        if (known == 0 || n % known != 0) fail();
        newShape[inferred] = n / known;
    } else if (known != n) {
        fail();
    }
    Tensor base = contiguous();
    return Tensor(m_dtype, newShape, contiguousStrides(newShape), base.m_offset, base.m_buffer);
}

Tensor Tensor::astype(DType dtype) const
{
    Tensor out = uninitialized(dtype, m_shape);
    visitDType(m_dtype, [&](auto srcTag) {
        using S = decltype(srcTag);
        visitDType(dtype, [&](auto dstTag) {
            using D = decltype(dstTag);
            convertInto<S>(*this, out.mutableData<D>(), [](S v) { return castElement<D>(v); });
        });
    });
    return out;
}

Tensor Tensor::divided(float divisor) const
{
    Tensor out(DType::Float32, m_shape);
    float *dst = out.mutableData<float>();
    visitDType(m_dtype, [&](auto tag) {
        using T = decltype(tag);
        convertInto<T>(*this, dst, [divisor](T v) { return static_cast<float>(v) / divisor; });
    });
    return out;
}

double Tensor::sum() const
{
    return visitDType(m_dtype, [&](auto tag) {
        using T = decltype(tag);
        if constexpr (std::is_floating_point_v<T>) {
            double total = 0;
            forEachElement<T>(*this, [&](const T *p) { total += *p; });
            return total;
        } else if constexpr (std::is_signed_v<T>) {
            std::int64_t total = 0;
            forEachElement<T>(*this, [&](const T *p) { total += *p; });
            return static_cast<double>(total);
        } else {
            std::uint64_t total = 0;
            forEachElement<T>(*this, [&](const T *p) { total += *p; });
            return static_cast<double>(total);
        }
    });
}

} // namespace core
