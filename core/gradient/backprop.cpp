#include "core/gradient/backprop.h"

#include "core/errors.h"

#include <charconv>
#include <cmath>

namespace core::gradient {

std::string formatNumber(double v)
{
    if (v == 0.0) return "0"; // also -0
    if (std::isnan(v)) return "nan";
    if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
    char buf[48];
    const auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::general, 6);
    return std::string(buf, r.ptr);
}

namespace {

// A number inside an expression: negative ones in parentheses ("4 - (-7)").
std::string operand(double v)
{
    const std::string s = formatNumber(v);
    return s.front() == '-' ? "(" + s + ")" : s;
}

double sign(double v)
{
    return v > 0.0 ? 1.0 : v < 0.0 ? -1.0 : 0.0;
}

std::string grad(const std::string &of, const std::string &wrt)
{
    return "grad(" + of + ", " + wrt + ")";
}

} // namespace

int BackpropGraph::nodeIndex(std::string_view name) const
{
    for (std::size_t i = 0; i < nodes.size(); ++i)
        if (nodes[i].name == name) return static_cast<int>(i);
    return -1;
}

const BackpropNode &BackpropGraph::node(std::string_view name) const
{
    const int i = nodeIndex(name);
    if (i < 0) throw ValueError("the backpropagation graph has no node " + std::string(name));
    return nodes[static_cast<std::size_t>(i)];
}

BackpropGraph buildBackpropExample(double x, double w, double b, double yTrue)
{
    BackpropGraph g;
    enum { X, W, B, Y, X1, X2, Loss };
    auto input = [&](const char *name, double v, bool parameter) {
        BackpropNode n;
        n.name = name;
        n.value = v;
        n.parameter = parameter;
        g.nodes.push_back(std::move(n));
    };
    input("x", x, false);
    input("w", w, true);
    input("b", b, true);
    input("y_true", yTrue, false);

    const double x1 = x * w, x2 = x1 + b, diff = yTrue - x2;
    g.nodes.push_back({"x1", BackpropOp::Multiply, {X, W}, false, x1, 0.0, "x1 = x · w"});
    g.nodes.push_back({"x2", BackpropOp::Add, {X1, B}, false, x2, 0.0, "x2 = x1 + b"});
    g.nodes.push_back({"loss_val",
                       BackpropOp::AbsDistance,
                       {Y, X2},
                       false,
                       std::abs(diff),
                       1.0,
                       "loss_val = abs(y_true - x2)"});

    for (const int i : {X, W, B, Y})
        g.steps.push_back({BackpropStep::Kind::Forward, i, -1,
                           g.nodes[i].name + " = " + formatNumber(g.nodes[i].value)});
    g.steps.push_back(
        {BackpropStep::Kind::Forward, X1, -1,
         "x1 = x · w = " + operand(x) + " · " + operand(w) + " = " + formatNumber(x1)});
    g.steps.push_back(
        {BackpropStep::Kind::Forward, X2, -1,
         "x2 = x1 + b = " + operand(x1) + " + " + operand(b) + " = " + formatNumber(x2)});
    g.steps.push_back({BackpropStep::Kind::Forward, Loss, -1,
                       "loss_val = abs(y_true - x2) = abs(" + operand(yTrue) + " - " + operand(x2) +
                           ") = " + formatNumber(std::abs(diff))});

    // Local derivatives. d|y_true - x2| / dx2 = -sign(y_true - x2), / dy_true = sign(y_true - x2).
    const std::string signText = "sign(y_true - x2)";
    const std::string signValues = "sign(" + operand(yTrue) + " - " + operand(x2) + ")";
    struct Local {
        int from, to;
        double local;
        std::string symbol; // how the local derivative reads, before its value
    };
    // Backward order: from the loss back, the book's edges (toward w and b) before x and y_true.
    const Local locals[] = {
        {X2, Loss, -sign(diff), "-" + signText},
        {X1, X2, 1.0, ""},
        {B, X2, 1.0, ""},
        {W, X1, x, "x"},
        {X, X1, w, "w"},
        {Y, Loss, sign(diff), signText},
    };
    for (const Local &l : locals) {
        BackpropEdge e;
        e.from = l.from;
        e.to = l.to;
        e.local = l.local;
        e.towardParameter = l.from == X2 || l.from == X1 || l.from == B || l.from == W;
        const std::string &fromName = g.nodes[l.from].name, &toName = g.nodes[l.to].name;
        e.localText = grad(toName, fromName) + " = " + (l.symbol.empty() ? "" : l.symbol + " = ") +
                      formatNumber(l.local);
        g.edges.push_back(std::move(e));
    }

    // The chain rule, edge by edge; each node here feeds one other, so its gradient is complete
    // before it is passed on (a node feeding several would sum its edges).
    for (std::size_t k = 0; k < g.edges.size(); ++k) {
        BackpropEdge &e = g.edges[k];
        const BackpropNode &to = g.nodes[e.to];
        BackpropNode &from = g.nodes[e.from];
        e.gradient = to.gradient * e.local;
        from.gradient += e.gradient;
        const std::string target = grad("loss_val", from.name);
        std::string text;
        if (e.to == Loss) {
            const std::string &symbol = locals[k].symbol;
            const std::string values = (symbol.front() == '-' ? "-" : "") + signValues;
            text = target + " = " + symbol + " = " + values + " = " + formatNumber(e.gradient);
        } else {
            text = target + " = " + grad("loss_val", to.name) + " · " + grad(to.name, from.name) +
                   " = " + operand(to.gradient) + " · " + operand(e.local) + " = " +
                   formatNumber(e.gradient);
        }
        g.steps.push_back({BackpropStep::Kind::Backward, e.from, static_cast<int>(k), text});
    }
    return g;
}

} // namespace core::gradient
