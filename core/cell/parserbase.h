#pragma once
// The expression half of the cell parser (parser.cpp), shared with the statements' half
// (statementparser.cpp): recursive descent over the lexer's tokens, with the helpers both use to
// raise Python's syntax errors. Internal to the parser; parser.h is its interface.

#include "core/cell/ast.h"
#include "core/cell/parser.h"
#include "core/cell/pyerror.h"
#include "core/cell/token.h"

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

namespace core::cell::detail {

class ExpressionParser {
public:
    explicit ExpressionParser(const std::vector<Token> &tokens) : m_t(tokens) {}

protected:
    std::string dotted();

    std::string name();

    // expr (',' expr)* [','] as a tuple without parentheses.
    NodePtr exprList();

    NodePtr expression();

    NodePtr arith();

    NodePtr term();

    template<class F> NodePtr binary(NodePtr left, F right);

    // A chain (a + a + ..., a[0][0]..., f()()...) deepens the tree without nesting brackets; the
    // evaluator recurses once per level, so a tree taller than kMaxHeight is refused as CPython's
    // compiler refuses one: a cell of 50,000 '+ a' would otherwise overflow the stack.
    void grown(Node &n) const;

    NodePtr factor();

    NodePtr primary();

    NodePtr call(NodePtr function);

    static const Node *lastItem(const Node &c);

    NodePtr subscript();

    NodePtr subscriptItem();

    NodePtr atom();

    NodePtr parenthesized();

    NodePtr list();

    // The rest of a display after its first element: (',' expr)* [','] close.
    void elements(Node &n, const char *close);

    void expectClose(const char *close);

    // After an element inside brackets: two expressions side by side are Python 3.11's "Perhaps
    // you forgot a comma?", reported at the first of them.
    [[noreturn]] void failAfterItem(const Node &item);

    // A syntax error at the current token, in Python's words; hint is the slice editor's.
    [[noreturn]] void failHere(std::string hint = {});

    static bool startsExpression(const Token &t)
    {
        switch (t.kind) {
        case TokenKind::Name:
            return !isKeyword(t.text) || t.text == "not" || t.text == "lambda";
        case TokenKind::Int:
        case TokenKind::Float:
        case TokenKind::String:
            return true;
        case TokenKind::Op:
            return t.is("(") || t.is("[") || t.is("-") || t.is("+") || t.is("~") || t.is("...");
        default:
            return false;
        }
    }

    [[noreturn]] static void raiseToken(const Token &t)
    {
        throw SyntaxErrorAt(t.errorType, t.text, t.line, t.column, t.hint, t.hintColumn);
    }

    struct Depth {
        explicit Depth(ExpressionParser &p) : m_p(p)
        {
            if (++m_p.m_depth > 2 * kMaxNesting) {
                const Token &t = m_p.cur();
                throw SyntaxErrorAt("SyntaxError",
                                    t.depth > 0 ? "too many nested parentheses"
                                                : "expression too deeply nested",
                                    t.line, t.column);
            }
        }
        ~Depth() { --m_p.m_depth; }
        ExpressionParser &m_p;
    };

    std::unique_ptr<Node> node(NodeKind kind, const Node &at) const
    {
        auto n = std::make_unique<Node>();
        n->kind = kind;
        n->line = at.line;
        n->column = at.column;
        return n;
    }

    static std::unique_ptr<Node> leaf(NodeKind kind, const Token &t)
    {
        auto n = std::make_unique<Node>();
        n->kind = kind;
        n->line = t.line;
        n->column = t.column;
        n->text = t.text;
        return n;
    }

    bool isName(const char *word) const
    {
        return cur().kind == TokenKind::Name && cur().text == word;
    }

    const Token &cur() const { return m_t[std::min(m_i, m_t.size() - 1)]; }

    const Token &next() const { return m_t[std::min(m_i + 1, m_t.size() - 1)]; }

    const std::vector<Token> &m_t;
    std::size_t m_i = 0;
    int m_depth = 0;
};

} // namespace core::cell::detail
