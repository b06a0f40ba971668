#pragma once
// Shapes and strides. Strides count elements (not bytes), row-major (C order) by default.

#include <cstdint>
#include <string>
#include <vector>

namespace core {

using Shape = std::vector<std::int64_t>;
using Strides = std::vector<std::int64_t>;

// Number of elements of a shape (1 for a scalar).
std::int64_t shapeSize(const Shape &shape);

// Row-major strides for a shape: the last axis varies fastest.
Strides contiguousStrides(const Shape &shape);

// NumPy's spelling of a shape: "()", "(5,)", "(60000, 28, 28)".
std::string formatShape(const Shape &shape);

} // namespace core
