#pragma once
// A small Python expression language over named arrays, enough for the book's slicing lines:
//   train_images[10:100, 7:-7, ::2]   test_labels[:10]   train_images[4].shape   len(train_labels)
// The text is read by the notebook cells' lexer and parser (core/cell) as one Python expression,
// then kept to this subset:
//   expression := 'len' '(' access ')' | access
//   access     := NAME ('[' items ']')* ('.' ('shape' | 'ndim' | 'dtype' | 'size'))?
//   items      := item (',' item)* ','?
//   item       := '...' | 'None' | 'np.newaxis' | INT | [INT] ':' [INT] [':' [INT]]
// where INT is an integer literal with optional signs and a slice part may also be None.

#include "core/tensor/indexing.h"
#include "core/tensor/tensor.h"

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace core {

enum class Attribute { None, ShapeOf, NdimOf, DtypeOf, SizeOf, LenOf };

struct Expression {
    std::string name;
    std::vector<std::vector<IndexItem>> subscripts; // one entry per [...] in order
    Attribute attribute = Attribute::None;
};

// Parses text; throws ParseError with the 1-based column (a byte offset in text) where the parser
// stopped, or of the part the subset lacks, e.g. the '+' of "train_images + 1".
Expression parseExpression(std::string_view text);

// Python spelling of a parsed expression, e.g. "train_images[10:100, 7:-7]".
std::string formatExpression(const Expression &expression);

struct Evaluation {
    Tensor array;          // the array after all subscripts
    Attribute attribute;   // what was asked of it
    std::string valueText; // the attribute's value as Python prints it; empty for Attribute::None
};

// Looks a name up; returns nullopt for an unknown name.
using ArrayResolver = std::function<std::optional<Tensor>(std::string_view name)>;

// Applies the subscripts in turn; throws NameError, IndexError or ValueError.
Evaluation evaluate(const Expression &expression, const ArrayResolver &resolve);

} // namespace core
