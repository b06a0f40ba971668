#pragma once
// The syntax tree of a cell: expressions (Node) and statements (Statement). Every node keeps the
// line and column it starts at, and operators keep their own column, so errors point where Python
// points.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace core::cell {

enum class NodeKind {
    Name,      // text
    Int,       // intValue (overflow when past int64), text = spelling
    Float,     // floatValue, text = spelling
    Str,       // text
    Constant,  // text: "None", "True", "False"
    Ellipsis,  // ...
    Tuple,     // children; parenthesized tells (1, 2) from 1, 2
    List,      // children
    Attribute, // children[0].text, nameColumn
    Subscript, // children[0][children[1]]
    Slice,     // children[0..2]: start, stop, step (null when omitted)
    Call,      // children[0](children[1..], keywords)
    Unary,     // text op, children[0]
    Binary,    // children[0] text children[1]; opColumn
};

struct Node;
using NodePtr = std::unique_ptr<Node>;

struct Keyword {
    std::string name;
    NodePtr value;
    int line = 0, column = 0;
};

struct Node {
    NodeKind kind = NodeKind::Name;
    int line = 0, column = 0;
    std::string text;
    std::int64_t intValue = 0;
    bool overflow = false;
    double floatValue = 0;
    bool parenthesized = false;
    // Binary: the operator; Attribute: the name after '.'; Subscript: '['; Call: '('.
    int opLine = 0, opColumn = 0;
    std::vector<NodePtr> children; // null entries only in Slice
    std::vector<Keyword> keywords; // Call
    int height = 1;                // the longest path to a leaf, counted in nodes
};

enum class StatementKind { Expression, Assign, Import, With };

struct ImportName {
    std::string module; // "numpy", "tensorflow.keras.datasets.mnist"
    std::string bound;  // the name it binds: "np", "mnist"
};

struct Statement {
    StatementKind kind = StatementKind::Expression;
    int line = 0, column = 0;
    std::vector<NodePtr> targets; // Assign: a = b = value has two
    NodePtr value;                // Expression and Assign; With: the context expression
    std::vector<ImportName> imports;
    std::string bound;           // With: the name after 'as' (empty without one)
    std::vector<Statement> body; // With: the indented block
};

struct Program {
    std::vector<Statement> statements;
};

} // namespace core::cell
