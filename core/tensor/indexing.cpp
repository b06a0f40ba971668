#include "core/tensor/indexing.h"

#include "core/errors.h"

namespace core {

SliceRange resolveSlice(const Slice &slice, std::int64_t size)
{
    const std::int64_t step = slice.step.value_or(1);
    if (step == 0) throw ValueError("slice step cannot be zero");
    auto clamp = [&](std::optional<std::int64_t> v, std::int64_t ifMissing) {
        if (!v) return ifMissing;
        std::int64_t x = *v;
        if (x < 0) {
            x += size;
            if (x < 0) x = step < 0 ? -1 : 0;
        } else if (x >= size) {
            x = step < 0 ? size - 1 : size;
        }
        return x;
    };
    const std::int64_t start = clamp(slice.start, step < 0 ? size - 1 : 0);
    const std::int64_t stop = clamp(slice.stop, step < 0 ? -1 : size);
    std::int64_t length = 0;
    if (step < 0) {
        if (stop < start) length = (start - stop - 1) / (-step) + 1;
    } else if (start < stop) {
        length = (stop - start - 1) / step + 1;
    }
    return {start, step, length};
}

IndexPlan planIndex(const Shape &shape, std::span<const IndexItem> items)
{
    const int ndim = static_cast<int>(shape.size());
    int consuming = 0;
    int ellipses = 0;
    for (const auto &item : items) {
        if (std::holds_alternative<std::int64_t>(item) || std::holds_alternative<Slice>(item))
            ++consuming;
        else if (std::holds_alternative<Ellipsis>(item))
            ++ellipses;
    }
    if (ellipses > 1) throw IndexError("an index can only have a single ellipsis ('...')");
    if (consuming > ndim)
        throw IndexError("too many indices for array: array is " + std::to_string(ndim) +
                         "-dimensional, but " + std::to_string(consuming) + " were indexed");

    IndexPlan plan;
    int axis = 0;
    auto keepWhole = [&](int a) { plan.axes.push_back({a, {0, 1, shape[a]}}); };
    for (const auto &item : items) {
        if (const auto *i = std::get_if<std::int64_t>(&item)) {
            std::int64_t pos = *i < 0 ? *i + shape[axis] : *i;
            if (pos < 0 || pos >= shape[axis])
                throw IndexError("index " + std::to_string(*i) + " is out of bounds for axis " +
                                 std::to_string(axis) + " with size " +
                                 std::to_string(shape[axis]));
            plan.fixed.emplace_back(axis, pos);
            ++axis;
        } else if (const auto *s = std::get_if<Slice>(&item)) {
            plan.axes.push_back({axis, resolveSlice(*s, shape[axis])});
            ++axis;
        } else if (std::holds_alternative<Ellipsis>(item)) {
            const int skip = ndim - consuming;
            for (int k = 0; k < skip; ++k)
                keepWhole(axis++);
        } else {
            plan.axes.push_back({-1, {0, 1, 1}});
        }
    }
    while (axis < ndim)
        keepWhole(axis++);
    return plan;
}

Tensor index(const Tensor &tensor, std::span<const IndexItem> items)
{
    const IndexPlan plan = planIndex(tensor.shape(), items);
    std::int64_t offset = tensor.offset();
    for (const auto &[axis, pos] : plan.fixed)
        offset += pos * tensor.strides()[axis];
    Shape shape;
    Strides strides;
    for (const auto &a : plan.axes) {
        if (a.sourceAxis < 0) {
            shape.push_back(1);
            strides.push_back(0);
            continue;
        }
        const std::int64_t stride = tensor.strides()[a.sourceAxis];
        if (a.range.length > 0) offset += a.range.start * stride;
        shape.push_back(a.range.length);
        // NumPy keeps step * stride even for one element (x[::2] of two rows shows the doubled
        // stride in .strides). With one element a huge step (a[::2**62]) overflows it; then the
        // plain stride, which reads the same element and stays within the array.
        std::int64_t stepped = 0;
        const auto extent =
            static_cast<std::int64_t>(tensor.buffer()->size() / dtypeSize(tensor.dtype()));
        if (__builtin_mul_overflow(stride, a.range.step, &stepped) || stepped > extent ||
            stepped < -extent)
            stepped = stride;
        strides.push_back(a.range.length > 1 ? stride * a.range.step : stepped);
    }
    return Tensor(tensor.dtype(), std::move(shape), std::move(strides), offset, tensor.buffer());
}

std::string formatIndexItem(const IndexItem &item)
{
    if (const auto *i = std::get_if<std::int64_t>(&item)) return std::to_string(*i);
    if (std::holds_alternative<Ellipsis>(item)) return "...";
    if (std::holds_alternative<NewAxis>(item)) return "None";
    const auto &s = std::get<Slice>(item);
    std::string out;
    if (s.start) out += std::to_string(*s.start);
    out += ":";
    if (s.stop) out += std::to_string(*s.stop);
    if (s.step) out += ":" + std::to_string(*s.step);
    return out;
}

std::string formatIndexItems(std::span<const IndexItem> items)
{
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i) out += ", ";
        out += formatIndexItem(items[i]);
    }
    return out;
}

} // namespace core
