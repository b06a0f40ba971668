#pragma once
// Typed errors thrown by the core. Messages name what was expected and what was found, and use
// NumPy's wording where NumPy has one, so the UI and the command line can show them verbatim.

#include <stdexcept>
#include <string>

namespace core {

// A file or byte stream that is not what it claims to be (IDX, model files).
class FormatError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// An index out of range or an indexing expression that does not fit the array (NumPy IndexError).
class IndexError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// A value that does not fit the operation, e.g. a reshape to the wrong size (NumPy ValueError).
class ValueError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// An unknown array name in an expression (Python NameError).
class NameError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// A syntax error in an expression; column() is 1-based and points at the offending character.
class ParseError : public std::runtime_error {
public:
    ParseError(int column, const std::string &what)
        : std::runtime_error("column " + std::to_string(column) + ": " + what), m_column(column),
          m_detail(what)
    {}
    int column() const { return m_column; }
    const std::string &detail() const { return m_detail; }

private:
    int m_column;
    std::string m_detail;
};

} // namespace core
