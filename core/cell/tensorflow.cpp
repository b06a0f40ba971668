#include "core/cell/tensorflow.h"

#include "core/cell/conversion.h"
#include "core/cell/elementwise.h"
#include "core/cell/linalg.h"
#include "core/cell/mathfuncs.h"
#include "core/cell/memorylimit.h"
#include "core/cell/pyerror.h"
#include "core/cell/reduction.h"
#include "core/cell/shapeops.h"

#include <cmath>
#include <set>

namespace core::cell {

namespace {

const std::set<std::string> kTop = {"Variable",    "constant",
                                    "zeros",       "ones",
                                    "matmul",      "square",
                                    "sqrt",        "exp",
                                    "sin",         "cos",
                                    "tanh",        "abs",
                                    "sigmoid",     "maximum",
                                    "minimum",     "add",
                                    "subtract",    "multiply",
                                    "divide",      "negative",
                                    "reduce_sum",  "reduce_mean",
                                    "transpose",   "reshape",
                                    "identity",    "convert_to_tensor",
                                    "GradientTape"};
const std::set<std::string> kMath = {"log",      "exp",        "sin",        "cos",      "tanh",
                                     "square",   "sqrt",       "abs",        "sigmoid",  "maximum",
                                     "minimum",  "add",        "subtract",   "multiply", "divide",
                                     "negative", "reduce_sum", "reduce_mean"};
const std::set<std::string> kNn = {"relu", "sigmoid"};
const std::set<std::string> kRandom = {"uniform", "normal"};

// A Python scalar stays one, so that NumPy's value-based casting keeps the tensor's type as
// TensorFlow converts the scalar to it (x * 2 and tf.maximum(x, 0) stay float32).
Value operand(const Value &v)
{
    const ValueKind k = v.kind();
    if (k == ValueKind::Int || k == ValueKind::Float || k == ValueKind::Bool) return v;
    return Value::array(toTensorflow(v));
}

Value tensorResult(const Value &v)
{
    // Tensors print as arrays, also with no dimensions: tf.Variable(1.5) is array(1.5, ...).
    return v.isArray() ? Value::array(v.asArray()) : v;
}

DType dtypeArg(const CallArgs &args, DType fallback)
{
    const Value d = args.get("dtype");
    return d.isNone() ? fallback : toDType(d);
}

Value converted(CallArgs &args, const char *fn)
{
    args.bind(fn, {"value", "dtype", "shape", "name"});
    if (!args.get("shape").isNone())
        raise("NotImplementedError",
              std::string(fn) + "(): shape= is not supported in these cells");
    const Tensor t = toTensorflow(args.required("value"));
    const Value d = args.get("dtype");
    // A Variable or constant owns its values: a copy, as tf.Variable(np_array) makes.
    return Value::array(toArray(Value::array(t), d.isNone() ? t.dtype() : toDType(d)));
}

Value filled(CallArgs &args, const char *fn, double value)
{
    args.bind(fn, {"shape", "dtype", "name"});
    const DType t = dtypeArg(args, DType::Float32);
    Tensor out = newArray(t, toShape(args.required("shape")), true);
    if (value != 0)
        visitDType(t, [&](auto tag) {
            using T = decltype(tag);
            std::fill_n(out.mutableData<T>(), out.size(), static_cast<T>(value));
        });
    return Value::array(std::move(out));
}

// TensorFlow's own random streams (Philox) cannot be reproduced: these draw from the notebook's
// MT19937 (np.random.seed seeds them too). uniform is minval + (maxval - minval) * u with NumPy's
// 53-bit double u in [0, 1); normal is Box-Muller on two such draws.
Value randomTensor(CallArgs &args, Context &ctx, bool normal)
{
    if (normal)
        args.bind("normal", {"shape", "mean", "stddev", "dtype", "seed", "name"});
    else
        args.bind("uniform", {"shape", "minval", "maxval", "dtype", "seed", "name"});
    const DType t = dtypeArg(args, DType::Float32);
    if (!isFloating(t))
        raise("NotImplementedError", "these cells draw random floats only (dtype float32 or "
                                     "float64)");
    const double a = toDouble(args.get(normal ? "mean" : "minval", Value::real(0)));
    const double b = toDouble(args.get(normal ? "stddev" : "maxval", Value::real(1)));
    Tensor out = newArray(t, toShape(args.required("shape")));
    visitDType(t, [&](auto tag) {
        using T = decltype(tag);
        if constexpr (std::is_floating_point_v<T>) {
            T *o = out.mutableData<T>();
            for (std::int64_t i = 0; i < out.size(); ++i) {
                const double u = ctx.random.nextDouble();
                if (normal) {
                    const double v = ctx.random.nextDouble();
                    o[i] = static_cast<T>(a + b * std::sqrt(-2 * std::log1p(-u)) *
                                                  std::cos(2 * M_PI * v));
                } else {
                    T x = static_cast<T>(a + (b - a) * u);
                    // Rounding to float32 may reach maxval, which uniform excludes.
                    if (b > a && x >= static_cast<T>(b))
                        x = std::nextafter(static_cast<T>(b), T(a));
                    o[i] = x;
                }
            }
        }
    });
    return Value::array(std::move(out));
}

Value reduceTensor(CallArgs &args, const std::string &fn)
{
    args.bind(fn, {"input_tensor", "axis", "keepdims", "name"});
    const Value k = args.get("keepdims", Value::boolean(false));
    const bool keepdims = k.kind() == ValueKind::Bool ? k.asBool() : toDouble(k) != 0;
    return reduce(fn == "reduce_sum" ? ReduceOp::Sum : ReduceOp::Mean,
                  operand(args.required("input_tensor")), args.get("axis"), keepdims);
}

} // namespace

Tensor toTensorflow(const Value &v)
{
    switch (v.kind()) {
    case ValueKind::Array:
        return v.asArray();
    case ValueKind::Float:
        return toArray(v, DType::Float32);
    case ValueKind::Int:
        return toArray(v, DType::Int32);
    case ValueKind::Bool:
        return toArray(v, DType::Bool);
    case ValueKind::Tuple:
    case ValueKind::List: {
        const Tensor t = toArray(v);
        if (t.dtype() == DType::Float64) return cast(t, DType::Float32);
        if (t.dtype() == DType::Int64) return cast(t, DType::Int32);
        return t;
    }
    default:
        raise("ValueError", "Attempt to convert a value (" + repr(v) +
                                ") with an unsupported "
                                "type (<class '" +
                                v.typeName() + "'>) to a Tensor.");
    }
}

std::optional<Value> tensorflowAttribute(const std::string &module, const std::string &name)
{
    if (module == "tensorflow") {
        if (name == "random" || name == "math" || name == "nn")
            return Value::module("tensorflow." + name);
        if (name == "float32") return Value::dtype(DType::Float32);
        if (name == "float64") return Value::dtype(DType::Float64);
        if (name == "int32") return Value::dtype(DType::Int32);
        if (name == "int64") return Value::dtype(DType::Int64);
        if (kTop.count(name)) return Value::function("tf." + name);
    } else if (module == "tensorflow.math") {
        if (kMath.count(name)) return Value::function("tf.math." + name);
    } else if (module == "tensorflow.nn") {
        if (kNn.count(name)) return Value::function("tf.nn." + name);
    } else if (module == "tensorflow.random") {
        if (kRandom.count(name)) return Value::function("tf.random." + name);
    }
    return std::nullopt;
}

Value callTensorflow(const std::string &name, CallArgs &args, Context &ctx)
{
    const std::string fn = name.substr(name.rfind('.') + 1);
    if (name == "tf.GradientTape") {
        args.bind("GradientTape", {"persistent", "watch_accessed_variables"});
        return Value::tape(nullptr);
    }
    if (fn == "Variable") {
        args.bind("Variable", {"initial_value", "trainable", "validate_shape", "caching_device",
                               "name", "variable_def", "dtype"});
        CallArgs inner;
        inner.positional = {args.required("initial_value")};
        if (!args.get("dtype").isNone()) inner.keywords = {{"dtype", args.get("dtype")}};
        return converted(inner, "Variable");
    }
    if (fn == "constant" || fn == "convert_to_tensor") return converted(args, fn.c_str());
    if (fn == "identity") {
        args.bind(fn, {"input", "name"});
        return Value::array(toTensorflow(args.required("input")));
    }
    if (fn == "zeros" || fn == "ones") return filled(args, fn.c_str(), fn == "ones" ? 1 : 0);
    if (name == "tf.random.uniform" || name == "tf.random.normal")
        return randomTensor(args, ctx, fn == "normal");
    if (fn == "matmul") {
        args.bind(fn, {"a", "b", "transpose_a", "transpose_b"});
        Value a = operand(args.required("a")), b = operand(args.required("b"));
        auto flag = [&](const char *k) {
            const Value v = args.get(k, Value::boolean(false));
            return v.kind() == ValueKind::Bool ? v.asBool() : toDouble(v) != 0;
        };
        if (flag("transpose_a") || flag("transpose_b"))
            raise("NotImplementedError", "matmul(): transpose_a= and transpose_b= are not "
                                         "supported in these cells: use tf.transpose");
        return tensorResult(matmul(a, b));
    }
    if (fn == "reduce_sum" || fn == "reduce_mean") return tensorResult(reduceTensor(args, fn));
    if (fn == "relu") {
        args.bind(fn, {"features", "name"});
        return tensorResult(
            applyBinary(BinaryOp::Maximum, operand(args.required("features")), Value::integer(0)));
    }
    if (auto f = mathFunc(fn)) {
        args.bind(fn, {"x", "name"});
        return tensorResult(applyMath(*f, Value::array(toTensorflow(args.required("x")))));
    }
    static const std::pair<const char *, BinaryOp> kBinary[] = {
        {"maximum", BinaryOp::Maximum},   {"minimum", BinaryOp::Minimum},
        {"add", BinaryOp::Add},           {"subtract", BinaryOp::Subtract},
        {"multiply", BinaryOp::Multiply}, {"divide", BinaryOp::Divide}};
    for (const auto &[n, op] : kBinary)
        if (fn == n) {
            args.bind(fn, {"x", "y", "name"});
            return tensorResult(
                applyBinary(op, operand(args.required("x")), operand(args.required("y"))));
        }
    if (fn == "negative") {
        args.bind(fn, {"x", "name"});
        return tensorResult(applyNegative(Value::array(toTensorflow(args.required("x")))));
    }
    if (fn == "transpose") {
        args.bind(fn, {"a", "perm", "conjugate", "name"});
        const Value perm = args.get("perm");
        return Value::array(
            transposeArray(toTensorflow(args.required("a")),
                           perm.isNone() ? std::vector<std::int64_t>{} : toShape(perm)));
    }
    if (fn == "reshape") {
        args.bind(fn, {"tensor", "shape", "name"});
        return Value::array(
            reshapeArray(toTensorflow(args.required("tensor")), toShape(args.required("shape"))));
    }
    raise("AttributeError", "module 'tensorflow' has no attribute '" + fn + "'");
}

} // namespace core::cell
