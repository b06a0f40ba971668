#pragma once
// The book's backpropagation example (section 2.4.4, figures 2.22-2.26) as a computation graph:
//   x1 = x · w,  x2 = x1 + b,  loss_val = abs(y_true - x2)
// with the forward values, each edge's local derivative, and the chain rule run backward edge by
// edge, plus the order in which the book's figures show them, each step with its sentence.
// The book's numbers: x = 2, w = 3, b = 1, y_true = 4 give loss_val = 3, grad(loss_val, w) = 2,
// grad(loss_val, b) = 1.

#include <string>
#include <string_view>
#include <vector>

namespace core::gradient {

enum class BackpropOp {
    Input,       // x, w, b, y_true
    Multiply,    // inputs[0] · inputs[1]
    Add,         // inputs[0] + inputs[1]
    AbsDistance, // abs(inputs[0] - inputs[1]): abs(y_true - x2)
};

struct BackpropNode {
    std::string name;
    BackpropOp op = BackpropOp::Input;
    std::vector<int> inputs; // node indices
    bool parameter = false;  // w and b: what training changes (x and y_true are data)
    double value = 0.0;
    double gradient = 0.0; // grad(loss_val, this node); 1 for loss_val itself
    std::string formula;   // "x1 = x · w" (empty for an input)
};

// From an input of `to` to `to`.
struct BackpropEdge {
    int from = 0, to = 0;
    double local = 0.0;           // grad(to, from): the derivative of to's operation in this input
    double gradient = 0.0;        // grad(loss_val, to) · local, what this edge carries back
    bool towardParameter = false; // the path ends at w or b (the book's figure 2.25 edges)
    std::string localText;        // "grad(x1, w) = x = 2"
};

struct BackpropStep {
    enum class Kind { Forward, Backward } kind = Kind::Forward;
    int node = -1; // Forward: the node computed
    int edge = -1; // Backward: the edge the gradient goes back through (node: its input end)
    std::string text;
};

struct BackpropGraph {
    std::vector<BackpropNode> nodes; // inputs first, then in evaluation order; loss_val last
    std::vector<BackpropEdge> edges;
    // Forward: the inputs' values, x1, x2, loss_val; then Backward: one step per edge from the
    // loss back, those toward w and b first (the book's), then those toward x and y_true.
    std::vector<BackpropStep> steps;

    int nodeIndex(std::string_view name) const;            // -1 when absent
    const BackpropNode &node(std::string_view name) const; // throws core::ValueError when absent
    double value(std::string_view name) const { return node(name).value; }
    double gradient(std::string_view name) const { return node(name).gradient; }
};

// At y_true == x2, abs has a kink: its derivative is taken as 0, as TensorFlow's sign(0) = 0.
BackpropGraph buildBackpropExample(double x = 2.0, double w = 3.0, double b = 1.0,
                                   double yTrue = 4.0);

// A number as the steps write it: up to 6 significant digits, no trailing zeros ("2", "0.5").
std::string formatNumber(double v);

} // namespace core::gradient
