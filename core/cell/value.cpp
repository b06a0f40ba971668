#include "core/cell/value.h"

#include "core/cell/floatformat.h"
#include "core/cell/pyerror.h"
#include "core/cell/repr.h"

namespace core::cell {

Value Value::boolean(bool b)
{
    Value v;
    v.m_v = b;
    return v;
}
Value Value::integer(std::int64_t i)
{
    Value v;
    v.m_v = i;
    return v;
}
Value Value::real(double f)
{
    Value v;
    v.m_v = f;
    return v;
}
Value Value::string(std::string s)
{
    Value v;
    v.m_v = std::move(s);
    return v;
}
Value Value::tuple(std::vector<Value> items)
{
    Value v;
    v.m_v = Tuple{{std::make_shared<const std::vector<Value>>(std::move(items))}};
    return v;
}
Value Value::list(std::vector<Value> items)
{
    Value v;
    v.m_v = List{{std::make_shared<const std::vector<Value>>(std::move(items))}};
    return v;
}
Value Value::array(Tensor t, bool numpyScalar)
{
    Value v;
    v.m_v = Array{std::move(t), numpyScalar};
    return v;
}
Value Value::dtype(DType t)
{
    Value v;
    v.m_v = t;
    return v;
}
Value Value::module(std::string name)
{
    Value v;
    v.m_v = Module{std::move(name)};
    return v;
}
Value Value::function(std::string name, Value self)
{
    Value v;
    v.m_v = Function{std::move(name), std::make_shared<const Value>(std::move(self))};
    return v;
}

Value Value::tape(std::shared_ptr<const RecordedTape> recording)
{
    Value v;
    v.m_v = Tape{std::move(recording)};
    return v;
}

ValueKind Value::kind() const
{
    return static_cast<ValueKind>(m_v.index());
}

bool Value::asBool() const
{
    return std::get<bool>(m_v);
}
std::int64_t Value::asInt() const
{
    return std::get<std::int64_t>(m_v);
}
double Value::asFloat() const
{
    return std::get<double>(m_v);
}
const std::string &Value::asStr() const
{
    return std::get<std::string>(m_v);
}
const std::vector<Value> &Value::items() const
{
    if (const auto *t = std::get_if<Tuple>(&m_v)) return *t->items;
    return *std::get<List>(m_v).items;
}
const Tensor &Value::asArray() const
{
    return std::get<Array>(m_v).tensor;
}
bool Value::isNumpyScalar() const
{
    const auto *a = std::get_if<Array>(&m_v);
    return a && a->scalar;
}
DType Value::asDType() const
{
    return std::get<DType>(m_v);
}
const std::string &Value::name() const
{
    if (const auto *m = std::get_if<Module>(&m_v)) return m->name;
    return std::get<Function>(m_v).name;
}
const Value &Value::self() const
{
    return *std::get<Function>(m_v).self;
}
const std::shared_ptr<const RecordedTape> &Value::asTape() const
{
    return std::get<Tape>(m_v).recording;
}

std::string Value::typeName() const
{
    switch (kind()) {
    case ValueKind::None:
        return "NoneType";
    case ValueKind::Bool:
        return "bool";
    case ValueKind::Int:
        return "int";
    case ValueKind::Float:
        return "float";
    case ValueKind::Str:
        return "str";
    case ValueKind::Tuple:
        return "tuple";
    case ValueKind::List:
        return "list";
    case ValueKind::Array:
        if (isNumpyScalar()) {
            const DType t = asArray().dtype();
            return t == DType::Bool ? "bool_" : std::string(dtypeName(t));
        }
        return "ndarray";
    case ValueKind::DType:
        return "dtype[" + std::string(dtypeName(asDType())) + "]";
    case ValueKind::Module:
        return "module";
    case ValueKind::Function:
        return self().isNone() ? "builtin_function_or_method" : "builtin_function_or_method";
    case ValueKind::Tape:
        return "GradientTape";
    }
    return "object";
}

namespace {

std::string quote(const std::string &s)
{
    const bool useDouble = s.find('\'') != std::string::npos && s.find('"') == std::string::npos;
    const char q = useDouble ? '"' : '\'';
    std::string out(1, q);
    for (char c : s) {
        switch (c) {
        case '\n':
            out += "\\n";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\\':
            out += "\\\\";
            break;
        default:
            if (c == q)
                out += std::string("\\") + c;
            else
                out += c;
        }
    }
    return out + q;
}

std::string sequence(const Value &v, const char *open, const char *close, bool tuple)
{
    std::string out = open;
    const auto &items = v.items();
    for (std::size_t i = 0; i < items.size(); ++i)
        out += (i ? ", " : "") + repr(items[i]);
    if (tuple && items.size() == 1) out += ",";
    return out + close;
}

} // namespace

std::string repr(const Value &v)
{
    switch (v.kind()) {
    case ValueKind::None:
        return "None";
    case ValueKind::Bool:
        return v.asBool() ? "True" : "False";
    case ValueKind::Int:
        return std::to_string(v.asInt());
    case ValueKind::Float:
        return floatScalarRepr(v.asFloat(), false);
    case ValueKind::Str:
        return quote(v.asStr());
    case ValueKind::Tuple:
        return sequence(v, "(", ")", true);
    case ValueKind::List:
        return sequence(v, "[", "]", false);
    case ValueKind::Array:
        if (v.isNumpyScalar()) return arrayStr(v.asArray());
        return arrayRepr(v.asArray());
    case ValueKind::DType:
        return dtypeRepr(v.asDType());
    case ValueKind::Module:
        return "<module '" + v.name() + "'>";
    case ValueKind::Function: {
        const std::string &n = v.name();
        const std::string shortName = n.substr(n.rfind('.') + 1);
        if (!v.self().isNone())
            return "<built-in method " + shortName + " of " +
                   (v.self().isArray() ? std::string("numpy.ndarray") : v.self().typeName()) +
                   " object>";
        return "<function " + shortName + ">";
    }
    case ValueKind::Tape:
        return "<tensorflow.python.eager.backprop.GradientTape object>";
    }
    return "?";
}

std::string str(const Value &v)
{
    switch (v.kind()) {
    case ValueKind::Str:
        return v.asStr();
    case ValueKind::Array:
        return arrayStr(v.asArray());
    case ValueKind::DType:
        return std::string(dtypeName(v.asDType()));
    default:
        return repr(v);
    }
}

} // namespace core::cell
