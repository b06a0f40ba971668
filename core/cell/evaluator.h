#pragma once
// Walks a parsed cell: runs statements (assignment with unpacking, imports, expressions) and
// evaluates expressions to values. Errors are PyError with Python's and NumPy's wording.

#include "core/cell/ast.h"
#include "core/cell/context.h"
#include "core/cell/value.h"

#include <optional>

namespace core::cell {

class Evaluator {
public:
    explicit Evaluator(Context &context) : m_context(context) {}

    // The value of an expression statement; nullopt for other statements.
    std::optional<Value> execute(const Statement &statement);
    Value evaluate(const Node &node);

private:
    Value lookup(const Node &name);
    Value subscript(const Value &object, const Node &index);
    Value call(const Node &node);
    void assign(const Node &target, const Value &value);
    void setItem(const Value &object, const Node &index, const Value &value);

    Context &m_context;
};

} // namespace core::cell
