#include "core/cell/pyops.h"

#include "core/cell/memorylimit.h"

#include "core/cell/conversion.h"
#include "core/cell/elementwise.h"
#include "core/cell/linalg.h"
#include "core/cell/pyerror.h"

#include <cmath>

namespace core::cell {

namespace {

bool isNumber(const Value &v)
{
    return v.kind() == ValueKind::Bool || v.kind() == ValueKind::Int ||
           v.kind() == ValueKind::Float;
}

bool isSequence(const Value &v)
{
    return v.kind() == ValueKind::Tuple || v.kind() == ValueKind::List ||
           v.kind() == ValueKind::Str;
}

std::int64_t intOf(const Value &v)
{
    return v.kind() == ValueKind::Bool ? (v.asBool() ? 1 : 0) : v.asInt();
}

double floatOf(const Value &v)
{
    return v.kind() == ValueKind::Float ? v.asFloat() : static_cast<double>(intOf(v));
}

[[noreturn]] void unsupported(const std::string &op, const Value &a, const Value &b)
{
    raise("TypeError", "unsupported operand type(s) for " + op + ": '" + a.typeName() + "' and '" +
                           b.typeName() + "'");
}

[[noreturn]] void overflow()
{
    raise("OverflowError", "integer result does not fit in 64 bits (these cells use NumPy's "
                           "int64 range for Python ints)");
}

Value intArithmetic(const std::string &op, std::int64_t x, std::int64_t y)
{
    std::int64_t r = 0;
    if (op == "+") {
        if (__builtin_add_overflow(x, y, &r)) overflow();
        return Value::integer(r);
    }
    if (op == "-") {
        if (__builtin_sub_overflow(x, y, &r)) overflow();
        return Value::integer(r);
    }
    if (op == "*") {
        if (__builtin_mul_overflow(x, y, &r)) overflow();
        return Value::integer(r);
    }
    if (op == "/") {
        if (y == 0) raise("ZeroDivisionError", "division by zero");
        return Value::real(static_cast<double>(x) / static_cast<double>(y));
    }
    if (op == "//" || op == "%") {
        if (y == 0)
            raise("ZeroDivisionError",
                  op == "//" ? "integer division or modulo by zero" : "integer modulo by zero");
        if (x == INT64_MIN && y == -1) {
            if (op == "//") overflow();
            return Value::integer(0);
        }
        std::int64_t q = x / y, m = x % y;
        if (m != 0 && ((m < 0) != (y < 0))) {
            --q;
            m += y;
        }
        return Value::integer(op == "//" ? q : m);
    }
    if (op == "**") {
        if (y < 0) return Value::real(std::pow(static_cast<double>(x), static_cast<double>(y)));
        std::int64_t result = 1, base = x;
        while (y) {
            if (y & 1)
                if (__builtin_mul_overflow(result, base, &result)) overflow();
            y >>= 1;
            if (y && __builtin_mul_overflow(base, base, &base)) overflow();
        }
        return Value::integer(result);
    }
    raise("TypeError", "unsupported operand type(s) for " + op + ": 'int' and 'int'");
}

Value floatArithmetic(const std::string &op, double x, double y)
{
    if (op == "+") return Value::real(x + y);
    if (op == "-") return Value::real(x - y);
    if (op == "*") return Value::real(x * y);
    if (op == "/") {
        if (y == 0) raise("ZeroDivisionError", "float division by zero");
        return Value::real(x / y);
    }
    if (op == "//" || op == "%") {
        if (y == 0)
            raise("ZeroDivisionError",
                  op == "//" ? "float floor division by zero" : "float modulo");
        double m = std::fmod(x, y);
        double div = (x - m) / y;
        if (m != 0 && ((y < 0) != (m < 0))) {
            m += y;
            div -= 1.0;
        }
        if (op == "%") return Value::real(m != 0 ? m : std::copysign(0.0, y));
        double floordiv = div != 0 ? std::floor(div) : std::copysign(0.0, x / y);
        if (div != 0 && div - floordiv > 0.5) floordiv += 1.0;
        return Value::real(floordiv);
    }
    if (op == "**") {
        if (x == 0 && y < 0) raise("ZeroDivisionError", "0.0 cannot be raised to a negative power");
        if (x < 0 && y != std::floor(y))
            raise("NotImplementedError",
                  "a negative number to a fractional power is complex; complex numbers are not "
                  "supported in these cells");
        return Value::real(std::pow(x, y));
    }
    raise("TypeError", "unsupported operand type(s) for " + op + ": 'float' and 'float'");
}

Value repeat(const Value &seq, const Value &count)
{
    const std::int64_t n = std::max<std::int64_t>(0, intOf(count));
    const bool text = seq.kind() == ValueKind::Str;
    const auto length = static_cast<std::int64_t>(text ? seq.asStr().size() : seq.items().size());
    // Counted against the cell's memory before it is built: '!' * 122**4 took seconds and
    // '' * 10**15 never ended (the cell fuzzer's find).
    if (length == 0 || n == 0)
        return text                             ? Value::string({})
               : seq.kind() == ValueKind::Tuple ? Value::tuple({})
                                                : Value::list({});
    const std::int64_t itemBytes = text ? 1 : static_cast<std::int64_t>(sizeof(Value));
    if (n > std::numeric_limits<std::int64_t>::max() / length / itemBytes) raise("MemoryError", "");
    if (MemoryBudget *b = MemoryBudget::current()) b->charge(n * length * itemBytes);
    if (text) {
        std::string out;
        out.reserve(static_cast<std::size_t>(n * length));
        for (std::int64_t i = 0; i < n; ++i)
            out += seq.asStr();
        return Value::string(std::move(out));
    }
    std::vector<Value> items;
    items.reserve(static_cast<std::size_t>(n * length));
    for (std::int64_t i = 0; i < n; ++i)
        items.insert(items.end(), seq.items().begin(), seq.items().end());
    return seq.kind() == ValueKind::Tuple ? Value::tuple(std::move(items))
                                          : Value::list(std::move(items));
}

} // namespace

Value binaryOperator(const std::string &op, const Value &a, const Value &b)
{
    const bool arrays = a.isArray() || b.isArray();
    if (arrays) {
        const bool ok = [&](const Value &v) {
            return v.isArray() || isNumber(v) || v.kind() == ValueKind::List ||
                   v.kind() == ValueKind::Tuple;
        }(a) && [&](const Value &v) {
            return v.isArray() || isNumber(v) || v.kind() == ValueKind::List ||
                   v.kind() == ValueKind::Tuple;
        }(b);
        if (!ok) unsupported(op, a, b);
        if (op == "+") return applyBinary(BinaryOp::Add, a, b);
        if (op == "-") return applyBinary(BinaryOp::Subtract, a, b);
        if (op == "*") return applyBinary(BinaryOp::Multiply, a, b);
        if (op == "/") return applyBinary(BinaryOp::Divide, a, b);
        if (op == "**") {
            // ndarray.__pow__'s fast path: a ** 2 is np.square(a), whose bool loop is int8's
            // and whose integer input is made float64 first when the 2 is a float.
            if (a.isArray() && a.asArray().ndim() > 0 && isNumber(b) && floatOf(b) == 2.0) {
                const DType t = a.asArray().dtype();
                DType square = t;
                if (t == DType::Bool) square = DType::Int8;
                if (b.kind() == ValueKind::Float && !isFloating(t)) square = DType::Float64;
                const Value x = Value::array(cast(a.asArray(), square));
                return applyBinary(BinaryOp::Multiply, x, x);
            }
            return applyBinary(BinaryOp::Power, a, b);
        }
        if (op == "@") return matmul(a, b);
        raise("NotImplementedError",
              "the '" + op + "' operator on arrays is not supported in these cells");
    }
    if (isNumber(a) && isNumber(b)) {
        if (op == "@") unsupported(op, a, b);
        if (a.kind() == ValueKind::Float || b.kind() == ValueKind::Float)
            return floatArithmetic(op, floatOf(a), floatOf(b));
        return intArithmetic(op, intOf(a), intOf(b));
    }
    if (op == "+" && isSequence(a)) {
        if (a.kind() != b.kind()) {
            const char *what = a.kind() == ValueKind::Tuple  ? "tuple"
                               : a.kind() == ValueKind::List ? "list"
                                                             : "str";
            raise("TypeError", std::string("can only concatenate ") + what + " (not \"" +
                                   b.typeName() + "\") to " + what);
        }
        if (a.kind() == ValueKind::Str) return Value::string(a.asStr() + b.asStr());
        std::vector<Value> items = a.items();
        items.insert(items.end(), b.items().begin(), b.items().end());
        return a.kind() == ValueKind::Tuple ? Value::tuple(std::move(items))
                                            : Value::list(std::move(items));
    }
    if (op == "*" && (isSequence(a) || isSequence(b))) {
        const Value &seq = isSequence(a) ? a : b;
        const Value &count = isSequence(a) ? b : a;
        if (count.kind() == ValueKind::Int || count.kind() == ValueKind::Bool)
            return repeat(seq, count);
        raise("TypeError", "can't multiply sequence by non-int of type '" + count.typeName() + "'");
    }
    unsupported(op, a, b);
}

Value unaryOperator(const std::string &op, const Value &a)
{
    if (a.isArray()) {
        if (op == "-") return applyNegative(a);
        if (op == "+") return a;
        raise("NotImplementedError", "the '~' operator is not supported in these cells");
    }
    if (isNumber(a)) {
        if (op == "~") {
            if (a.kind() == ValueKind::Float)
                raise("TypeError", "bad operand type for unary ~: 'float'");
            return Value::integer(~intOf(a));
        }
        if (op == "+") return a.kind() == ValueKind::Bool ? Value::integer(intOf(a)) : a;
        if (a.kind() == ValueKind::Float) return Value::real(-a.asFloat());
        if (intOf(a) == INT64_MIN) overflow();
        return Value::integer(-intOf(a));
    }
    raise("TypeError", "bad operand type for unary " + op + ": '" + a.typeName() + "'");
}

} // namespace core::cell
