#include "core/cell/shapeops.h"

#include "core/cell/conversion.h"
#include "core/cell/memorylimit.h"
#include "core/cell/promotion.h"
#include "core/cell/pyerror.h"
#include "core/cell/reduction.h"
#include "core/cell/shaperules.h"

#include <algorithm>
#include <cstring>

namespace core::cell {

Tensor reshapeArray(const Tensor &a, const Shape &shape)
{
    const ShapeRule rule = reshapeShape(a.size(), shape);
    if (!rule.ok()) raise("ValueError", rule.error);
    const Tensor c = contiguousCopy(a);
    return Tensor(c.dtype(), *rule.shape, contiguousStrides(*rule.shape), c.offset(), c.buffer());
}

Tensor transposeArray(const Tensor &a, const std::vector<std::int64_t> &axes)
{
    const int nd = a.ndim();
    std::vector<int> perm(nd);
    if (axes.empty()) {
        for (int i = 0; i < nd; ++i)
            perm[i] = nd - 1 - i;
    } else {
        if (static_cast<int>(axes.size()) != nd) raise("ValueError", "axes don't match array");
        std::vector<bool> seen(nd, false);
        for (int i = 0; i < nd; ++i) {
            perm[i] = normalizeAxis(axes[i], nd);
            if (seen[perm[i]]) raise("ValueError", "repeated axis in transpose");
            seen[perm[i]] = true;
        }
    }
    Shape shape(nd);
    Strides strides(nd);
    for (int i = 0; i < nd; ++i) {
        shape[i] = a.shape()[perm[i]];
        strides[i] = a.strides()[perm[i]];
    }
    return Tensor(a.dtype(), std::move(shape), std::move(strides), a.offset(), a.buffer());
}

Tensor expandDims(const Tensor &a, const std::vector<std::int64_t> &axes)
{
    const int outNd = a.ndim() + static_cast<int>(axes.size());
    std::vector<bool> added(outNd, false);
    for (auto ax : axes) {
        const int k = normalizeAxis(ax, outNd);
        if (added[k]) raise("ValueError", "repeated axis");
        added[k] = true;
    }
    Shape shape;
    Strides strides;
    int src = 0;
    for (int i = 0; i < outNd; ++i) {
        if (added[i]) {
            shape.push_back(1);
            strides.push_back(0);
        } else {
            shape.push_back(a.shape()[src]);
            strides.push_back(a.strides()[src]);
            ++src;
        }
    }
    return Tensor(a.dtype(), std::move(shape), std::move(strides), a.offset(), a.buffer());
}

Tensor concatenate(const std::vector<Tensor> &input, std::optional<std::int64_t> axisArg)
{
    if (input.empty()) raise("ValueError", "need at least one array to concatenate");
    std::vector<Tensor> arrays = input;
    if (!axisArg) {
        for (auto &a : arrays)
            a = reshapeArray(a, {-1});
    }
    const int nd = arrays[0].ndim();
    if (nd == 0) raise("ValueError", "zero-dimensional arrays cannot be concatenated");
    const int axis = normalizeAxis(axisArg.value_or(0), nd);
    DType t = arrays[0].dtype();
    Shape shape = arrays[0].shape();
    for (std::size_t i = 1; i < arrays.size(); ++i) {
        const Tensor &a = arrays[i];
        if (a.ndim() != nd)
            raise("ValueError", "all the input arrays must have same number of dimensions, but "
                                "the array at index 0 has " +
                                    std::to_string(nd) + " dimension(s) and the array at index " +
                                    std::to_string(i) + " has " + std::to_string(a.ndim()) +
                                    " dimension(s)");
        for (int k = 0; k < nd; ++k)
            if (k != axis && a.shape()[k] != shape[k])
                raise("ValueError",
                      "all the input array dimensions except for the concatenation axis must "
                      "match exactly, but along dimension " +
                          std::to_string(k) + ", the array at index 0 has size " +
                          std::to_string(shape[k]) + " and the array at index " +
                          std::to_string(i) + " has size " + std::to_string(a.shape()[k]));
        shape[axis] += a.shape()[axis];
        t = promoteTypes(t, a.dtype());
    }
    Tensor out = newArray(t, shape);
    // Copy each input as a block of rows: outer = product of axes before `axis`.
    std::int64_t outer = 1;
    for (int k = 0; k < axis; ++k)
        outer *= shape[k];
    std::int64_t inner = 1;
    for (int k = axis + 1; k < nd; ++k)
        inner *= shape[k];
    const std::size_t item = dtypeSize(t);
    std::byte *dst = out.buffer()->data();
    std::int64_t column = 0;
    for (const auto &a : arrays) {
        const Tensor c = contiguousCopy(cast(a, t));
        const std::int64_t chunk = a.shape()[axis] * inner;
        const std::byte *src = c.buffer()->data() + c.offset() * static_cast<std::int64_t>(item);
        for (std::int64_t o = 0; o < outer; ++o)
            std::memcpy(dst + (o * shape[axis] * inner + column) * static_cast<std::int64_t>(item),
                        src + o * chunk * static_cast<std::int64_t>(item),
                        static_cast<std::size_t>(chunk) * item);
        column += chunk;
    }
    return out;
}

} // namespace core::cell
