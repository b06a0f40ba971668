#pragma once
// A value of the cell language: Python's None, bool, int, float, str, tuple and list; NumPy's
// arrays, scalars and dtypes; and the modules and functions a cell can name (np, np.random,
// a.reshape bound to a), and TensorFlow's GradientTape. Values are cheap to copy: arrays share
// storage like NumPy views.

#include "core/tensor/dtype.h"
#include "core/tensor/tensor.h"

#include <cstdint>
#include <memory>
#include <string>
#include <variant>
#include <vector>

namespace core::cell {

enum class ValueKind {
    None,
    Bool,
    Int,
    Float,
    Str,
    Tuple,
    List,
    Array,
    DType,
    Module,
    Function,
    Tape
};

class RecordedTape;

class Value {
public:
    Value() = default; // None
    static Value none() { return {}; }
    static Value boolean(bool b);
    static Value integer(std::int64_t i);
    static Value real(double f);
    static Value string(std::string s);
    static Value tuple(std::vector<Value> items);
    static Value list(std::vector<Value> items);
    // numpyScalar: what a[0] of a 1-D array or a.sum() gives (np.uint8, np.float64, ...): a 0-d
    // array that prints as its element ("3", "1.5") instead of "array(3, dtype=uint8)".
    static Value array(Tensor t, bool numpyScalar = false);
    static Value dtype(DType t);
    static Value module(std::string name);                         // "numpy", "numpy.random"
    static Value function(std::string name, Value self = Value()); // "np.zeros", "ndarray.reshape"
    // tf.GradientTape(): null until a with block has recorded into it.
    static Value tape(std::shared_ptr<const RecordedTape> recording);

    ValueKind kind() const;
    bool isNone() const { return kind() == ValueKind::None; }
    bool isArray() const { return kind() == ValueKind::Array; }

    bool asBool() const;
    std::int64_t asInt() const;
    double asFloat() const;
    const std::string &asStr() const;
    const std::vector<Value> &items() const; // Tuple or List
    const Tensor &asArray() const;
    bool isNumpyScalar() const;
    DType asDType() const;
    const std::string &name() const; // Module or Function
    const Value &self() const;       // a bound method's object (None for a plain function)
    const std::shared_ptr<const RecordedTape> &asTape() const;

    // Python's type name as type(v).__name__ gives it: "int", "tuple", "ndarray", "uint8".
    std::string typeName() const;

private:
    struct Items {
        std::shared_ptr<const std::vector<Value>> items;
    };
    struct Tuple : Items {};
    struct List : Items {};
    struct Array {
        Tensor tensor;
        bool scalar = false;
    };
    struct Module {
        std::string name;
    };
    struct Function {
        std::string name;
        std::shared_ptr<const Value> self;
    };
    struct Tape {
        std::shared_ptr<const RecordedTape> recording;
    };
    std::variant<std::monostate, bool, std::int64_t, double, std::string, Tuple, List, Array, DType,
                 Module, Function, Tape>
        m_v;
};

// Python's repr(v) (what the notebook shows for the last expression) and str(v) (what print
// writes). Arrays follow NumPy 1.24's printing exactly.
std::string repr(const Value &v);
std::string str(const Value &v);

} // namespace core::cell
