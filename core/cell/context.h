#pragma once
// What a running cell can reach besides its expressions: the notebook's variables, the MNIST
// arrays by name, the random generator and the text print() wrote; the cell's parsed program,
// which a GradientTape keeps; and whether a tape is re-running its block.

#include "core/cell/ast.h"
#include "core/cell/mt19937.h"
#include "core/cell/value.h"
#include "core/tensor/expression.h"

#include <functional>
#include <map>
#include <memory>
#include <string>

namespace core::cell {

struct Context {
    std::map<std::string, Value, std::less<>> &variables;
    const ArrayResolver &data;
    Mt19937 &random;
    std::string &output;
    std::shared_ptr<const Program> program = nullptr;
    bool differentiating = false;
};

} // namespace core::cell
