#pragma once
// Parses a cell into a Program: a recursive-descent parser over the lexer's tokens for the subset
// of Python the chapter uses (assignment with tuple unpacking, imports, calls with keywords,
// subscripts and slices, attributes, + - * / @ // % ** and unary -, and `with EXPR as NAME:`
// blocks). Throws SyntaxErrorAt with Python 3.11's message and column. Nesting deeper than
// kMaxNesting is refused before the recursion can exhaust the stack. Expressions are parsed in
// parser.cpp, statements in statementparser.cpp.

#include "core/cell/ast.h"
#include "core/cell/token.h"

#include <string_view>
#include <vector>

namespace core::cell {

constexpr int kMaxNesting = 200;
// The tallest expression tree a cell may build (chains of operators, subscripts and calls).
constexpr int kMaxHeight = 1000;

// Python's reserved words ("import", "if", "not", ...); None, True and False are constants.
bool isKeyword(std::string_view word);

Program parseCell(std::string_view cell);
Program parseTokens(const std::vector<Token> &tokens);

} // namespace core::cell
