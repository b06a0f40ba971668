#pragma once
// The tokens of the cell language, a subset of Python's.

#include <cstdint>
#include <string>

namespace core::cell {

// Error: the tokenizer stopped here (message in text, type in errorType); the parser raises it
// when it gets this far, so an earlier syntax error wins as in Python. Indent and Dedent open and
// close a deeper-indented block, as Python's INDENT and DEDENT (only `with` takes one); an Indent's
// column is the width of the indentation in characters, where Python reports "unexpected indent".
enum class TokenKind { Name, Int, Float, String, Op, Newline, End, Error, Indent, Dedent };

struct Token {
    TokenKind kind = TokenKind::End;
    std::string text;       // the source spelling; for String the decoded value
    int line = 1;           // 1-based
    int column = 1;         // 1-based byte column in its line
    std::size_t offset = 0; // byte offset in the cell
    std::int64_t intValue = 0;
    bool overflow = false; // an Int literal past int64
    double floatValue = 0;
    int depth = 0;         // bracket nesting level at this token (Python's "level")
    std::string errorType; // Error: "SyntaxError" or "IndentationError"
    std::string hint;      // Error: the slice editor's longer wording
    int hintColumn = 0;
    // End: the innermost bracket left open, if any (for "'[' was never closed").
    std::string openBracket;
    int openLine = 0, openColumn = 0;
    // End: just past the last line that is not blank (comments count), where Python reports a
    // block missing at the end of the cell.
    int eofLine = 1, eofColumn = 1;
    bool is(const char *op) const { return kind == TokenKind::Op && text == op; }
};

} // namespace core::cell
