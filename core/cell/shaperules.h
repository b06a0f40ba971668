#pragma once
// NumPy's shape rules as plain functions, for views that explain them without running a cell.
// Each gives the result shape, or NumPy 1.24's error message (the text after "ValueError: ") and
// the axes that do not fit. Axes are counted from the left of each operand.

#include "core/tensor/shape.h"

#include <cstdint>
#include <optional>
#include <string>

namespace core::cell {

struct ShapeRule {
    std::optional<Shape> shape; // the result, when the shapes fit
    std::string error;          // NumPy's message otherwise
    int axisA = -1;             // the first operand's axis that does not fit (-1 when none)
    int axisB = -1;             // the second operand's
    bool ok() const { return shape.has_value(); }
};

// a + b: "operands could not be broadcast together with shapes (3,4) (5,) "; the failing axes
// are the rightmost pair (aligned from the right) whose lengths differ and neither is 1.
ShapeRule broadcastShapes(const Shape &a, const Shape &b);

// np.dot(a, b): scalars multiply; 1-D·1-D is a scalar; else dot(a, b)[i,j,k,m] =
// sum(a[i,j,:] * b[k,:,m]). Mismatch: "shapes (2,3) and (4,) not aligned: 3 (dim 1) != 4 (dim 0)".
ShapeRule dotShape(const Shape &a, const Shape &b);

// a @ b (np.matmul): stacks of matrices broadcast; 1-D operands get a 1 added and removed.
// Scalars: "matmul: Input operand 0 does not have enough dimensions ..."; mismatch: "matmul:
// Input operand 1 has a mismatch in its core dimension 0, with gufunc signature
// (n?,k),(k,m?)->(n?,m?) (size 4 is different from 3)".
ShapeRule matmulShape(const Shape &a, const Shape &b);

// a.reshape(requested) for an array of `size` elements; one entry may be -1 (inferred).
// "cannot reshape array of size 6 into shape (4,newaxis)", "can only specify one unknown
// dimension". axisA is the -1 entry when there is one.
ShapeRule reshapeShape(std::int64_t size, const Shape &requested);

// NumPy's spelling in error messages: "(3,4)", "(5,)", "()".
std::string compactShape(const Shape &shape);
// Python's repr of the shape tuple, as a.shape prints: "(3, 4)", "(5,)", "()".
std::string shapeRepr(const Shape &shape);

} // namespace core::cell
