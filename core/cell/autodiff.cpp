#include "core/cell/autodiff.h"

#include "core/cell/builtins.h"
#include "core/cell/conversion.h"
#include "core/cell/elementwise.h"
#include "core/cell/memorylimit.h"
#include "core/cell/parallel.h"
#include "core/cell/pyerror.h"
#include "core/cell/pyops.h"
#include "core/cell/shapeops.h"
#include "core/tensor/indexing.h"

namespace core::cell {

namespace {

bool isFloatValue(const Value &v)
{
    return v.kind() == ValueKind::Float || (v.isArray() && isFloating(v.asArray().dtype()));
}

Shape shapeOf(const Value &v)
{
    return toOperand(v).array.shape();
}

// The flat index of each element of an array of this shape, for subscripts' gradients.
Tensor positions(const Shape &shape)
{
    Tensor t = newArray(DType::Int64, {shapeSize(shape)});
    std::int64_t *p = t.mutableData<std::int64_t>();
    for (std::int64_t i = 0; i < t.size(); ++i)
        p[i] = i;
    return reshapeArray(t, shape);
}

// The rule make() gives; for an operation with no gradient, a rule that raises make()'s
// LookupError when backward() reaches it, as TensorFlow does: an operation off the path from the
// sources to the target does not matter.
template<class F> Pullback guarded(F make)
{
    try {
        return make();
    } catch (const PyError &e) {
        if (e.type() != "LookupError") throw;
        const std::string message = e.what();
        return [message](const Tensor &) -> std::vector<std::optional<Tensor>> {
            raise("LookupError", message);
        };
    }
}

[[noreturn]] void noGradient(const std::string &what)
{
    raise("LookupError", "gradient registry has no entry for: " + what);
}

void namesIn(const Node &target, std::vector<std::string> &out)
{
    if (target.kind == NodeKind::Name) out.push_back(target.text);
    if (target.kind == NodeKind::Tuple || target.kind == NodeKind::List)
        for (const auto &c : target.children)
            namesIn(*c, out);
}

} // namespace

int GradientGraph::leaf(const Shape &shape)
{
    m_nodes.push_back({{}, shape, {}});
    return static_cast<int>(m_nodes.size()) - 1;
}

int GradientGraph::add(std::vector<int> inputs, const Shape &shape, Pullback pullback)
{
    m_nodes.push_back({std::move(inputs), shape, std::move(pullback)});
    return static_cast<int>(m_nodes.size()) - 1;
}

std::vector<std::optional<Tensor>> GradientGraph::backward(int target,
                                                           const std::vector<int> &leaves) const
{
    std::vector<std::optional<Tensor>> grads(m_nodes.size());
    if (target >= 0) {
        Tensor ones = newArray(DType::Float64, m_nodes[static_cast<std::size_t>(target)].shape);
        std::fill_n(ones.mutableData<double>(), ones.size(), 1.0);
        grads[static_cast<std::size_t>(target)] = std::move(ones);
    }
    for (int i = target; i >= 0; --i) {
        const Node &n = m_nodes[static_cast<std::size_t>(i)];
        std::optional<Tensor> &g = grads[static_cast<std::size_t>(i)];
        if (!g || !n.pullback) continue;
        detail::checkInterrupt();
        std::vector<std::optional<Tensor>> parts = n.pullback(*g);
        g.reset(); // an operation's gradient is no longer needed once passed on
        for (std::size_t k = 0; k < n.inputs.size() && k < parts.size(); ++k) {
            const int in = n.inputs[k];
            if (in < 0 || !parts[k]) continue;
            const Shape &want = m_nodes[static_cast<std::size_t>(in)].shape;
            Tensor part = *parts[k];
            if (part.shape() != want)
                part = part.size() == shapeSize(want) ? reshapeArray(contiguousCopy(part), want)
                                                      : unbroadcast(part, want);
            std::optional<Tensor> &acc = grads[static_cast<std::size_t>(in)];
            acc = acc ? applyBinary(BinaryOp::Add, Value::array(*acc), Value::array(part)).asArray()
                      : part;
        }
    }
    std::vector<std::optional<Tensor>> out;
    for (int l : leaves)
        out.push_back(l >= 0 ? grads[static_cast<std::size_t>(l)] : std::nullopt);
    return out;
}

bool Traced::tracked() const
{
    if (node >= 0) return true;
    for (const auto &item : items)
        if (item.tracked()) return true;
    return false;
}

bool Tracer::dependsOnLeaf(const Node &n) const
{
    if (n.kind == NodeKind::Name) return m_nodes.count(n.text) != 0;
    for (const auto &c : n.children)
        if (c && dependsOnLeaf(*c)) return true;
    for (const auto &k : n.keywords)
        if (dependsOnLeaf(*k.value)) return true;
    return false;
}

void Tracer::execute(const Statement &s)
{
    switch (s.kind) {
    case StatementKind::Import:
        m_plain.execute(s);
        for (const auto &imp : s.imports)
            m_nodes.erase(imp.bound);
        return;
    case StatementKind::Assign: {
        const Traced v = evaluate(*s.value);
        for (const auto &t : s.targets)
            assign(*t, v);
        return;
    }
    case StatementKind::Expression:
        evaluate(*s.value);
        return;
    case StatementKind::With: {
        // A tape inside the block: its own recording does not matter here, only its body.
        const Value manager = m_plain.evaluate(*s.value);
        if (!s.bound.empty()) {
            m_context.variables[s.bound] = Value::tape(nullptr);
            m_nodes.erase(s.bound);
        }
        (void)manager;
        for (const auto &b : s.body) {
            detail::checkInterrupt();
            execute(b);
        }
        return;
    }
    }
}

void Tracer::assign(const Node &target, const Traced &v)
{
    if (target.kind == NodeKind::Name) {
        m_context.variables[target.text] = v.value;
        if (v.node >= 0)
            m_nodes[target.text] = v.node;
        else
            m_nodes.erase(target.text);
        return;
    }
    if ((target.kind == NodeKind::Tuple || target.kind == NodeKind::List) && v.tracked()) {
        std::vector<Traced> items = v.items;
        if (items.empty() && v.value.isArray() && v.value.asArray().ndim() > 0) {
            // a, b = w: the rows of a tracked array, each a subscript of it.
            const Tensor &a = v.value.asArray();
            const Tensor pos = positions(a.shape());
            for (std::int64_t i = 0; i < a.shape()[0]; ++i) {
                const IndexItem item[] = {i};
                Tensor row = index(a, item);
                const bool scalar = row.ndim() == 0;
                items.push_back(
                    record(Value::array(std::move(row), scalar), {&v},
                           subscriptPullback(a.shape(), contiguousCopy(index(pos, item)))));
            }
        }
        if (!items.empty() && items.size() == target.children.size()) {
            for (std::size_t i = 0; i < items.size(); ++i)
                assign(*target.children[i], items[i]);
            return;
        }
    }
    if (target.kind == NodeKind::Subscript)
        raise("TypeError", "item assignment inside a GradientTape block is not supported in "
                           "these cells");
    std::vector<std::string> names;
    namesIn(target, names);
    m_plain.assign(target, v.value);
    for (const auto &n : names)
        m_nodes.erase(n);
}

Traced Tracer::record(Value out, const std::vector<const Traced *> &inputs,
                      const Pullback &pullback)
{
    Traced t;
    if (!isFloatValue(out)) {
        t.value = std::move(out);
        return t;
    }
    std::vector<int> ids;
    for (const Traced *in : inputs)
        ids.push_back(in ? in->node : -1);
    t.node = m_graph.add(std::move(ids), shapeOf(out), pullback);
    t.value = std::move(out);
    return t;
}

Traced Tracer::evaluate(const Node &n)
{
    if (!dependsOnLeaf(n)) return {m_plain.evaluate(n), -1, {}};
    switch (n.kind) {
    case NodeKind::Name: {
        const auto it = m_nodes.find(n.text);
        return {m_plain.evaluate(n), it == m_nodes.end() ? -1 : it->second, {}};
    }
    case NodeKind::Tuple:
    case NodeKind::List: {
        Traced t;
        std::vector<Value> values;
        for (const auto &c : n.children) {
            t.items.push_back(evaluate(*c));
            values.push_back(t.items.back().value);
        }
        t.value = n.kind == NodeKind::Tuple ? Value::tuple(std::move(values))
                                            : Value::list(std::move(values));
        return t;
    }
    case NodeKind::Attribute: {
        const Traced object = evaluate(*n.children[0]);
        Value out = getAttribute(object.value, n.text);
        if (n.text == "T" && object.node >= 0 && object.value.isArray())
            return record(std::move(out), {&object},
                          transposePullback({}, object.value.asArray().ndim()));
        return {std::move(out), -1, {}};
    }
    case NodeKind::Subscript:
        return subscript(evaluate(*n.children[0]), *n.children[1]);
    case NodeKind::Call:
        return call(n);
    case NodeKind::Unary: {
        const Traced x = evaluate(*n.children[0]);
        Value out = unaryOperator(n.text, x.value);
        if (n.text == "+") return {std::move(out), x.node, {}};
        if (n.text == "-") return record(std::move(out), {&x}, negativePullback());
        return record(std::move(out), {&x},
                      guarded([&]() -> Pullback { noGradient("the '" + n.text + "' operator"); }));
    }
    case NodeKind::Binary: {
        const Traced a = evaluate(*n.children[0]);
        const Traced b = evaluate(*n.children[1]);
        Value out = binaryOperator(n.text, a.value, b.value);
        if (!isFloatValue(out)) return {std::move(out), -1, {}};
        // The rule reads out: made before out is moved into record() (an argument's evaluation
        // order is the compiler's choice; clang moved out first).
        const Pullback pullback = guarded([&]() -> Pullback {
            if ((!a.items.empty() && a.tracked()) || (!b.items.empty() && b.tracked()))
                noGradient("the '" + n.text + "' operator on a list or tuple of tensors");
            return operatorPullback(n.text, a.value, b.value, out, {a.node >= 0, b.node >= 0});
        });
        return record(std::move(out), {&a, &b}, pullback);
    }
    default:
        return {m_plain.evaluate(n), -1, {}};
    }
}

Traced Tracer::call(const Node &n)
{
    const Node &fnNode = *n.children[0];
    Traced self;
    Value fn;
    if (fnNode.kind == NodeKind::Attribute) {
        self = evaluate(*fnNode.children[0]);
        fn = getAttribute(self.value, fnNode.text);
    } else {
        fn = m_plain.evaluate(fnNode);
    }
    const bool method = fn.kind() == ValueKind::Function && !fn.self().isNone();
    std::vector<Traced> args;
    if (method) args.push_back(self);
    for (std::size_t i = 1; i < n.children.size(); ++i)
        args.push_back(evaluate(*n.children[i]));
    CallArgs call;
    for (std::size_t i = method ? 1 : 0; i < args.size(); ++i)
        call.positional.push_back(args[i].value);
    for (const auto &k : n.keywords)
        call.keywords.emplace_back(k.name, m_plain.evaluate(*k.value));
    const auto keywords = call.keywords;
    Value out = callFunction(fn, call, m_context);
    bool tracked = false;
    for (const auto &a : args)
        tracked = tracked || a.tracked();
    if (!tracked || !isFloatValue(out)) return {std::move(out), -1, {}};
    std::vector<Value> positional;
    for (const auto &a : args)
        positional.push_back(a.value);
    std::optional<CallPullback> rule;
    const Pullback missing = guarded([&]() -> Pullback {
        rule = callPullback(fn.name(), positional, keywords, out);
        if (rule)
            for (std::size_t i : rule->inputs)
                if (i < args.size() && !args[i].items.empty() && args[i].tracked())
                    noGradient(fn.name() + " of a list or tuple of tensors");
        return {};
    });
    std::vector<const Traced *> inputs;
    if (missing) { // no gradient: raised if backward() comes through any tracked argument
        for (const auto &a : args)
            inputs.push_back(&a);
        return record(std::move(out), inputs, missing);
    }
    if (!rule) return {std::move(out), -1, {}};
    for (std::size_t i : rule->inputs)
        inputs.push_back(i < args.size() ? &args[i] : nullptr);
    return record(std::move(out), inputs, rule->pullback);
}

Traced Tracer::subscript(const Traced &object, const Node &index)
{
    Value out = m_plain.subscript(object.value, index);
    if (!object.items.empty()) {
        // (a, b)[0]: the item's own node, for an integer index.
        const Value i = index.kind == NodeKind::Slice ? Value() : m_plain.evaluate(index);
        if (i.kind() == ValueKind::Int) {
            const auto size = static_cast<std::int64_t>(object.items.size());
            const std::int64_t k = i.asInt() < 0 ? i.asInt() + size : i.asInt();
            return object.items[static_cast<std::size_t>(k)];
        }
        if (!object.tracked()) return {std::move(out), -1, {}};
        std::vector<const Traced *> inputs;
        for (const auto &item : object.items)
            inputs.push_back(&item);
        return record(std::move(out), inputs, guarded([]() -> Pullback {
                          noGradient("slicing a list or tuple of tensors");
                      }));
    }
    if (object.node < 0 || !object.value.isArray()) return {std::move(out), -1, {}};
    const Tensor &a = object.value.asArray();
    const Value where = m_plain.subscript(Value::array(positions(a.shape())), index);
    return record(std::move(out), {&object},
                  subscriptPullback(a.shape(), contiguousCopy(where.asArray())));
}

} // namespace core::cell
