#pragma once
// Runs notebook cells of the book's chapter 2 as NumPy 1.24 would, with no Python:
//
//   core::cell::Session s(core::mnistArrays(data));       // train_images ... by name (optional)
//   core::cell::CellResult r = s.run("x = np.array([[1, 2], [3, 4]])\nx.T @ x");
//   r.output        // what print() wrote, "" here
//   r.valueRepr     // "array([[10, 14],\n       [14, 20]])", the notebook's Out[] text
//   r.value->asArray().shape()  // {2, 2}
//   r.error->text() // on failure: "ValueError: operands could not be broadcast ..."
//
// Variables persist between run() calls, as in a notebook. A cell may allocate at most
// memoryLimit() bytes of arrays; past that it fails with NumPy's MemoryError before allocating.

#include "core/cell/mt19937.h"
#include "core/cell/tape.h"
#include "core/cell/value.h"
#include "core/tensor/expression.h"

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace core::cell {

struct CellError {
    std::string type;    // Python's exception name: "ValueError", "numpy.AxisError", "SyntaxError"
    std::string message; // the text after "Type: ", NumPy's or Python's own wording
    int line = 0;        // 1-based line of the cell the error comes from (0 when unknown)
    int column = 0;      // 1-based column (SyntaxError: where the parser stopped; else the
                         // statement's first column)
    // Python's last traceback line: "ValueError: shapes (2,3) and (4,) not aligned: ..."
    std::string text() const { return message.empty() ? type : type + ": " + message; }
};

struct CellResult {
    std::string output;         // everything print() wrote, with its newlines
    std::optional<Value> value; // the last statement's value when it is an expression (not None)
    std::string valueRepr;      // repr(value), empty when there is no value
    std::optional<CellError> error;
    bool ok() const { return !error.has_value(); }
};

class Session {
public:
    static constexpr std::int64_t kDefaultMemoryLimit = std::int64_t{1} << 30; // 1 GiB a cell

    // data names arrays a cell can use without defining them (the MNIST arrays), and is what
    // mnist.load_data() returns: ((train_images, train_labels), (test_images, test_labels)).
    explicit Session(ArrayResolver data = {});

    // Runs one cell: statements on several lines or separated by ';'. Never throws.
    CellResult run(std::string_view cell);

    // The arrays named without being defined, for the next cells (a newly loaded data set).
    void setData(ArrayResolver data) { m_data = std::move(data); }

    // The notebook's variables.
    std::optional<Value> variable(const std::string &name) const;
    void setVariable(const std::string &name, Value value);
    void clearVariables();
    // The recording of `with tf.GradientTape() as name:` (nullptr when name is not a tape that
    // has recorded a block). It stays valid, and usable from any thread, after later cells.
    std::shared_ptr<const RecordedTape> tape(const std::string &name) const;

    // Stops the running cell (from another thread) at its next statement or chunk of work, with
    // KeyboardInterrupt, and every later cell: for closing the app without waiting for a long
    // product to end.
    void interrupt() { m_interrupt = true; }

    std::int64_t memoryLimit() const { return m_memoryLimit; }
    void setMemoryLimit(std::int64_t bytes) { m_memoryLimit = bytes; }

private:
    ArrayResolver m_data;
    std::map<std::string, Value, std::less<>> m_variables;
    std::int64_t m_memoryLimit = kDefaultMemoryLimit;
    Mt19937 m_random; // NumPy's legacy global generator, one per notebook
    std::atomic<bool> m_interrupt{false};
};

} // namespace core::cell
