#include "core/cell/callargs.h"

#include "core/cell/pyerror.h"

#include <algorithm>

namespace core::cell {

void CallArgs::bind(const std::string &function, std::initializer_list<const char *> parameters)
{
    m_function = function;
    m_bound.clear();
    m_rest.clear();
    std::vector<std::string> names(parameters.begin(), parameters.end());
    std::size_t next = 0;
    for (std::size_t p = 0; p < names.size() && next < positional.size(); ++p) {
        if (names[p][0] == '*') {
            m_rest.assign(positional.begin() + static_cast<std::ptrdiff_t>(next), positional.end());
            next = positional.size();
            break;
        }
        m_bound.emplace_back(names[p], positional[next++]);
    }
    if (next < positional.size()) {
        std::size_t count = 0;
        for (const auto &n : names)
            if (n[0] != '*') ++count;
        raise("TypeError", m_function + "() takes at most " + std::to_string(count) +
                               " positional argument" + (count == 1 ? "" : "s") + " (" +
                               std::to_string(positional.size()) + " given)");
    }
    for (const auto &[name, value] : keywords) {
        if (std::find(names.begin(), names.end(), name) == names.end())
            raise("TypeError", m_function + "() got an unexpected keyword argument '" + name + "'");
        for (const auto &b : m_bound)
            if (b.first == name)
                raise("TypeError", "argument for " + m_function + "() given by name ('" + name +
                                       "') and position");
        m_bound.emplace_back(name, value);
    }
}

bool CallArgs::has(const char *name) const
{
    for (const auto &b : m_bound)
        if (b.first == name) return true;
    return false;
}

Value CallArgs::get(const char *name, Value fallback) const
{
    for (const auto &b : m_bound)
        if (b.first == name) return b.second;
    return fallback;
}

Value CallArgs::required(const char *name) const
{
    if (!has(name)) raise("TypeError", m_function + "() missing required argument '" + name + "'");
    return get(name);
}

} // namespace core::cell
