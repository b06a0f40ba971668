#include "core/cell/evaluator.h"

#include "core/cell/builtins.h"
#include "core/cell/conversion.h"
#include "core/cell/gradienttape.h"
#include "core/cell/pyerror.h"
#include "core/cell/pyops.h"
#include "core/errors.h"
#include "core/tensor/indexing.h"

namespace core::cell {

namespace {

std::vector<Value> unpackable(const Value &v)
{
    if (v.kind() == ValueKind::Tuple || v.kind() == ValueKind::List) return v.items();
    if (v.isArray() && v.asArray().ndim() > 0) {
        const Tensor &a = v.asArray();
        std::vector<Value> out;
        for (std::int64_t i = 0; i < a.shape()[0]; ++i) {
            const IndexItem item[] = {i};
            Tensor row = index(a, item);
            out.push_back(Value::array(row, row.ndim() == 0));
        }
        return out;
    }
    if (v.isArray()) raise("TypeError", "iteration over a 0-d array");
    raise("TypeError", "cannot unpack non-iterable " + v.typeName() + " object");
}

std::optional<std::int64_t> sliceBound(const Value &v)
{
    if (v.isNone()) return std::nullopt;
    if (v.kind() == ValueKind::Int || v.kind() == ValueKind::Bool ||
        (v.isArray() && v.asArray().ndim() == 0 && isInteger(v.asArray().dtype())))
        return toIndex(v, "slice");
    raise("TypeError", "slice indices must be integers or None or have an __index__ method");
}

const char *kIndexTypes = "only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) "
                          "and integer or boolean arrays are valid indices";

} // namespace

std::optional<Value> Evaluator::execute(const Statement &s)
{
    m_current = &s;
    switch (s.kind) {
    case StatementKind::With:
        runWith(s, *this, m_context);
        return std::nullopt;
    case StatementKind::Import:
        for (const auto &imp : s.imports)
            m_context.variables[imp.bound] = importModule(imp.module);
        return std::nullopt;
    case StatementKind::Assign: {
        const Value v = evaluate(*s.value);
        for (const auto &t : s.targets)
            assign(*t, v);
        return std::nullopt;
    }
    case StatementKind::Expression:
        break;
    }
    return evaluate(*s.value);
}

void Evaluator::assign(const Node &target, const Value &value)
{
    switch (target.kind) {
    case NodeKind::Name:
        m_context.variables[target.text] = value;
        return;
    case NodeKind::Tuple:
    case NodeKind::List: {
        const std::vector<Value> items = unpackable(value);
        const std::size_t want = target.children.size();
        if (items.size() > want)
            raise("ValueError",
                  "too many values to unpack (expected " + std::to_string(want) + ")");
        if (items.size() < want)
            raise("ValueError", "not enough values to unpack (expected " + std::to_string(want) +
                                    ", got " + std::to_string(items.size()) + ")");
        for (std::size_t i = 0; i < want; ++i)
            assign(*target.children[i], items[i]);
        return;
    }
    case NodeKind::Subscript:
        setItem(evaluate(*target.children[0]), *target.children[1], value);
        return;
    case NodeKind::Attribute: {
        const Value obj = evaluate(*target.children[0]);
        raise("AttributeError",
              "attribute '" + target.text + "' of '" +
                  (obj.isArray() ? std::string("numpy.ndarray") : obj.typeName()) +
                  "' objects is not writable in these cells");
    }
    default:
        raise("SyntaxError", "cannot assign to expression");
    }
}

Value Evaluator::lookup(const Node &n)
{
    if (auto it = m_context.variables.find(n.text); it != m_context.variables.end())
        return it->second;
    if (m_context.data)
        if (std::optional<Tensor> t = m_context.data(n.text)) return Value::array(*t);
    if (auto b = builtin(n.text)) return *b;
    raise("NameError", "name '" + n.text + "' is not defined");
}

Value Evaluator::evaluate(const Node &n)
{
    switch (n.kind) {
    case NodeKind::Name:
        return lookup(n);
    case NodeKind::Int:
        if (n.overflow) raise("OverflowError", "Python int too large to convert to C long");
        return Value::integer(n.intValue);
    case NodeKind::Float:
        return Value::real(n.floatValue);
    case NodeKind::Str:
        return Value::string(n.text);
    case NodeKind::Constant:
        if (n.text == "None") return Value();
        return Value::boolean(n.text == "True");
    case NodeKind::Ellipsis:
        return Value::string("Ellipsis");
    case NodeKind::Tuple:
    case NodeKind::List: {
        std::vector<Value> items;
        items.reserve(n.children.size());
        for (const auto &c : n.children)
            items.push_back(evaluate(*c));
        return n.kind == NodeKind::Tuple ? Value::tuple(std::move(items))
                                         : Value::list(std::move(items));
    }
    case NodeKind::Attribute:
        return getAttribute(evaluate(*n.children[0]), n.text);
    case NodeKind::Subscript:
        return subscript(evaluate(*n.children[0]), *n.children[1]);
    case NodeKind::Slice:
        raise("SyntaxError", "a slice is only valid inside [ ]");
    case NodeKind::Call:
        return call(n);
    case NodeKind::Unary:
        return unaryOperator(n.text, evaluate(*n.children[0]));
    case NodeKind::Binary: {
        const Value a = evaluate(*n.children[0]);
        const Value b = evaluate(*n.children[1]);
        return binaryOperator(n.text, a, b);
    }
    }
    raise("SyntaxError", "invalid syntax");
}

Value Evaluator::call(const Node &n)
{
    const Value fn = evaluate(*n.children[0]);
    if (fn.kind() == ValueKind::Function && fn.name() == "GradientTape.gradient" &&
        n.children[0]->kind == NodeKind::Attribute)
        return tapeGradient(fn.self(), n, m_context);
    CallArgs args;
    for (std::size_t i = 1; i < n.children.size(); ++i)
        args.positional.push_back(evaluate(*n.children[i]));
    for (const auto &k : n.keywords) {
        for (const auto &[name, v] : args.keywords)
            if (name == k.name) raise("SyntaxError", "keyword argument repeated: " + k.name);
        args.keywords.emplace_back(k.name, evaluate(*k.value));
    }
    return callFunction(fn, args, m_context);
}

namespace {

std::vector<IndexItem> indexItems(Evaluator &ev, const Node &index)
{
    std::vector<const Node *> nodes;
    if (index.kind == NodeKind::Tuple && !index.parenthesized)
        for (const auto &c : index.children)
            nodes.push_back(c.get());
    else
        nodes.push_back(&index);
    std::vector<IndexItem> items;
    auto addValue = [&](const Value &v) {
        switch (v.kind()) {
        case ValueKind::None:
            items.emplace_back(NewAxis{});
            return;
        case ValueKind::Int:
            items.emplace_back(v.asInt());
            return;
        case ValueKind::Array:
            if (v.asArray().ndim() == 0 && isInteger(v.asArray().dtype())) {
                items.emplace_back(toIndex(v, "index"));
                return;
            }
            raise("NotImplementedError", "indexing with arrays (NumPy's advanced indexing) is not "
                                         "supported in these cells");
        case ValueKind::List:
            raise("NotImplementedError", "indexing with lists (NumPy's advanced indexing) is not "
                                         "supported in these cells");
        default:
            raise("IndexError", kIndexTypes);
        }
    };
    for (const Node *node : nodes) {
        if (node->kind == NodeKind::Slice) {
            Slice s;
            if (node->children[0]) s.start = sliceBound(ev.evaluate(*node->children[0]));
            if (node->children[1]) s.stop = sliceBound(ev.evaluate(*node->children[1]));
            if (node->children[2]) s.step = sliceBound(ev.evaluate(*node->children[2]));
            items.emplace_back(s);
        } else if (node->kind == NodeKind::Ellipsis) {
            items.emplace_back(Ellipsis{});
        } else {
            const Value v = ev.evaluate(*node);
            if (node->kind == NodeKind::Tuple && node->parenthesized)
                for (const auto &item : v.items())
                    addValue(item);
            else
                addValue(v);
        }
    }
    return items;
}

Value indexSequence(Evaluator &ev, const Value &obj, const Node &index)
{
    const char *what = obj.kind() == ValueKind::Tuple  ? "tuple"
                       : obj.kind() == ValueKind::List ? "list"
                                                       : "string";
    const std::int64_t size = obj.kind() == ValueKind::Str
                                  ? static_cast<std::int64_t>(obj.asStr().size())
                                  : static_cast<std::int64_t>(obj.items().size());
    if (index.kind == NodeKind::Slice) {
        Slice s;
        if (index.children[0]) s.start = sliceBound(ev.evaluate(*index.children[0]));
        if (index.children[1]) s.stop = sliceBound(ev.evaluate(*index.children[1]));
        if (index.children[2]) s.step = sliceBound(ev.evaluate(*index.children[2]));
        const SliceRange r = resolveSlice(s, size);
        if (obj.kind() == ValueKind::Str) {
            std::string out;
            for (std::int64_t i = 0; i < r.length; ++i)
                out += obj.asStr()[static_cast<std::size_t>(r.start + i * r.step)];
            return Value::string(std::move(out));
        }
        std::vector<Value> out;
        for (std::int64_t i = 0; i < r.length; ++i)
            out.push_back(obj.items()[static_cast<std::size_t>(r.start + i * r.step)]);
        return obj.kind() == ValueKind::Tuple ? Value::tuple(std::move(out))
                                              : Value::list(std::move(out));
    }
    const Value v = ev.evaluate(index);
    if (!(v.kind() == ValueKind::Int || v.kind() == ValueKind::Bool ||
          (v.isArray() && v.asArray().ndim() == 0 && isInteger(v.asArray().dtype()))))
        raise("TypeError", std::string(what) + " indices must be integers or slices, not " +
                               (v.isArray() ? (v.isNumpyScalar() ? v.typeName() : "numpy.ndarray")
                                            : v.typeName()));
    std::int64_t i = toIndex(v, "index");
    if (i < 0) i += size;
    if (i < 0 || i >= size) raise("IndexError", std::string(what) + " index out of range");
    if (obj.kind() == ValueKind::Str)
        return Value::string(std::string(1, obj.asStr()[static_cast<std::size_t>(i)]));
    return obj.items()[static_cast<std::size_t>(i)];
}

} // namespace

Value Evaluator::subscript(const Value &obj, const Node &index)
{
    if (obj.kind() == ValueKind::Tuple || obj.kind() == ValueKind::List ||
        obj.kind() == ValueKind::Str)
        return indexSequence(*this, obj, index);
    if (!obj.isArray()) {
        raise("TypeError", "'" + obj.typeName() + "' object is not subscriptable");
    }
    const std::vector<IndexItem> items = indexItems(*this, index);
    Tensor view = core::index(obj.asArray(), items);
    bool onlyIntegers = true;
    for (const auto &item : items)
        if (!std::holds_alternative<std::int64_t>(item)) onlyIntegers = false;
    const bool scalar = view.ndim() == 0 && onlyIntegers;
    return Value::array(std::move(view), scalar);
}

void Evaluator::setItem(const Value &obj, const Node &index, const Value &value)
{
    if (!obj.isArray() || obj.isNumpyScalar())
        raise("TypeError", "'" + obj.typeName() + "' object does not support item assignment");
    const std::vector<IndexItem> items = indexItems(*this, index);
    Tensor view = core::index(obj.asArray(), items);
    // The data set's arrays are shared with the whole app (every page, every notebook): they are
    // read-only, as NumPy says of an array whose flags.writeable is False. A copy is writable.
    if (m_context.data)
        for (const char *name : {"train_images", "train_labels", "test_images", "test_labels"})
            if (const auto t = m_context.data(name); t && t->buffer() == view.buffer())
                raise("ValueError", "assignment destination is read-only");
    const ArrayOperand src = toOperand(value);
    // NumPy broadcasts the value to the selection and casts it to the array's type.
    Shape want = view.shape();
    const Shape &have = src.array.shape();
    if (have.size() > want.size())
        raise(
            "ValueError", "could not broadcast input array from shape " + std::string("(") +
                              [&] {
                                  std::string s;
                                  for (std::size_t i = 0; i < have.size(); ++i)
                                      s += (i ? "," : "") + std::to_string(have[i]);
                                  return s + (have.size() == 1 ? ",)" : ")");
                              }() +
                              " into shape " +
                              [&] {
                                  std::string s = "(";
                                  for (std::size_t i = 0; i < want.size(); ++i)
                                      s += (i ? "," : "") + std::to_string(want[i]);
                                  return s + (want.size() == 1 ? ",)" : ")");
                              }());
    const Tensor converted = cast(src.array, view.dtype());
    Strides srcStrides(want.size(), 0);
    const std::size_t shift = want.size() - have.size();
    for (std::size_t i = 0; i < have.size(); ++i) {
        if (have[i] != 1 && have[i] != want[shift + i])
            raise("ValueError", "could not broadcast input array into the selected shape");
        srcStrides[shift + i] = have[i] == 1 ? 0 : converted.strides()[i];
    }
    const Tensor broadcast(converted.dtype(), want, srcStrides, converted.offset(),
                           converted.buffer());
    visitDType(view.dtype(), [&](auto tag) {
        using T = decltype(tag);
        std::vector<T> values;
        values.reserve(static_cast<std::size_t>(view.size()));
        forEachElement<T>(broadcast, [&](const T *p) { values.push_back(*p); });
        std::size_t k = 0;
        forEachElement<T>(view, [&](const T *p) { *const_cast<T *>(p) = values[k++]; });
    });
}

} // namespace core::cell
