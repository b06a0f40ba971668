#include "core/cell/gradienttape.h"

#include "core/cell/autodiff.h"
#include "core/cell/conversion.h"
#include "core/cell/memorylimit.h"
#include "core/cell/parallel.h"
#include "core/cell/pyerror.h"
#include "core/cell/session.h"
#include "core/errors.h"

#include <algorithm>
#include <new>

namespace core::cell {

namespace {

void namesRead(const Node &n, std::vector<std::string> &out)
{
    if (n.kind == NodeKind::Name) out.push_back(n.text);
    for (const auto &c : n.children)
        if (c) namesRead(*c, out);
    for (const auto &k : n.keywords)
        namesRead(*k.value, out);
}

void namesRead(const std::vector<Statement> &body, std::vector<std::string> &out)
{
    for (const auto &s : body) {
        if (s.value) namesRead(*s.value, out);
        for (const auto &t : s.targets)
            namesRead(*t, out);
        namesRead(s.body, out);
    }
}

void targetNames(const Node &t, std::vector<std::string> &out)
{
    if (t.kind == NodeKind::Name && std::find(out.begin(), out.end(), t.text) == out.end())
        out.push_back(t.text);
    if (t.kind == NodeKind::Tuple || t.kind == NodeKind::List)
        for (const auto &c : t.children)
            targetNames(*c, out);
}

void namesAssigned(const std::vector<Statement> &body, std::vector<std::string> &out)
{
    auto add = [&](const std::string &n) {
        if (std::find(out.begin(), out.end(), n) == out.end()) out.push_back(n);
    };
    for (const auto &s : body) {
        for (const auto &t : s.targets)
            targetNames(*t, out);
        for (const auto &imp : s.imports)
            add(imp.bound);
        if (s.kind == StatementKind::With && !s.bound.empty()) add(s.bound);
        namesAssigned(s.body, out);
    }
}

bool assignsItems(const Node &t)
{
    if (t.kind == NodeKind::Subscript) return true;
    if (t.kind == NodeKind::Tuple || t.kind == NodeKind::List)
        for (const auto &c : t.children)
            if (assignsItems(*c)) return true;
    return false;
}

void refuseItemAssignment(const std::vector<Statement> &body)
{
    for (const auto &s : body) {
        for (const auto &t : s.targets)
            if (assignsItems(*t))
                raise("TypeError", "item assignment inside a GradientTape block is not supported "
                                   "in these cells (TensorFlow's tensors do not support it)");
        refuseItemAssignment(s.body);
    }
}

// A copy the notebook cannot change afterwards: arrays are copied, the rest is immutable.
Value snapshot(const Value &v)
{
    switch (v.kind()) {
    case ValueKind::Array:
        return Value::array(toArray(v), v.isNumpyScalar());
    case ValueKind::Tuple:
    case ValueKind::List: {
        std::vector<Value> items;
        for (const auto &item : v.items())
            items.push_back(snapshot(item));
        return v.kind() == ValueKind::Tuple ? Value::tuple(std::move(items))
                                            : Value::list(std::move(items));
    }
    case ValueKind::Function:
        return v.self().isNone() ? v : Value::function(v.name(), snapshot(v.self()));
    default:
        return v;
    }
}

bool differentiable(const Value &v)
{
    return v.kind() == ValueKind::Float || (v.isArray() && isFloating(v.asArray().dtype()));
}

[[noreturn]] void misuse(const std::string &message)
{
    raise("TypeError", "tape.gradient(): " + message);
}

} // namespace

GradientTape::GradientTape(std::shared_ptr<const Statement> block,
                           std::map<std::string, Value, std::less<>> inputs, Mt19937 random)
    : m_block(std::move(block)), m_inputs(std::move(inputs)), m_random(random)
{
    namesAssigned(m_block->body, m_assigned);
}

std::shared_ptr<const GradientTape>
GradientTape::withLastCall(std::string target, std::vector<std::string> sources) const
{
    auto copy = std::make_shared<GradientTape>(*this);
    copy->m_lastTarget = std::move(target);
    copy->m_lastSources = std::move(sources);
    return copy;
}

GradientTape::Gradients GradientTape::differentiate(const std::map<std::string, Value> &values,
                                                    const std::string &target,
                                                    const std::vector<std::string> &sources) const
{
    if (std::find(m_assigned.begin(), m_assigned.end(), target) == m_assigned.end())
        raise("ValueError", "tape.gradient(): the target '" + target +
                                "' is not assigned inside the with block (the tape records only "
                                "what its block computes)");
    std::map<std::string, Value, std::less<>> variables = m_inputs;
    for (const auto &[name, v] : values)
        variables[name] = v;
    Gradients out;
    GradientGraph graph;
    std::map<std::string, int> nodes;
    std::vector<int> leaves;
    for (const auto &s : sources) {
        if (std::find(m_assigned.begin(), m_assigned.end(), s) != m_assigned.end())
            raise("ValueError", "tape.gradient(): the source '" + s +
                                    "' is assigned inside the with block; these cells "
                                    "differentiate with respect to values made before the block");
        const auto it = variables.find(s);
        out.sources.push_back(it == variables.end() ? Value() : it->second);
        if (it == variables.end() || !differentiable(it->second)) {
            leaves.push_back(-1); // not read by the block, or an integer: TensorFlow's None
            continue;
        }
        if (!nodes.count(s)) nodes[s] = graph.leaf(toOperand(it->second).array.shape());
        leaves.push_back(nodes[s]);
    }
    Mt19937 random = m_random;
    std::string printed;
    const ArrayResolver noData; // the data arrays the block read are among the inputs
    Context context{variables, noData, random, printed};
    context.differentiating = true;
    Tracer tracer(context, graph, nodes);
    for (const auto &s : m_block->body) {
        detail::checkInterrupt();
        tracer.execute(s);
    }
    out.target = variables[target];
    const auto t = nodes.find(target);
    out.gradients = graph.backward(t == nodes.end() ? -1 : t->second, leaves);
    return out;
}

RecordedTape::Result GradientTape::evaluate(const std::map<std::string, Tensor> &values,
                                            const std::string &target,
                                            const std::vector<std::string> &sources) const
{
    // From the page's thread there is no cell budget: the notebook's default one.
    std::optional<MemoryBudget> budget;
    if (!MemoryBudget::current()) budget.emplace(Session::kDefaultMemoryLimit);
    std::map<std::string, Value> replaced;
    for (const auto &[name, t] : values)
        replaced[name] = Value::array(t);
    try {
        const Gradients g = differentiate(replaced, target, sources);
        Result r;
        r.target = toOperand(g.target).array;
        for (std::size_t i = 0; i < sources.size(); ++i) {
            const Value &src = g.sources[i];
            const Tensor s = src.isNone() ? Tensor(DType::Float64, {}) : toOperand(src).array;
            const DType t = isFloating(s.dtype()) ? s.dtype() : DType::Float64;
            r.connected.push_back(g.gradients[i].has_value());
            r.gradients.push_back(g.gradients[i] ? cast(*g.gradients[i], t) : Tensor(t, s.shape()));
        }
        return r;
    } catch (const core::IndexError &e) {
        throw PyError("IndexError", e.what());
    } catch (const core::ValueError &e) {
        throw PyError("ValueError", e.what());
    } catch (const core::NameError &e) {
        throw PyError("NameError", e.what());
    } catch (const std::bad_alloc &) {
        throw PyError("MemoryError", "");
    }
}

void runWith(const Statement &with, Evaluator &evaluator, Context &context)
{
    const Value manager = evaluator.evaluate(*with.value);
    if (manager.kind() != ValueKind::Tape) {
        const std::string type = manager.isArray()
                                     ? (manager.isNumpyScalar() ? "numpy." + manager.typeName()
                                                                : std::string("numpy.ndarray"))
                                     : manager.typeName();
        raise("TypeError", "'" + type + "' object does not support the context manager protocol");
    }
    if (!context.program)
        raise("RuntimeError", "a GradientTape block needs the cell's program to record");
    refuseItemAssignment(with.body);
    std::vector<std::string> read;
    namesRead(with.body, read);
    std::map<std::string, Value, std::less<>> inputs;
    for (const auto &name : read) {
        if (inputs.count(name)) continue;
        if (const auto it = context.variables.find(name); it != context.variables.end())
            inputs[name] = snapshot(it->second);
        else if (context.data)
            if (std::optional<Tensor> t = context.data(name)) inputs[name] = Value::array(*t);
    }
    auto tape =
        std::make_shared<GradientTape>(std::shared_ptr<const Statement>(context.program, &with),
                                       std::move(inputs), context.random);
    if (!with.bound.empty()) context.variables[with.bound] = Value::tape(std::move(tape));
    for (const auto &s : with.body) {
        detail::checkInterrupt();
        evaluator.execute(s);
    }
}

Value tapeGradient(const Value &tapeValue, const Node &call, Context &context)
{
    if (context.differentiating)
        raise("NotImplementedError", "tape.gradient() inside a GradientTape's with block is not "
                                     "supported in these cells: call it after the block");
    const auto tape = std::dynamic_pointer_cast<const GradientTape>(tapeValue.asTape());
    if (!tape)
        raise("ValueError", "this GradientTape has recorded nothing: use it as "
                            "'with tf.GradientTape() as tape:' first");
    if (!call.keywords.empty())
        misuse("give the target and the sources by position, as tape.gradient(y, x)");
    if (call.children.size() != 3)
        misuse("takes a target and sources, as tape.gradient(y, x) or tape.gradient(y, [W, b]) (" +
               std::to_string(call.children.size() - 1) + " arguments given)");
    const Node &targetNode = *call.children[1];
    if (targetNode.kind != NodeKind::Name)
        misuse("the target must be the name of a variable the with block assigns, as in "
               "tape.gradient(y, x)");
    const Node &sourcesNode = *call.children[2];
    std::vector<std::string> sources;
    const bool many = sourcesNode.kind == NodeKind::List || sourcesNode.kind == NodeKind::Tuple;
    if (many) {
        for (const auto &c : sourcesNode.children) {
            if (c->kind != NodeKind::Name)
                misuse("the sources must be variable names, as in tape.gradient(y, [W, b])");
            sources.push_back(c->text);
        }
    } else if (sourcesNode.kind == NodeKind::Name) {
        sources.push_back(sourcesNode.text);
    } else {
        misuse("the sources must be variable names, as in tape.gradient(y, x) or "
               "tape.gradient(y, [W, b])");
    }
    for (const std::string *name : [&] {
             std::vector<const std::string *> all{&targetNode.text};
             for (const auto &s : sources)
                 all.push_back(&s);
             return all;
         }()) {
        const bool known =
            context.variables.count(*name) || (context.data && context.data(*name).has_value());
        if (!known) raise("NameError", "name '" + *name + "' is not defined");
    }
    if (const auto target = context.variables.find(targetNode.text);
        target != context.variables.end() &&
        (target->second.kind() == ValueKind::List || target->second.kind() == ValueKind::Tuple))
        raise("NotImplementedError",
              "a list of targets is not supported in these cells: add them up in the block "
              "(TensorFlow differentiates their sum), as in y = y1 + y2");
    const GradientTape::Gradients g = tape->differentiate({}, targetNode.text, sources);
    std::vector<Value> results;
    for (std::size_t i = 0; i < sources.size(); ++i) {
        if (!g.gradients[i]) {
            results.emplace_back();
            continue;
        }
        const Value &src = g.sources[i];
        const DType t = src.isArray() ? src.asArray().dtype() : DType::Float64;
        results.push_back(Value::array(cast(*g.gradients[i], t)));
    }
    const Node &object = *call.children[0]->children[0];
    if (call.children[0]->kind == NodeKind::Attribute && object.kind == NodeKind::Name)
        context.variables[object.text] = Value::tape(tape->withLastCall(targetNode.text, sources));
    if (!many) return results[0];
    return sourcesNode.kind == NodeKind::List ? Value::list(std::move(results))
                                              : Value::tuple(std::move(results));
}

} // namespace core::cell
