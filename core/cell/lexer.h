#pragma once
// Splits a cell into tokens as Python's tokenizer does: names, numbers (with '_' and 0x/0o/0b),
// strings, operators, comments, implicit line joining inside brackets and backslash continuation,
// and indentation (Indent/Dedent tokens, tabs to multiples of 8 as Python counts them). Errors
// become an Error token with Python's wording ("'[' was never closed", "unmatched ')'",
// "invalid character '€' (U+20AC)", "unindent does not match any outer indentation level",
// "inconsistent use of tabs and spaces in indentation", ...).

#include "core/cell/token.h"

#include <string_view>
#include <vector>

namespace core::cell {

// Bracket nesting beyond this is "too many nested parentheses" (Python's tokenizer limit).
constexpr int kMaxBracketDepth = 200;
// Indentation levels beyond this are "too many levels of indentation" (Python's MAXINDENT).
constexpr int kMaxIndentLevels = 100;

std::vector<Token> tokenize(std::string_view cell);

} // namespace core::cell
