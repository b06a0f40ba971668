#pragma once
// The backward rules of reverse-mode autodiff (autodiff.h): for each operation the cells can
// differentiate, its vector-Jacobian product. Gradients are float64 arrays; a rule sums a
// broadcast operand's gradient back to the operand's shape.

#include "core/cell/value.h"
#include "core/tensor/tensor.h"

#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace core::cell {

// Given d sum(target) / d output (float64, the output's shape), the contributions to each of the
// operation's differentiable inputs, in order (nullopt where an input needs none).
using Pullback = std::function<std::vector<std::optional<Tensor>>(const Tensor &g)>;

// a OP b for + - * / ** @ with the operands and result the forward pass saw; need says which of
// a and b carry gradients. LookupError for an operator with no gradient (// %).
Pullback operatorPullback(const std::string &op, const Value &a, const Value &b, const Value &out,
                          std::pair<bool, bool> need);
Pullback negativePullback();
// Subscript: positions holds, for each element of the result, its flat index in the operand.
Pullback subscriptPullback(const Shape &operand, Tensor positions);
// x.T.
Pullback transposePullback(const std::vector<std::int64_t> &axes, int ndim);

// A function call: the function's full name ("np.sin", "tf.math.log", "ndarray.sum": then
// positional[0] is the array), its arguments and result. inputs lists the positional arguments
// gradients flow to. nullopt when the call cuts the graph (tf.constant, tf.Variable of a
// tensor); LookupError ("gradient registry has no entry for: np.max") when it has no gradient.
struct CallPullback {
    std::vector<std::size_t> inputs;
    Pullback pullback;
};
std::optional<CallPullback> callPullback(const std::string &function,
                                         const std::vector<Value> &positional,
                                         const std::vector<std::pair<std::string, Value>> &keywords,
                                         const Value &out);

// g summed over the axes broadcasting added or stretched, to shape (the rule for every
// broadcasting operation).
Tensor unbroadcast(const Tensor &g, const Shape &shape);

} // namespace core::cell
