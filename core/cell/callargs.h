#pragma once
// The arguments of a call, with Python's checks: too many positional arguments, unknown keywords,
// an argument given twice, a missing required one (TypeError in Python's words).

#include "core/cell/value.h"

#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

namespace core::cell {

class CallArgs {
public:
    std::vector<Value> positional;
    std::vector<std::pair<std::string, Value>> keywords;

    // Binds the arguments to parameter names in order; throws TypeError for what does not fit.
    // A name starting with '*' takes the remaining positional arguments (see rest()).
    void bind(const std::string &function, std::initializer_list<const char *> parameters);
    bool has(const char *name) const;
    // The argument for a parameter, or fallback when not given.
    Value get(const char *name, Value fallback = Value()) const;
    // get() for a required parameter.
    Value required(const char *name) const;
    // The positional arguments a '*name' parameter took.
    const std::vector<Value> &rest() const { return m_rest; }

private:
    std::string m_function;
    std::vector<std::pair<std::string, Value>> m_bound;
    std::vector<Value> m_rest;
};

} // namespace core::cell
