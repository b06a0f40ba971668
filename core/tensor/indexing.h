#pragma once
// NumPy basic indexing: integers (negative count from the end), start:stop:step slices with any
// part omitted and negative steps, one Ellipsis, and np.newaxis. Slices clamp to the axis like
// Python's; an integer index drops its axis; missing trailing indices select whole axes. The result
// is a view. Reference: NumPy user guide, "Indexing on ndarrays", basic slicing and indexing.

#include "core/tensor/tensor.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <variant>
#include <vector>

namespace core {

struct Slice {
    std::optional<std::int64_t> start;
    std::optional<std::int64_t> stop;
    std::optional<std::int64_t> step;
    bool operator==(const Slice &) const = default;
};
struct Ellipsis {
    bool operator==(const Ellipsis &) const = default;
};
struct NewAxis {
    bool operator==(const NewAxis &) const = default;
};
using IndexItem = std::variant<std::int64_t, Slice, Ellipsis, NewAxis>;

// A slice resolved against an axis of a given size (Python's PySlice_AdjustIndices).
struct SliceRange {
    std::int64_t start = 0;
    std::int64_t step = 1;
    std::int64_t length = 0;
};
SliceRange resolveSlice(const Slice &slice, std::int64_t size);

// Where each axis of an indexing result comes from.
struct ResultAxis {
    int sourceAxis = -1; // -1 for an axis added by np.newaxis
    SliceRange range;    // the source positions it walks (length 1 for a new axis)
};
struct IndexPlan {
    std::vector<ResultAxis> axes;
    // Source axes fixed by an integer index, with the (non-negative) position chosen.
    std::vector<std::pair<int, std::int64_t>> fixed;
};

// Checks items against shape and resolves them; throws IndexError / ValueError as NumPy would.
IndexPlan planIndex(const Shape &shape, std::span<const IndexItem> items);
// Applies planIndex to a tensor, returning a view that shares its storage.
Tensor index(const Tensor &tensor, std::span<const IndexItem> items);

// Python spelling of items: "10:100, 7:-7, ::2", "...", "None".
std::string formatIndexItem(const IndexItem &item);
std::string formatIndexItems(std::span<const IndexItem> items);

} // namespace core
