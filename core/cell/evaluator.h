#pragma once
// Walks a parsed cell: runs statements (assignment with unpacking, imports, expressions, with
// blocks) and evaluates expressions to values. Errors are PyError with Python's and NumPy's
// wording.

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
    // object[index] and target = value, for the autodiff's re-run (autodiff.h).
    Value subscript(const Value &object, const Node &index);
    void assign(const Node &target, const Value &value);
    // The statement running (or that raised), also inside a with block.
    const Statement *current() const { return m_current; }

private:
    Value lookup(const Node &name);
    Value call(const Node &node);
    void setItem(const Value &object, const Node &index, const Value &value);

    Context &m_context;
    const Statement *m_current = nullptr;
};

} // namespace core::cell
