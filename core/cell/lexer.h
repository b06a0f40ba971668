#pragma once
// Splits a cell into tokens as Python's tokenizer does: names, numbers (with '_' and 0x/0o/0b),
// strings, operators, comments, implicit line joining inside brackets and backslash continuation.
// Throws SyntaxErrorAt with Python's wording ("'[' was never closed", "unmatched ')'",
// "invalid character '€' (U+20AC)", "unexpected indent", ...).

#include "core/cell/token.h"

#include <string_view>
#include <vector>

namespace core::cell {

// Bracket nesting beyond this is "too many nested parentheses" (Python's tokenizer limit).
constexpr int kMaxBracketDepth = 200;

std::vector<Token> tokenize(std::string_view cell);

} // namespace core::cell
