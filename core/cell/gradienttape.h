#pragma once
// tf.GradientTape in the cells: `with tf.GradientTape() as tape:` runs its block and keeps a
// GradientTape (tape.h's RecordedTape): the block's syntax and copies of the values it read from
// the notebook. tape.gradient(y, [W, b]) runs the block again with W and b as the leaves of
// reverse-mode autodiff (autodiff.h). Sources are watched by name, as written in the call; any
// float variable can be one (TensorFlow watches Variables and what tape.watch names).

#include "core/cell/ast.h"
#include "core/cell/context.h"
#include "core/cell/evaluator.h"
#include "core/cell/mt19937.h"
#include "core/cell/tape.h"
#include "core/cell/value.h"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace core::cell {

class GradientTape final : public RecordedTape {
public:
    // block: the with statement (kept alive by the cell's Program); inputs: the values its block
    // reads, copied when it started; random: the generator as it was then, so that the block's
    // tf.random calls draw the same numbers again.
    GradientTape(std::shared_ptr<const Statement> block,
                 std::map<std::string, Value, std::less<>> inputs, Mt19937 random);

    Result evaluate(const std::map<std::string, Tensor> &values, const std::string &target,
                    const std::vector<std::string> &sources) const override;
    const std::string &lastTarget() const override { return m_lastTarget; }
    const std::vector<std::string> &lastSources() const override { return m_lastSources; }
    const std::vector<std::string> &assigned() const override { return m_assigned; }

    struct Gradients {
        Value target;
        std::vector<Value> sources;                   // the sources' values (None when unknown)
        std::vector<std::optional<Tensor>> gradients; // float64; nullopt: TensorFlow's None
    };
    // The block run again with values replacing variables, differentiated. PyError for a target
    // the block does not assign, a source it assigns, an operation with no gradient.
    Gradients differentiate(const std::map<std::string, Value> &values, const std::string &target,
                            const std::vector<std::string> &sources) const;

    // This tape remembering the cell's tape.gradient(target, sources) call.
    std::shared_ptr<const GradientTape> withLastCall(std::string target,
                                                     std::vector<std::string> sources) const;

private:
    std::shared_ptr<const Statement> m_block;
    std::map<std::string, Value, std::less<>> m_inputs;
    Mt19937 m_random;
    std::vector<std::string> m_assigned;
    std::string m_lastTarget;
    std::vector<std::string> m_lastSources;
};

// Runs a With statement: its context manager must be a tf.GradientTape().
void runWith(const Statement &with, Evaluator &evaluator, Context &context);
// tape.gradient(target, sources) for the call node as written (the names matter, not only the
// values); rebinds the tape's variable to the tape remembering the call.
Value tapeGradient(const Value &tape, const Node &call, Context &context);

} // namespace core::cell
