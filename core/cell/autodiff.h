#pragma once
// Reverse-mode autodiff of a GradientTape's block: the block runs again on its own copy of the
// variables with the sources as the graph's leaves; every operation on a value that depends on a
// leaf records its backward rule (gradientrules.h), and backward() walks the graph from the
// target to the leaves. Values not depending on a leaf are computed by the ordinary Evaluator.

#include "core/cell/ast.h"
#include "core/cell/context.h"
#include "core/cell/evaluator.h"
#include "core/cell/gradientrules.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace core::cell {

class GradientGraph {
public:
    // A new leaf of the given shape; its id.
    int leaf(const Shape &shape);
    // An operation on the nodes inputs, with the output's shape; its id.
    int add(std::vector<int> inputs, const Shape &shape, Pullback pullback);
    // d sum(node target) / d leaf for each leaf (nullopt where the target does not depend on it).
    std::vector<std::optional<Tensor>> backward(int target, const std::vector<int> &leaves) const;

private:
    struct Node {
        std::vector<int> inputs;
        Shape shape;
        Pullback pullback; // empty for a leaf
    };
    std::vector<Node> m_nodes;
};

// A value of the re-run and the graph node it is (-1: it does not depend on a leaf); a tuple or
// list display keeps its items' nodes, for unpacking.
struct Traced {
    Value value;
    int node = -1;
    std::vector<Traced> items;
    bool tracked() const;
};

// Runs statements of a block as Evaluator does, recording into graph. nodes maps the variables
// that depend on a leaf to their node.
class Tracer {
public:
    Tracer(Context &context, GradientGraph &graph, std::map<std::string, int> &nodes)
        : m_context(context), m_plain(context), m_graph(graph), m_nodes(nodes)
    {}

    void execute(const Statement &statement);
    Traced evaluate(const Node &node);

private:
    bool dependsOnLeaf(const Node &node) const;
    void assign(const Node &target, const Traced &value);
    Traced record(Value out, const std::vector<const Traced *> &inputs, const Pullback &pullback);
    Traced call(const Node &node);
    Traced subscript(const Traced &object, const Node &index);

    Context &m_context;
    Evaluator m_plain;
    GradientGraph &m_graph;
    std::map<std::string, int> &m_nodes;
};

} // namespace core::cell
