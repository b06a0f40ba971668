#include "core/cell/parserbase.h"

#include <array>

namespace core::cell {

bool isKeyword(std::string_view word)
{
    static constexpr std::array<std::string_view, 32> kKeywords = {
        "and",    "as",   "assert", "async",  "await",  "break",   "class",    "continue",
        "def",    "del",  "elif",   "else",   "except", "finally", "for",      "from",
        "global", "if",   "import", "in",     "is",     "lambda",  "nonlocal", "not",
        "or",     "pass", "raise",  "return", "try",    "while",   "with",     "yield"};
    return std::find(kKeywords.begin(), kKeywords.end(), word) != kKeywords.end();
}

} // namespace core::cell

namespace core::cell::detail {

template<class F> NodePtr ExpressionParser::binary(NodePtr left, F right)
{
    const Token &op = m_t[m_i++];
    auto n = node(NodeKind::Binary, *left);
    n->text = op.text;
    n->opLine = op.line;
    n->opColumn = op.column;
    n->children.push_back(std::move(left));
    n->children.push_back(right());
    grown(*n);
    return n;
}

std::string ExpressionParser::dotted()
{
    std::string out = name();
    while (cur().is(".")) {
        ++m_i;
        out += "." + name();
    }
    return out;
}

std::string ExpressionParser::name()
{
    if (cur().kind != TokenKind::Name || isKeyword(cur().text)) failHere();
    return m_t[m_i++].text;
}

// expr (',' expr)* [','] as a tuple without parentheses.
NodePtr ExpressionParser::exprList()
{
    NodePtr first = expression();
    if (!cur().is(",")) return first;
    auto tuple = node(NodeKind::Tuple, *first);
    tuple->children.push_back(std::move(first));
    while (cur().is(",")) {
        ++m_i;
        if (!startsExpression(cur())) break;
        tuple->children.push_back(expression());
    }
    return tuple;
}

NodePtr ExpressionParser::expression()
{
    Depth d(*this);
    return arith();
}

NodePtr ExpressionParser::arith()
{
    NodePtr left = term();
    while (cur().is("+") || cur().is("-"))
        left = binary(std::move(left), [this] { return term(); });
    return left;
}

NodePtr ExpressionParser::term()
{
    NodePtr left = factor();
    while (cur().is("*") || cur().is("/") || cur().is("//") || cur().is("%") || cur().is("@"))
        left = binary(std::move(left), [this] { return factor(); });
    return left;
}

// A chain (a + a + ..., a[0][0]..., f()()...) deepens the tree without nesting brackets; the
// evaluator recurses once per level, so a tree taller than kMaxHeight is refused as CPython's
// compiler refuses one: a cell of 50,000 '+ a' would otherwise overflow the stack.
void ExpressionParser::grown(Node &n) const
{
    for (const NodePtr &c : n.children)
        if (c) n.height = std::max(n.height, c->height + 1);
    if (n.height > kMaxHeight)
        throw SyntaxErrorAt("RecursionError", "maximum recursion depth exceeded during compilation",
                            n.line, n.column);
}

NodePtr ExpressionParser::factor()
{
    if (cur().is("-") || cur().is("+") || cur().is("~")) {
        Depth d(*this);
        const Token &op = m_t[m_i++];
        auto n = std::make_unique<Node>();
        n->kind = NodeKind::Unary;
        n->line = op.line;
        n->column = op.column;
        n->text = op.text;
        if (!startsExpression(cur()) && cur().kind != TokenKind::Error)
            failHere("expected a number after the sign");
        n->children.push_back(factor());
        grown(*n);
        return n;
    }
    NodePtr base = primary();
    if (cur().is("**")) return binary(std::move(base), [this] { return factor(); });
    return base;
}

NodePtr ExpressionParser::primary()
{
    NodePtr n = atom();
    for (;;) {
        if (cur().is(".")) {
            ++m_i;
            if (cur().kind != TokenKind::Name || isKeyword(cur().text))
                failHere("expected an attribute after '.'");
            auto a = node(NodeKind::Attribute, *n);
            a->text = cur().text;
            a->opLine = cur().line;
            a->opColumn = cur().column;
            ++m_i;
            a->children.push_back(std::move(n));
            grown(*a);
            n = std::move(a);
        } else if (cur().is("(")) {
            n = call(std::move(n));
        } else if (cur().is("[")) {
            auto s = node(NodeKind::Subscript, *n);
            s->opLine = cur().line;
            s->opColumn = cur().column;
            ++m_i;
            s->children.push_back(std::move(n));
            s->children.push_back(subscript());
            expectClose("]");
            grown(*s);
            n = std::move(s);
        } else {
            return n;
        }
    }
}

NodePtr ExpressionParser::call(NodePtr function)
{
    auto c = node(NodeKind::Call, *function);
    c->opLine = cur().line;
    c->opColumn = cur().column;
    ++m_i; // '('
    c->children.push_back(std::move(function));
    while (!cur().is(")")) {
        const Token &t = cur();
        if (t.kind == TokenKind::Name && !isKeyword(t.text) && next().is("=")) {
            Keyword k;
            k.name = t.text;
            k.line = t.line;
            k.column = t.column;
            m_i += 2;
            k.value = expression();
            c->keywords.push_back(std::move(k));
        } else {
            NodePtr arg = expression();
            if (!c->keywords.empty())
                throw SyntaxErrorAt("SyntaxError", "positional argument follows keyword argument",
                                    cur().line, cur().column);
            c->children.push_back(std::move(arg));
        }
        if (cur().is(",")) {
            ++m_i;
            continue;
        }
        if (!cur().is(")")) failAfterItem(*lastItem(*c));
    }
    ++m_i;
    grown(*c);
    return c;
}

const Node *ExpressionParser::lastItem(const Node &c)
{
    if (!c.keywords.empty() &&
        (c.children.size() < 2 || c.keywords.back().line > c.children.back()->line ||
         (c.keywords.back().line == c.children.back()->line &&
          c.keywords.back().column > c.children.back()->column)))
        return c.keywords.back().value.get();
    return c.children.back().get();
}

NodePtr ExpressionParser::subscript()
{
    if (cur().is("]"))
        failHere("empty subscript: write an index such as [0] or a slice such as [:10]");
    std::vector<NodePtr> items;
    bool comma = false;
    const Token &first = cur();
    for (;;) {
        items.push_back(subscriptItem());
        if (cur().is(",")) {
            comma = true;
            ++m_i;
            if (cur().is("]")) break;
            continue;
        }
        if (cur().is("]")) break;
        if (startsExpression(cur()) && cur().depth > 0 && items.back()->kind != NodeKind::Slice)
            failAfterItem(*items.back());
        failHere(cur().kind == TokenKind::End
                     ? std::string()
                     : "expected ',' or ']' but found '" + cur().text + "'");
    }
    if (items.size() == 1 && !comma) return std::move(items[0]);
    auto t = std::make_unique<Node>();
    t->kind = NodeKind::Tuple;
    t->line = first.line;
    t->column = first.column;
    t->children = std::move(items);
    return t;
}

NodePtr ExpressionParser::subscriptItem()
{
    const Token &start = cur();
    NodePtr lower;
    if (!cur().is(":")) {
        if (!startsExpression(cur()) && cur().kind != TokenKind::Error)
            failHere(cur().is("]") || cur().is(",")
                         ? "expected an index"
                         : "expected an index but found '" + cur().text + "'");
        lower = expression();
        if (!cur().is(":")) return lower;
    }
    auto s = std::make_unique<Node>();
    s->kind = NodeKind::Slice;
    s->line = start.line;
    s->column = start.column;
    ++m_i; // ':'
    NodePtr upper, step;
    if (startsExpression(cur())) upper = expression();
    if (cur().is(":")) {
        ++m_i;
        if (startsExpression(cur())) step = expression();
    }
    s->children.push_back(std::move(lower));
    s->children.push_back(std::move(upper));
    s->children.push_back(std::move(step));
    return s;
}

NodePtr ExpressionParser::atom()
{
    const Token &t = cur();
    switch (t.kind) {
    case TokenKind::Name: {
        if (t.text == "None" || t.text == "True" || t.text == "False") {
            auto n = leaf(NodeKind::Constant, t);
            ++m_i;
            return n;
        }
        if (isKeyword(t.text)) failHere();
        auto n = leaf(NodeKind::Name, t);
        ++m_i;
        return n;
    }
    case TokenKind::Int: {
        auto n = leaf(NodeKind::Int, t);
        n->intValue = t.intValue;
        n->overflow = t.overflow;
        ++m_i;
        return n;
    }
    case TokenKind::Float: {
        auto n = leaf(NodeKind::Float, t);
        n->floatValue = t.floatValue;
        ++m_i;
        return n;
    }
    case TokenKind::String: {
        auto n = leaf(NodeKind::Str, t);
        ++m_i;
        while (cur().kind == TokenKind::String)
            n->text += m_t[m_i++].text;
        return n;
    }
    case TokenKind::Op:
        if (t.is("...")) {
            auto n = leaf(NodeKind::Ellipsis, t);
            ++m_i;
            return n;
        }
        if (t.is("(")) return parenthesized();
        if (t.is("[")) return list();
        if (t.is("{"))
            throw SyntaxErrorAt("SyntaxError",
                                "dictionaries and sets are not supported in these cells", t.line,
                                t.column, "unexpected '{'");
        break;
    default:
        break;
    }
    failHere();
}

NodePtr ExpressionParser::parenthesized()
{
    const Token &open = m_t[m_i++];
    if (cur().is(")")) {
        ++m_i;
        auto t = leaf(NodeKind::Tuple, open);
        t->parenthesized = true;
        return t;
    }
    NodePtr first = expression();
    if (cur().is(")")) {
        ++m_i;
        first->parenthesized = true;
        return first;
    }
    auto t = leaf(NodeKind::Tuple, open);
    t->parenthesized = true;
    t->children.push_back(std::move(first));
    elements(*t, ")");
    return t;
}

NodePtr ExpressionParser::list()
{
    const Token &open = m_t[m_i++];
    auto l = leaf(NodeKind::List, open);
    if (cur().is("]")) {
        ++m_i;
        return l;
    }
    l->children.push_back(expression());
    elements(*l, "]");
    return l;
}

// The rest of a display after its first element: (',' expr)* [','] close.
void ExpressionParser::elements(Node &n, const char *close)
{
    for (;;) {
        if (cur().is(close)) {
            ++m_i;
            return;
        }
        if (!cur().is(",")) failAfterItem(*n.children.back());
        ++m_i;
        if (cur().is(close)) {
            ++m_i;
            return;
        }
        n.children.push_back(expression());
    }
}

void ExpressionParser::expectClose(const char *close)
{
    if (!cur().is(close)) failHere();
    ++m_i;
}

// After an element inside brackets: two expressions side by side are Python 3.11's "Perhaps
// you forgot a comma?", reported at the first of them.
void ExpressionParser::failAfterItem(const Node &item)
{
    if (startsExpression(cur()) && cur().depth > 0)
        throw SyntaxErrorAt("SyntaxError", "invalid syntax. Perhaps you forgot a comma?", item.line,
                            item.column, "expected ',' between the items", cur().column);
    failHere(cur().kind == TokenKind::End || cur().kind == TokenKind::Error
                 ? std::string()
                 : "unexpected '" + cur().text + "'");
}

// A syntax error at the current token, in Python's words; hint is the slice editor's.
void ExpressionParser::failHere(std::string hint)
{
    const Token &t = cur();
    if (t.kind == TokenKind::Error) raiseToken(t);
    if (t.kind == TokenKind::End && !t.openBracket.empty()) {
        const char close = t.openBracket == "(" ? ')' : t.openBracket == "[" ? ']' : '}';
        throw SyntaxErrorAt("SyntaxError", "'" + t.openBracket + "' was never closed", t.openLine,
                            t.openColumn,
                            std::string("expected '") + close + "' to close the '" + t.openBracket +
                                "' at column " + std::to_string(t.openColumn),
                            t.column);
    }
    if (hint.empty() && t.kind != TokenKind::End && t.kind != TokenKind::Newline)
        hint = "unexpected '" + t.text + "'";
    if (t.kind == TokenKind::Newline && t.text.empty() && hint.empty())
        hint = "unexpected end of the cell";
    throw SyntaxErrorAt("SyntaxError", "invalid syntax", t.line, t.column, hint);
}

} // namespace core::cell::detail
