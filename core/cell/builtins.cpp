#include "core/cell/builtins.h"

#include "core/cell/conversion.h"
#include "core/cell/elementwise.h"
#include "core/cell/linalg.h"
#include "core/cell/mathfuncs.h"
#include "core/cell/memorylimit.h"
#include "core/cell/pyerror.h"
#include "core/cell/reduction.h"
#include "core/cell/repr.h"
#include "core/cell/shapeops.h"
#include "core/cell/tensorflow.h"
#include "core/tensor/elementcast.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <random>
#include <set>

namespace core::cell {

namespace {

const std::set<std::string> kBuiltins = {"print", "len",  "int",  "float", "type",
                                         "tuple", "list", "bool", "str",   "abs"};

// numpy's functions, by their name after "np.".
const std::set<std::string> kNumpyFunctions = {
    "array",       "asarray",       "zeros",   "ones",       "arange",    "expand_dims",
    "concatenate", "maximum",       "minimum", "add",        "subtract",  "multiply",
    "divide",      "true_divide",   "power",   "negative",   "dot",       "matmul",
    "transpose",   "reshape",       "sum",     "max",        "min",       "amax",
    "amin",        "mean",          "shape",   "ndim",       "size",      "copy",
    "result_type", "promote_types", "empty",   "zeros_like", "ones_like", "sin",
    "cos",         "exp",           "log",     "tanh",       "sqrt",      "abs",
    "absolute",    "square"};

const std::set<std::string> kArrayMethods = {"reshape", "transpose", "astype", "copy",
                                             "dot",     "sum",       "max",    "min",
                                             "mean",    "flatten",   "ravel",  "item"};

struct DTypeName {
    const char *name;
    DType dtype;
};
const DTypeName kScalarTypes[] = {
    {"float32", DType::Float32}, {"float64", DType::Float64}, {"uint8", DType::UInt8},
    {"int64", DType::Int64},     {"int8", DType::Int8},       {"int16", DType::Int16},
    {"uint16", DType::UInt16},   {"int32", DType::Int32},     {"uint32", DType::UInt32},
    {"uint64", DType::UInt64},   {"bool_", DType::Bool},      {"single", DType::Float32},
    {"double", DType::Float64},  {"float_", DType::Float64},  {"int_", DType::Int64},
    {"ubyte", DType::UInt8}};

std::optional<DType> scalarType(const std::string &name)
{
    for (const auto &s : kScalarTypes)
        if (name == s.name) return s.dtype;
    return std::nullopt;
}

std::string moduleTypeName(const Value &v)
{
    if (v.isArray()) return v.isNumpyScalar() ? "numpy." + v.typeName() : "numpy.ndarray";
    return v.typeName();
}

[[noreturn]] void noAttribute(const Value &obj, const std::string &name)
{
    if (obj.kind() == ValueKind::Module)
        raise("AttributeError", "module '" + obj.name() + "' has no attribute '" + name + "'");
    raise("AttributeError", "'" + moduleTypeName(obj) + "' object has no attribute '" + name + "'");
}

Value shapeTuple(const Shape &s)
{
    std::vector<Value> items;
    for (auto d : s)
        items.push_back(Value::integer(d));
    return Value::tuple(std::move(items));
}

Tensor arrayOf(const Value &v)
{
    return toOperand(v).array;
}

// Shape arguments of a.reshape(2, 3) or a.reshape((2, 3)).
Shape shapeArgs(const std::vector<Value> &args)
{
    if (args.size() == 1) return toShape(args[0]);
    Shape s;
    for (const auto &a : args)
        s.push_back(toIndex(a, "shape"));
    return s;
}

std::vector<std::int64_t> axesArgs(const std::vector<Value> &args)
{
    std::vector<std::int64_t> axes;
    if (args.size() == 1 && !args[0].isNone()) return toShape(args[0]);
    if (args.size() == 1) return axes;
    for (const auto &a : args)
        axes.push_back(toIndex(a, "axes"));
    return axes;
}

bool keepdimsOf(const CallArgs &args)
{
    const Value k = args.get("keepdims", Value::boolean(false));
    return k.kind() == ValueKind::Bool ? k.asBool() : toIndex(k, "keepdims") != 0;
}

Value reduction(ReduceOp op, const Value &a, CallArgs &args, const std::string &fn)
{
    args.bind(fn, {"axis", "dtype", "out", "keepdims"});
    if (!args.get("dtype").isNone() || !args.get("out").isNone())
        raise("NotImplementedError", fn + "(): dtype= and out= are not supported in these cells");
    return reduce(op, a, args.get("axis"), keepdimsOf(args));
}

Value filled(const Shape &shape, DType t, double value)
{
    Tensor out = newArray(t, shape, value == 0);
    if (value != 0)
        visitDType(t, [&](auto tag) {
            using T = decltype(tag);
            std::fill_n(out.mutableData<T>(), out.size(), static_cast<T>(value));
        });
    return Value::array(std::move(out));
}

Value arange(CallArgs &args)
{
    args.bind("arange", {"start", "stop", "step", "dtype"});
    Value start = args.get("start", Value::integer(0));
    Value stop = args.get("stop");
    Value step = args.get("step", Value::integer(1));
    if (stop.isNone()) {
        stop = start;
        start = Value::integer(0);
    }
    auto isFloat = [](const Value &v) {
        return v.kind() == ValueKind::Float || (v.isArray() && isFloating(v.asArray().dtype()));
    };
    const bool floating = isFloat(start) || isFloat(stop) || isFloat(step);
    const DType t = args.get("dtype").isNone() ? (floating ? DType::Float64 : DType::Int64)
                                               : toDType(args.get("dtype"));
    const double a = toDouble(start), b = toDouble(stop), s = toDouble(step);
    if (s == 0) raise("ZeroDivisionError", "division by zero");
    // NumPy: length ceil((stop - start) / step); values start + i * delta, where delta is
    // (start + step) - start as computed in the array's type.
    const double len = std::ceil((b - a) / s);
    // NumPy 1.24's words; an infinite or NaN length was undefined behaviour here (the cell
    // fuzzer's np.arange(21e3087)).
    if (std::isnan(len)) raise("ValueError", "arange: cannot compute length");
    if (!(len > -9.2233720368547758e18 && len < 9.2233720368547758e18))
        raise("ValueError", "Maximum allowed size exceeded");
    const std::int64_t n = len > 0 ? static_cast<std::int64_t>(len) : 0;
    Tensor out = newArray(t, {n});
    visitDType(t, [&](auto tag) {
        using T = decltype(tag);
        T *o = out.mutableData<T>();
        if (floating || std::is_floating_point_v<T>) {
            const double first = a, second = a + s;
            const double delta = second - first;
            for (std::int64_t i = 0; i < n; ++i)
                o[i] = castElement<T>(i == 0 ? first : i == 1 ? second : first + i * delta);
        } else {
            const auto ia = castElement<std::int64_t>(a), is = castElement<std::int64_t>(s);
            for (std::int64_t i = 0; i < n; ++i)
                o[i] = static_cast<T>(ia + i * is);
        }
    });
    return Value::array(std::move(out));
}

Value randomArray(Context &ctx, const Value &size)
{
    if (size.isNone()) return Value::real(ctx.random.nextDouble());
    Tensor out = newArray(DType::Float64, toShape(size));
    double *o = out.mutableData<double>();
    for (std::int64_t i = 0; i < out.size(); ++i)
        o[i] = ctx.random.nextDouble();
    return Value::array(std::move(out));
}

Value loadMnist(Context &ctx)
{
    auto get = [&](const char *name) {
        std::optional<Tensor> t = ctx.data ? ctx.data(name) : std::nullopt;
        if (!t)
            raise("FileNotFoundError", "the MNIST files are not installed: run 'uncrumple "
                                       "fetch-mnist' or open the MNIST page to download them");
        return Value::array(*t);
    };
    return Value::tuple({Value::tuple({get("train_images"), get("train_labels")}),
                         Value::tuple({get("test_images"), get("test_labels")})});
}

std::vector<Value> sequenceItems(const Value &v)
{
    if (v.kind() == ValueKind::Tuple || v.kind() == ValueKind::List) return v.items();
    if (v.isArray() && v.asArray().ndim() > 0) {
        std::vector<Value> out;
        const Tensor &a = v.asArray();
        for (std::int64_t i = 0; i < a.shape()[0]; ++i) {
            Shape shape(a.shape().begin() + 1, a.shape().end());
            Strides strides(a.strides().begin() + 1, a.strides().end());
            Tensor row(a.dtype(), shape, strides, a.offset() + i * a.strides()[0], a.buffer());
            out.push_back(Value::array(std::move(row), shape.empty()));
        }
        return out;
    }
    raise("TypeError", "'" + v.typeName() + "' object is not iterable");
}

Value callBuiltin(const std::string &name, CallArgs &args, Context &ctx)
{
    if (name == "print") {
        std::string sep = " ", end = "\n";
        for (const auto &[k, v] : args.keywords) {
            if (k == "sep" && !v.isNone())
                sep = str(v);
            else if (k == "end" && !v.isNone())
                end = str(v);
            else if (k != "sep" && k != "end" && k != "flush")
                raise("TypeError", "'" + k + "' is an invalid keyword argument for print()");
        }
        std::string line;
        for (std::size_t i = 0; i < args.positional.size(); ++i)
            line += (i ? sep : "") + str(args.positional[i]);
        ctx.output += line + end;
        return Value();
    }
    auto one = [&](const char *fn) {
        if (args.positional.size() != 1 || !args.keywords.empty())
            raise("TypeError", std::string(fn) + "() takes exactly one argument (" +
                                   std::to_string(args.positional.size()) + " given)");
        return args.positional[0];
    };
    if (name == "len") {
        const Value v = one("len");
        switch (v.kind()) {
        case ValueKind::Tuple:
        case ValueKind::List:
            return Value::integer(static_cast<std::int64_t>(v.items().size()));
        case ValueKind::Str:
            return Value::integer(static_cast<std::int64_t>(v.asStr().size()));
        case ValueKind::Array:
            if (v.asArray().ndim() == 0) raise("TypeError", "len() of unsized object");
            return Value::integer(v.asArray().shape()[0]);
        default:
            raise("TypeError", "object of type '" + v.typeName() + "' has no len()");
        }
    }
    if (name == "type") {
        const Value v = one("type");
        return Value::string("<class '" + (v.isArray() ? moduleTypeName(v) : v.typeName()) + "'>");
    }
    if (name == "int") {
        const Value v = one("int");
        if (v.kind() == ValueKind::Int) return v;
        const double d = toDouble(v);
        if (!std::isfinite(d))
            raise(std::isnan(d) ? "ValueError" : "OverflowError",
                  std::isnan(d) ? "cannot convert float NaN to integer"
                                : "cannot convert float infinity to integer");
        return Value::integer(static_cast<std::int64_t>(d));
    }
    if (name == "float") return Value::real(toDouble(one("float")));
    if (name == "bool") {
        const Value v = one("bool");
        return Value::boolean(toDouble(v) != 0);
    }
    if (name == "str") return Value::string(str(one("str")));
    if (name == "abs") {
        const Value v = one("abs");
        if (v.kind() == ValueKind::Int)
            return Value::integer(v.asInt() < 0 ? -v.asInt() : v.asInt());
        if (v.kind() == ValueKind::Float) return Value::real(std::fabs(v.asFloat()));
        raise("TypeError", "bad operand type for abs(): '" + v.typeName() + "'");
    }
    if (name == "tuple")
        return Value::tuple(args.positional.empty() ? std::vector<Value>{}
                                                    : sequenceItems(one("tuple")));
    if (name == "list")
        return Value::list(args.positional.empty() ? std::vector<Value>{}
                                                   : sequenceItems(one("list")));
    raise("NameError", "name '" + name + "' is not defined");
}

Value callArrayMethod(const std::string &method, const Value &self, CallArgs &args)
{
    const Tensor a = arrayOf(self);
    if (method == "reshape") {
        if (args.positional.empty() && args.keywords.empty())
            raise("TypeError", "reshape() takes exactly 1 argument (0 given)");
        for (const auto &[k, v] : args.keywords)
            if (k != "order" || str(v) != "C")
                raise("TypeError", "'" + k + "' is an invalid keyword argument for reshape()");
        return Value::array(reshapeArray(a, shapeArgs(args.positional)));
    }
    if (method == "transpose") {
        if (!args.keywords.empty()) raise("TypeError", "transpose() takes no keyword arguments");
        return Value::array(transposeArray(a, axesArgs(args.positional)));
    }
    if (method == "astype") {
        args.bind("astype", {"dtype", "order", "casting", "subok", "copy"});
        return Value::array(toArray(self, toDType(args.required("dtype"))));
    }
    if (method == "copy") {
        args.bind("copy", {"order"});
        return Value::array(toArray(self));
    }
    if (method == "flatten" || method == "ravel") {
        args.bind(method, {"order"});
        return Value::array(method == "flatten" ? reshapeArray(toArray(self), {-1})
                                                : reshapeArray(a, {-1}));
    }
    if (method == "item") {
        args.bind("item", {"*args"});
        if (a.size() != 1)
            raise("ValueError", "can only convert an array of size 1 to a Python scalar");
        const double v = a.flatAt(0);
        if (a.dtype() == DType::Bool) return Value::boolean(v != 0);
        if (isFloating(a.dtype())) return Value::real(v);
        return Value::integer(static_cast<std::int64_t>(v));
    }
    if (method == "dot") {
        args.bind("dot", {"b", "out"});
        return dot(self, args.required("b"));
    }
    if (method == "sum") return reduction(ReduceOp::Sum, self, args, "sum");
    if (method == "max") return reduction(ReduceOp::Max, self, args, "max");
    if (method == "min") return reduction(ReduceOp::Min, self, args, "min");
    if (method == "mean") return reduction(ReduceOp::Mean, self, args, "mean");
    noAttribute(self, method);
}

Value callNumpy(const std::string &fn, CallArgs &args, Context &ctx)
{
    if (auto t = scalarType(fn)) {
        args.bind(fn, {"x"});
        const Value x = args.get("x", Value::integer(0));
        Tensor out = toArray(x, *t);
        return arrayResult(std::move(out));
    }
    if (fn == "array" || fn == "asarray") {
        args.bind(fn, {"object", "dtype", "copy", "order", "subok", "ndmin"});
        const Value dt = args.get("dtype");
        const Value obj = args.required("object");
        if (fn == "asarray" && obj.isArray() &&
            (dt.isNone() || toDType(dt) == obj.asArray().dtype()))
            return Value::array(obj.asArray());
        return Value::array(
            toArray(obj, dt.isNone() ? std::nullopt : std::optional<DType>(toDType(dt))));
    }
    if (fn == "zeros" || fn == "ones" || fn == "empty") {
        args.bind(fn, {"shape", "dtype", "order"});
        const Value dt = args.get("dtype");
        return filled(toShape(args.required("shape")), dt.isNone() ? DType::Float64 : toDType(dt),
                      fn == "ones" ? 1.0 : 0.0);
    }
    if (fn == "zeros_like" || fn == "ones_like") {
        args.bind(fn, {"a", "dtype"});
        const Tensor a = arrayOf(args.required("a"));
        const Value dt = args.get("dtype");
        return filled(a.shape(), dt.isNone() ? a.dtype() : toDType(dt), fn == "ones_like" ? 1 : 0);
    }
    if (fn == "arange") return arange(args);
    if (fn == "expand_dims") {
        args.bind(fn, {"a", "axis"});
        const Value axis = args.required("axis");
        return Value::array(expandDims(arrayOf(args.required("a")), toShape(axis)));
    }
    if (fn == "concatenate") {
        args.bind(fn, {"arrays", "axis", "out", "dtype", "casting"});
        std::vector<Tensor> arrays;
        for (const auto &v : sequenceItems(args.required("arrays")))
            arrays.push_back(arrayOf(v));
        const Value axis = args.get("axis", Value::integer(0));
        return Value::array(concatenate(
            arrays,
            axis.isNone() ? std::nullopt : std::optional<std::int64_t>(toIndex(axis, "axis"))));
    }
    static const std::pair<const char *, BinaryOp> kUfuncs[] = {{"add", BinaryOp::Add},
                                                                {"subtract", BinaryOp::Subtract},
                                                                {"multiply", BinaryOp::Multiply},
                                                                {"divide", BinaryOp::Divide},
                                                                {"true_divide", BinaryOp::Divide},
                                                                {"power", BinaryOp::Power},
                                                                {"maximum", BinaryOp::Maximum},
                                                                {"minimum", BinaryOp::Minimum}};
    for (const auto &[name, op] : kUfuncs)
        if (fn == name) {
            args.bind(fn, {"x1", "x2"});
            return applyBinary(op, args.required("x1"), args.required("x2"));
        }
    if (auto f = mathFunc(fn); f && fn != "sigmoid") {
        args.bind(fn, {"x"});
        return applyMath(*f, args.required("x"));
    }
    if (fn == "negative") {
        args.bind(fn, {"x"});
        return applyNegative(args.required("x"));
    }
    if (fn == "dot" || fn == "matmul") {
        args.bind(fn, {"a", "b", "out"});
        return fn == "dot" ? dot(args.required("a"), args.required("b"))
                           : matmul(args.required("a"), args.required("b"));
    }
    if (fn == "transpose") {
        args.bind(fn, {"a", "axes"});
        const Value axes = args.get("axes");
        return Value::array(
            transposeArray(arrayOf(args.required("a")),
                           axes.isNone() ? std::vector<std::int64_t>{} : toShape(axes)));
    }
    if (fn == "reshape") {
        args.bind(fn, {"a", "newshape", "order"});
        return Value::array(
            reshapeArray(arrayOf(args.required("a")), toShape(args.required("newshape"))));
    }
    if (fn == "copy") {
        args.bind(fn, {"a"});
        return Value::array(toArray(args.required("a")));
    }
    if (fn == "shape" || fn == "ndim" || fn == "size") {
        args.bind(fn, {"a"});
        const Tensor a = arrayOf(args.required("a"));
        return fn == "shape" ? shapeTuple(a.shape())
                             : Value::integer(fn == "ndim" ? a.ndim() : a.size());
    }
    if (fn == "result_type" || fn == "promote_types") {
        std::vector<Operand> ops;
        for (const auto &v : args.positional) {
            if (v.kind() == ValueKind::DType || v.kind() == ValueKind::Str ||
                v.kind() == ValueKind::Function) {
                ops.push_back({toDType(v), false, 0, 0});
            } else {
                ops.push_back(toOperand(v).promotion);
            }
        }
        if (ops.empty()) raise("ValueError", "at least one array or dtype is required");
        if (fn == "promote_types") {
            if (ops.size() != 2) raise("TypeError", "promote_types() takes exactly 2 arguments");
            return Value::dtype(promoteTypes(ops[0].dtype, ops[1].dtype));
        }
        return Value::dtype(resultType(ops));
    }
    static const std::pair<const char *, ReduceOp> kReductions[] = {
        {"sum", ReduceOp::Sum}, {"max", ReduceOp::Max},  {"amax", ReduceOp::Max},
        {"min", ReduceOp::Min}, {"amin", ReduceOp::Min}, {"mean", ReduceOp::Mean}};
    for (const auto &[name, op] : kReductions)
        if (fn == name) {
            if (args.positional.empty())
                raise("TypeError", fn + "() missing required argument 'a'");
            const Value a = args.positional[0];
            args.positional.erase(args.positional.begin());
            return reduction(op, a, args, fn);
        }
    if (fn == "random.seed") {
        args.bind("seed", {"seed"});
        const Value s = args.get("seed");
        if (s.isNone()) {
            ctx.random.seed32(static_cast<std::uint32_t>(std::random_device{}()));
            return Value();
        }
        const std::int64_t seed = toIndex(s, "seed");
        if (seed < 0 || seed > 4294967295LL)
            raise("ValueError", "Seed must be between 0 and 2**32 - 1");
        ctx.random.seed32(static_cast<std::uint32_t>(seed));
        return Value();
    }
    if (fn == "random.random" || fn == "random.random_sample") {
        args.bind(fn.substr(7), {"size"});
        return randomArray(ctx, args.get("size"));
    }
    if (fn == "random.rand") {
        args.bind("rand", {"*dims"});
        if (args.rest().empty()) return Value::real(ctx.random.nextDouble());
        return randomArray(ctx, Value::tuple(args.rest()));
    }
    raise("AttributeError", "module 'numpy' has no attribute '" + fn + "'");
}

} // namespace

std::optional<Value> builtin(const std::string &name)
{
    if (kBuiltins.count(name)) return Value::function(name);
    return std::nullopt;
}

Value importModule(const std::string &dotted)
{
    if (dotted == "numpy") return Value::module("numpy");
    if (dotted == "numpy.random") return Value::module("numpy.random");
    if (dotted == "tensorflow") return Value::module("tensorflow");
    if (dotted == "tensorflow.keras.datasets.mnist" || dotted == "keras.datasets.mnist")
        return Value::module("mnist");
    const std::string top = dotted.substr(0, dotted.find('.'));
    if (top == "tensorflow" || top == "keras") {
        const auto dot = dotted.rfind('.');
        raise("ImportError", "cannot import name '" + dotted.substr(dot + 1) + "' from '" +
                                 dotted.substr(0, dot) +
                                 "' (these cells run NumPy code; only the book's mnist "
                                 "dataset import is available)");
    }
    raise("ModuleNotFoundError", "No module named '" + top + "'");
}

Value getAttribute(const Value &obj, const std::string &name)
{
    switch (obj.kind()) {
    case ValueKind::Module: {
        const std::string &m = obj.name();
        if (m == "numpy") {
            if (name == "random") return Value::module("numpy.random");
            if (name == "newaxis") return Value();
            if (name == "pi") return Value::real(M_PI);
            if (name == "e") return Value::real(M_E);
            if (name == "inf") return Value::real(INFINITY);
            if (name == "nan") return Value::real(NAN);
            if (name == "ndarray") return Value::function("np.ndarray");
            if (kNumpyFunctions.count(name) || scalarType(name))
                return Value::function("np." + name);
        } else if (m == "numpy.random") {
            if (name == "seed" || name == "random" || name == "random_sample" || name == "rand")
                return Value::function("np.random." + name);
        } else if (m == "mnist") {
            if (name == "load_data") return Value::function("mnist.load_data");
        } else if (m.rfind("tensorflow", 0) == 0) {
            if (auto v = tensorflowAttribute(m, name)) return *v;
        }
        noAttribute(obj, name);
    }
    case ValueKind::Tape:
        if (name == "gradient" || name == "watch")
            return Value::function("GradientTape." + name, obj);
        raise("AttributeError", "'GradientTape' object has no attribute '" + name + "'");
    case ValueKind::Array: {
        const Tensor &a = obj.asArray();
        if (name == "ndim") return Value::integer(a.ndim());
        if (name == "shape") return shapeTuple(a.shape());
        if (name == "dtype") return Value::dtype(a.dtype());
        if (name == "size") return Value::integer(a.size());
        if (name == "nbytes") return Value::integer(a.nbytes());
        if (name == "itemsize")
            return Value::integer(static_cast<std::int64_t>(dtypeSize(a.dtype())));
        if (name == "strides") return shapeTuple(byteStrides(a));
        if (name == "T") return Value::array(transposeArray(a, {}), obj.isNumpyScalar());
        if (kArrayMethods.count(name)) return Value::function("ndarray." + name, obj);
        noAttribute(obj, name);
    }
    case ValueKind::DType:
        if (name == "name") return Value::string(std::string(dtypeName(obj.asDType())));
        if (name == "itemsize")
            return Value::integer(static_cast<std::int64_t>(dtypeSize(obj.asDType())));
        noAttribute(obj, name);
    default:
        noAttribute(obj, name);
    }
}

Value callFunction(const Value &fn, CallArgs &args, Context &ctx)
{
    if (fn.kind() != ValueKind::Function) {
        if (fn.kind() == ValueKind::DType)
            raise("TypeError", "Cannot construct a dtype from a call of its instance");
        raise("TypeError", "'" + moduleTypeName(fn) + "' object is not callable");
    }
    const std::string &name = fn.name();
    if (name.rfind("ndarray.", 0) == 0) return callArrayMethod(name.substr(8), fn.self(), args);
    if (name == "mnist.load_data") {
        args.bind("load_data", {"path"});
        return loadMnist(ctx);
    }
    if (name == "np.ndarray")
        raise("NotImplementedError", "np.ndarray() is not supported: use np.array or np.zeros");
    if (name.rfind("np.", 0) == 0) return callNumpy(name.substr(3), args, ctx);
    if (name.rfind("tf.", 0) == 0) return callTensorflow(name, args, ctx);
    if (name == "GradientTape.watch") {
        args.bind("watch", {"tensor"}); // every source named in tape.gradient is watched
        return Value();
    }
    if (name == "GradientTape.gradient") {
        if (ctx.differentiating) // an inner tape asked inside an outer one's block
            raise("NotImplementedError", "tape.gradient() inside a GradientTape's with block is "
                                         "not supported in these cells: call it after the block");
        raise("TypeError", "call tape.gradient(target, sources) directly, after the tape's with "
                           "block, in these cells");
    }
    return callBuiltin(name, args, ctx);
}

} // namespace core::cell
