#pragma once
// The names a cell can use: Python's builtins (print, len, int, float, type), the numpy module
// and its functions, np.random, the book's mnist module, and the attributes and methods of arrays
// and other values.

#include "core/cell/callargs.h"
#include "core/cell/context.h"
#include "core/cell/value.h"

#include <optional>
#include <string>

namespace core::cell {

// A builtin function by name ("print", "len"), or nullopt.
std::optional<Value> builtin(const std::string &name);
// The module an import binds: "numpy" and the book's "tensorflow.keras.datasets.mnist";
// ModuleNotFoundError / ImportError otherwise.
Value importModule(const std::string &dotted);
// obj.name; AttributeError in Python's words when there is none.
Value getAttribute(const Value &obj, const std::string &name);
// fn(args) for a function value (builtin, numpy function or bound method).
Value callFunction(const Value &fn, CallArgs &args, Context &context);

} // namespace core::cell
