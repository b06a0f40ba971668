#include "core/cell/gradientrules.h"

#include "core/cell/conversion.h"
#include "core/cell/elementwise.h"
#include "core/cell/linalg.h"
#include "core/cell/mathfuncs.h"
#include "core/cell/memorylimit.h"
#include "core/cell/pyerror.h"
#include "core/cell/reduction.h"
#include "core/cell/shapeops.h"

#include <cmath>

namespace core::cell {

namespace {

using Grads = std::vector<std::optional<Tensor>>;

[[noreturn]] void noGradient(const std::string &what)
{
    raise("LookupError", "gradient registry has no entry for: " + what);
}

// A value as a contiguous float64 array.
Tensor f64(const Value &v)
{
    return contiguousCopy(cast(toOperand(v).array, DType::Float64));
}

Tensor apply(BinaryOp op, const Tensor &a, const Tensor &b)
{
    return applyBinary(op, Value::array(a), Value::array(b)).asArray();
}
Tensor mul(const Tensor &a, const Tensor &b)
{
    return apply(BinaryOp::Multiply, a, b);
}
Tensor scaled(const Tensor &a, double k)
{
    return applyBinary(BinaryOp::Multiply, Value::array(a), Value::real(k)).asArray();
}
// k OP a.
Tensor fromScalar(BinaryOp op, double k, const Tensor &a)
{
    return applyBinary(op, Value::real(k), Value::array(a)).asArray();
}
Tensor math(MathFunc f, const Tensor &a)
{
    return applyMath(f, Value::array(a)).asArray();
}

Tensor broadcastTo(const Tensor &x, const Shape &shape)
{
    if (x.shape() == shape) return contiguousCopy(x);
    Strides strides(shape.size(), 0);
    const std::size_t shift = shape.size() - x.shape().size();
    for (std::size_t i = 0; i < x.shape().size(); ++i)
        strides[shift + i] = x.shape()[i] == 1 ? 0 : x.strides()[i];
    return contiguousCopy(Tensor(x.dtype(), shape, strides, x.offset(), x.buffer()));
}

// f(a, b) elementwise over the broadcast shape, for the masks of max, min, abs and relu.
template<class F> Tensor combine(const Tensor &a, const Tensor &b, const Shape &shape, F f)
{
    const Tensor x = broadcastTo(a, shape), y = broadcastTo(b, shape);
    Tensor out = newArray(DType::Float64, shape);
    const double *px = x.data<double>(), *py = y.data<double>();
    double *o = out.mutableData<double>();
    for (std::int64_t i = 0; i < out.size(); ++i)
        o[i] = f(px[i], py[i]);
    return out;
}

Shape shapeOf(const Value &v)
{
    return toOperand(v).array.shape();
}

// The derivative of f at x, where f(x) is y.
Tensor derivative(MathFunc f, const Tensor &x, const Tensor &y)
{
    switch (f) {
    case MathFunc::Sin:
        return math(MathFunc::Cos, x);
    case MathFunc::Cos:
        return scaled(math(MathFunc::Sin, x), -1);
    case MathFunc::Exp:
        return y;
    case MathFunc::Log:
        return fromScalar(BinaryOp::Divide, 1, x);
    case MathFunc::Tanh:
        return fromScalar(BinaryOp::Subtract, 1, mul(y, y));
    case MathFunc::Sqrt:
        return fromScalar(BinaryOp::Divide, 0.5, y);
    case MathFunc::Abs: // TensorFlow's sign(x): 0 at 0
        return combine(x, x, x.shape(), [](double a, double) {
            return a > 0 ? 1.0 : a < 0 ? -1.0 : 0.0;
        });
    case MathFunc::Square:
        return scaled(x, 2);
    case MathFunc::Sigmoid:
        return mul(y, fromScalar(BinaryOp::Subtract, 1, y));
    }
    return y;
}

Pullback mathPullback(MathFunc f, const Value &xv, const Value &outv)
{
    const Tensor d = derivative(f, f64(xv), f64(outv));
    return [d](const Tensor &g) { return Grads{mul(g, d)}; };
}

Pullback reluPullback(const Value &outv)
{
    const Tensor y = f64(outv);
    const Tensor d = combine(y, y, y.shape(), [](double a, double) { return a > 0 ? 1.0 : 0.0; });
    return [d](const Tensor &g) { return Grads{mul(g, d)}; };
}

Pullback identityPullback(const Value &x)
{
    const Shape shape = shapeOf(x);
    return [shape](const Tensor &g) { return Grads{reshapeArray(contiguousCopy(g), shape)}; };
}

// 1-D and 2-D products; a 0-d operand is a multiplication (np.dot allows it).
Pullback productPullback(const std::string &name, const Value &av, const Value &bv)
{
    const Tensor a = f64(av), b = f64(bv);
    if (a.ndim() == 0 || b.ndim() == 0)
        return [a, b](const Tensor &g) {
            return Grads{unbroadcast(mul(g, b), a.shape()), unbroadcast(mul(g, a), b.shape())};
        };
    if (a.ndim() > 2 || b.ndim() > 2)
        noGradient(name + " of " + std::to_string(std::max(a.ndim(), b.ndim())) +
                   "-D arrays (these cells differentiate 1-D and 2-D products)");
    auto mm = [](const Tensor &x, const Tensor &y) {
        return matmul(Value::array(x), Value::array(y)).asArray();
    };
    auto column = [](const Tensor &v) { return reshapeArray(contiguousCopy(v), {v.size(), 1}); };
    auto row = [](const Tensor &v) { return reshapeArray(contiguousCopy(v), {1, v.size()}); };
    return [=](const Tensor &g) -> Grads {
        if (a.ndim() == 1 && b.ndim() == 1) return Grads{mul(g, b), mul(g, a)};
        if (a.ndim() == 1) // (k,) @ (k, n) -> (n,)
            return Grads{mm(b, g), mm(column(a), row(g))};
        if (b.ndim() == 1) // (m, k) @ (k,) -> (m,)
            return Grads{mm(column(g), row(b)), mm(transposeArray(a, {}), g)};
        return Grads{mm(g, transposeArray(b, {})), mm(transposeArray(a, {}), g)};
    };
}

std::vector<std::int64_t> axesOf(const Value &axis, int ndim)
{
    std::vector<std::int64_t> axes;
    if (axis.isNone()) {
        for (int i = 0; i < ndim; ++i)
            axes.push_back(i);
        return axes;
    }
    const std::vector<Value> items =
        axis.kind() == ValueKind::Tuple || axis.kind() == ValueKind::List
            ? axis.items()
            : std::vector<Value>{axis};
    for (const auto &v : items)
        axes.push_back(normalizeAxis(toIndex(v, "axis"), ndim));
    return axes;
}

Pullback reductionPullback(bool mean, const Value &x, const Value &axis, bool keepdims)
{
    const Shape shape = shapeOf(x);
    Shape kept = shape;
    std::int64_t count = 1;
    for (std::int64_t a : axesOf(axis, static_cast<int>(shape.size()))) {
        count *= shape[static_cast<std::size_t>(a)];
        kept[static_cast<std::size_t>(a)] = 1;
    }
    const double scale = mean ? 1.0 / static_cast<double>(count) : 1.0;
    return [shape, kept, scale](const Tensor &g) {
        const Tensor r = reshapeArray(contiguousCopy(g), kept);
        return Grads{scaled(broadcastTo(r, shape), scale)};
    };
}

Value argument(const std::vector<Value> &positional,
               const std::vector<std::pair<std::string, Value>> &keywords, std::size_t index,
               const char *name)
{
    if (index < positional.size()) return positional[index];
    for (const auto &[k, v] : keywords)
        if (k == name) return v;
    return Value();
}

} // namespace

Tensor unbroadcast(const Tensor &g, const Shape &shape)
{
    if (g.shape() == shape) return g;
    if (g.shape().size() < shape.size())
        raise("RuntimeError", "a gradient has fewer dimensions than its operand");
    const std::size_t lead = g.shape().size() - shape.size();
    std::vector<Value> axes;
    for (std::size_t i = 0; i < g.shape().size(); ++i)
        if (i < lead || (shape[i - lead] == 1 && g.shape()[i] != 1))
            axes.push_back(Value::integer(static_cast<std::int64_t>(i)));
    const Value r = reduce(ReduceOp::Sum, Value::array(g), Value::tuple(axes), true);
    return reshapeArray(contiguousCopy(r.asArray()), shape);
}

Pullback operatorPullback(const std::string &op, const Value &av, const Value &bv,
                          const Value &outv, std::pair<bool, bool> need)
{
    const Shape sa = shapeOf(av), sb = shapeOf(bv);
    if (op == "+" || op == "-") {
        const double sign = op == "+" ? 1 : -1;
        return [sa, sb, sign](const Tensor &g) {
            return Grads{unbroadcast(g, sa), unbroadcast(sign == 1 ? g : scaled(g, -1), sb)};
        };
    }
    if (op == "@") return productPullback("matmul", av, bv);
    const Tensor a = f64(av), b = f64(bv);
    if (op == "*")
        return [a, b](const Tensor &g) {
            return Grads{unbroadcast(mul(g, b), a.shape()), unbroadcast(mul(g, a), b.shape())};
        };
    if (op == "/") {
        const Tensor y = f64(outv);
        return [a, b, y](const Tensor &g) {
            const Tensor ga = apply(BinaryOp::Divide, g, b);
            return Grads{unbroadcast(ga, a.shape()),
                         unbroadcast(scaled(mul(ga, y), -1), b.shape())};
        };
    }
    if (op == "**") {
        const Tensor y = f64(outv);
        std::optional<Tensor> da, db;
        // d/da a**b = b * a**(b-1); d/db a**b = a**b * log(a), taken as 0 where a <= 0 (as
        // TensorFlow does, where the log is not real).
        if (need.first)
            da = mul(
                b,
                apply(
                    BinaryOp::Power, a,
                    applyBinary(BinaryOp::Subtract, Value::array(b), Value::integer(1)).asArray()));
        if (need.second) {
            const Tensor logA = combine(a, a, a.shape(),
                                        [](double x, double) { return x > 0 ? std::log(x) : 0.0; });
            db = mul(y, logA);
        }
        return [a, b, da, db](const Tensor &g) {
            Grads out(2);
            if (da) out[0] = unbroadcast(mul(g, *da), a.shape());
            if (db) out[1] = unbroadcast(mul(g, *db), b.shape());
            return out;
        };
    }
    if (op == "max" || op == "min") {
        const bool isMax = op == "max";
        const Tensor y = f64(outv);
        // TensorFlow's rule: the first operand takes the gradient on ties.
        const Tensor first = combine(a, b, y.shape(), [isMax](double x, double z) {
            return (isMax ? x >= z : x <= z) ? 1.0 : 0.0;
        });
        const Tensor second = fromScalar(BinaryOp::Subtract, 1, first);
        return [a, b, first, second](const Tensor &g) {
            return Grads{unbroadcast(mul(g, first), a.shape()),
                         unbroadcast(mul(g, second), b.shape())};
        };
    }
    noGradient("the '" + op + "' operator");
}

Pullback negativePullback()
{
    return [](const Tensor &g) { return Grads{scaled(g, -1)}; };
}

Pullback subscriptPullback(const Shape &operand, Tensor positions)
{
    return [operand, positions](const Tensor &g) {
        Tensor out = newArray(DType::Float64, operand, true);
        double *o = out.mutableData<double>();
        const Tensor gc = contiguousCopy(g);
        const double *pg = gc.data<double>();
        const std::int64_t *p = positions.data<std::int64_t>();
        for (std::int64_t i = 0; i < positions.size(); ++i)
            o[p[i]] += pg[i];
        return Grads{out};
    };
}

Pullback transposePullback(const std::vector<std::int64_t> &axes, int ndim)
{
    std::vector<std::int64_t> inverse;
    if (!axes.empty()) {
        inverse.assign(axes.size(), 0);
        for (std::size_t i = 0; i < axes.size(); ++i)
            inverse[static_cast<std::size_t>(normalizeAxis(axes[i], ndim))] =
                static_cast<std::int64_t>(i);
    }
    return [inverse](const Tensor &g) { return Grads{contiguousCopy(transposeArray(g, inverse))}; };
}

std::optional<CallPullback> callPullback(const std::string &function,
                                         const std::vector<Value> &positional,
                                         const std::vector<std::pair<std::string, Value>> &keywords,
                                         const Value &out)
{
    const bool method = function.rfind("ndarray.", 0) == 0;
    const std::string name = function.substr(function.rfind('.') + 1);
    auto arg = [&](std::size_t i, const char *kw) { return argument(positional, keywords, i, kw); };
    if (name == "Variable" || name == "constant") return std::nullopt; // a new tensor: TF's None
    if (positional.empty()) noGradient(function);
    const Value &x = positional[0];
    if (auto f = mathFunc(name)) return CallPullback{{0}, mathPullback(*f, x, out)};
    if (name == "relu") return CallPullback{{0}, reluPullback(out)};
    if (name == "negative") return CallPullback{{0}, negativePullback()};
    static const std::pair<const char *, const char *> kOperators[] = {
        {"add", "+"},         {"subtract", "-"}, {"multiply", "*"},  {"divide", "/"},
        {"true_divide", "/"}, {"power", "**"},   {"maximum", "max"}, {"minimum", "min"}};
    for (const auto &[n, op] : kOperators)
        if (name == n && positional.size() >= 2)
            return CallPullback{{0, 1}, operatorPullback(op, x, positional[1], out, {true, true})};
    if ((name == "matmul" || name == "dot") && positional.size() >= 2)
        return CallPullback{{0, 1}, productPullback(function, x, positional[1])};
    if (name == "sum" || name == "mean" || name == "reduce_sum" || name == "reduce_mean") {
        const Value k = argument({}, keywords, 0, "keepdims");
        const bool keepdims = !k.isNone() && toDouble(k) != 0;
        return CallPullback{{0},
                            reductionPullback(name == "mean" || name == "reduce_mean", x,
                                              arg(1, "axis"), keepdims)};
    }
    if (name == "reshape" || name == "ravel" || name == "flatten" || name == "asarray" ||
        name == "array" || name == "copy" || name == "identity" || name == "convert_to_tensor")
        return CallPullback{{0}, identityPullback(x)};
    if (name == "astype") {
        if (!out.isArray() || !isFloating(out.asArray().dtype())) return std::nullopt;
        return CallPullback{{0}, identityPullback(x)};
    }
    if (name == "transpose") {
        std::vector<std::int64_t> axes;
        if (method && positional.size() > 2) {
            for (std::size_t i = 1; i < positional.size(); ++i)
                axes.push_back(toIndex(positional[i], "axes"));
        } else {
            const Value a = arg(1, "axes");
            const Value perm = a.isNone() ? argument({}, keywords, 0, "perm") : a;
            if (!perm.isNone()) axes = toShape(perm);
        }
        return CallPullback{{0},
                            transposePullback(axes, static_cast<int>(toOperand(x).array.ndim()))};
    }
    noGradient(function);
}

} // namespace core::cell
