#pragma once
// A Python exception raised while a cell runs: its type as Python's traceback names it
// ("ValueError", "numpy.AxisError") and its message in NumPy's or Python's own wording.

#include <stdexcept>
#include <string>

namespace core::cell {

class PyError : public std::runtime_error {
public:
    PyError(std::string type, const std::string &message)
        : std::runtime_error(message), m_type(std::move(type))
    {}
    const std::string &type() const { return m_type; }

private:
    std::string m_type;
};

// A SyntaxError or IndentationError with the 1-based line and column Python reports. hint is a
// longer explanation for the slice editor (the MNIST page), at hintColumn; empty when Python's
// message says it all.
class SyntaxErrorAt : public PyError {
public:
    SyntaxErrorAt(std::string type, const std::string &message, int line, int column,
                  std::string hint = {}, int hintColumn = 0)
        : PyError(std::move(type), message), m_line(line), m_column(column),
          m_hint(std::move(hint)), m_hintColumn(hintColumn ? hintColumn : column)
    {}
    int line() const { return m_line; }
    int column() const { return m_column; }
    const std::string &hint() const { return m_hint; }
    int hintColumn() const { return m_hintColumn; }

private:
    int m_line;
    int m_column;
    std::string m_hint;
    int m_hintColumn;
};

[[noreturn]] inline void raise(const char *type, const std::string &message)
{
    throw PyError(type, message);
}

} // namespace core::cell
