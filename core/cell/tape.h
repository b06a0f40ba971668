#pragma once
// What a cell's `with tf.GradientTape() as tape:` block recorded, kept so that the block can be
// differentiated again at other values: the Gradient page draws a whole curve f(x) and f'(x), or a
// loss surface and its gradients, from the cell that computes them at one point.
//
//   with tf.GradientTape() as tape:      # the cell
//       y = x**2 - 2*x
//   slope = tape.gradient(y, x)
//
//   const RecordedTape &t = ...;         // Session::tape("tape")
//   auto r = t.evaluate({{"x", xs}}, "y", {"x"});   // xs: 400 values of x at once
//   r.target        // y at every x
//   r.gradients[0]  // dy/dx at every x (the gradient of sum(y), as TensorFlow's tape gives)
//
// A RecordedTape is immutable and self-contained (the block's syntax and the values it read when
// it ran), so it may be evaluated from any thread, also while its Session runs other cells.

#include "core/cell/value.h"
#include "core/tensor/tensor.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace core::cell {

class RecordedTape {
public:
    struct Result {
        Tensor target;                 // the target's value
        std::vector<Tensor> gradients; // d sum(target) / d source, each of its source's shape
        // false where the target does not depend on the source (the cell's tape.gradient gives
        // None there; gradients holds zeros)
        std::vector<bool> connected;
    };

    virtual ~RecordedTape() = default;

    // Runs the block again with `values` in place of the variables of those names (the others as
    // they were when the block ran) and differentiates `target` (a name the block assigns) with
    // respect to `sources` (names). Throws PyError in Python's and TensorFlow's words (a name the
    // block does not assign, an operation it cannot differentiate).
    virtual Result evaluate(const std::map<std::string, Tensor> &values, const std::string &target,
                            const std::vector<std::string> &sources) const = 0;

    // The names of the last tape.gradient(target, sources) call on this tape, as written in the
    // cell ("y", {"x"}; "loss_val", {"w", "b"}); empty when the cell never asked for a gradient.
    virtual const std::string &lastTarget() const = 0;
    virtual const std::vector<std::string> &lastSources() const = 0;
    // The names the block assigns, in order.
    virtual const std::vector<std::string> &assigned() const = 0;
};

} // namespace core::cell
