#include "core/cell/parser.h"

#include "core/cell/lexer.h"
#include "core/cell/pyerror.h"

#include <algorithm>
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

namespace {

class Parser {
public:
    explicit Parser(const std::vector<Token> &tokens) : m_t(tokens) {}

    Program program()
    {
        Program p;
        while (cur().kind != TokenKind::End) {
            if (cur().kind == TokenKind::Error) raiseToken(cur());
            if (cur().kind == TokenKind::Newline) {
                ++m_i;
                continue;
            }
            for (;;) {
                p.statements.push_back(statement());
                if (cur().is(";")) {
                    ++m_i;
                    if (cur().kind == TokenKind::Newline || cur().kind == TokenKind::End) break;
                    continue;
                }
                break;
            }
            if (cur().kind == TokenKind::Newline) {
                ++m_i;
                continue;
            }
            if (cur().kind == TokenKind::End) break;
            failHere();
        }
        return p;
    }

private:
    Statement statement()
    {
        const Token &t = cur();
        Statement s;
        s.line = t.line;
        s.column = t.column;
        if (t.kind == TokenKind::Name && t.text == "import") {
            ++m_i;
            s.kind = StatementKind::Import;
            for (;;) {
                ImportName n;
                n.module = dotted();
                n.bound = n.module.substr(0, n.module.find('.'));
                if (isName("as")) {
                    ++m_i;
                    n.bound = name();
                }
                s.imports.push_back(std::move(n));
                if (!cur().is(",")) break;
                ++m_i;
            }
            return s;
        }
        if (t.kind == TokenKind::Name && t.text == "from") {
            ++m_i;
            s.kind = StatementKind::Import;
            const std::string module = dotted();
            if (!isName("import")) failHere();
            ++m_i;
            for (;;) {
                ImportName n;
                const std::string what = name();
                n.module = module + "." + what;
                n.bound = what;
                if (isName("as")) {
                    ++m_i;
                    n.bound = name();
                }
                s.imports.push_back(std::move(n));
                if (!cur().is(",")) break;
                ++m_i;
            }
            return s;
        }
        if (t.kind == TokenKind::Name && isKeyword(t.text) && t.text != "not" && t.text != "lambda")
            throw SyntaxErrorAt("SyntaxError",
                                "'" + t.text + "' statements are not supported in these cells",
                                t.line, t.column, "unexpected '" + t.text + "'");
        NodePtr first = exprList();
        if (!cur().is("=")) {
            if (cur().kind == TokenKind::Op && cur().text.size() >= 2 && cur().text.back() == '=' &&
                cur().text != "==" && cur().text != "<=" && cur().text != ">=" &&
                cur().text != "!=")
                throw SyntaxErrorAt("SyntaxError",
                                    "augmented assignment ('" + cur().text +
                                        "') is not supported in these cells",
                                    cur().line, cur().column, "unexpected '" + cur().text + "'");
            s.value = std::move(first);
            return s;
        }
        s.kind = StatementKind::Assign;
        std::vector<NodePtr> chain;
        chain.push_back(std::move(first));
        while (cur().is("=")) {
            ++m_i;
            chain.push_back(exprList());
        }
        s.value = std::move(chain.back());
        chain.pop_back();
        for (auto &target : chain) {
            checkTarget(*target);
            s.targets.push_back(std::move(target));
        }
        return s;
    }

    void checkTarget(const Node &n)
    {
        const char *what = nullptr;
        switch (n.kind) {
        case NodeKind::Name:
        case NodeKind::Attribute:
        case NodeKind::Subscript:
            return;
        case NodeKind::Tuple:
        case NodeKind::List:
            for (const auto &c : n.children)
                checkTarget(*c);
            return;
        case NodeKind::Int:
        case NodeKind::Float:
        case NodeKind::Str:
        case NodeKind::Ellipsis:
            what = "literal";
            break;
        case NodeKind::Constant:
            throw SyntaxErrorAt("SyntaxError", "cannot assign to " + n.text, n.line, n.column);
        case NodeKind::Call:
            what = "function call";
            break;
        default:
            what = "expression";
            break;
        }
        throw SyntaxErrorAt("SyntaxError",
                            std::string("cannot assign to ") + what +
                                " here. Maybe you meant '==' instead of '='?",
                            n.line, n.column);
    }

    std::string dotted()
    {
        std::string out = name();
        while (cur().is(".")) {
            ++m_i;
            out += "." + name();
        }
        return out;
    }

    std::string name()
    {
        if (cur().kind != TokenKind::Name || isKeyword(cur().text)) failHere();
        return m_t[m_i++].text;
    }

    // expr (',' expr)* [','] as a tuple without parentheses.
    NodePtr exprList()
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

    NodePtr expression()
    {
        Depth d(*this);
        return arith();
    }

    NodePtr arith()
    {
        NodePtr left = term();
        while (cur().is("+") || cur().is("-"))
            left = binary(std::move(left), [this] { return term(); });
        return left;
    }

    NodePtr term()
    {
        NodePtr left = factor();
        while (cur().is("*") || cur().is("/") || cur().is("//") || cur().is("%") || cur().is("@"))
            left = binary(std::move(left), [this] { return factor(); });
        return left;
    }

    template<class F> NodePtr binary(NodePtr left, F right)
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

    // A chain (a + a + ..., a[0][0]..., f()()...) deepens the tree without nesting brackets; the
    // evaluator recurses once per level, so a tree taller than kMaxHeight is refused as CPython's
    // compiler refuses one: a cell of 50,000 '+ a' would otherwise overflow the stack.
    void grown(Node &n) const
    {
        for (const NodePtr &c : n.children)
            if (c) n.height = std::max(n.height, c->height + 1);
        if (n.height > kMaxHeight)
            throw SyntaxErrorAt("RecursionError",
                                "maximum recursion depth exceeded during compilation", n.line,
                                n.column);
    }

    NodePtr factor()
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

    NodePtr primary()
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

    NodePtr call(NodePtr function)
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
                    throw SyntaxErrorAt("SyntaxError",
                                        "positional argument follows keyword argument", cur().line,
                                        cur().column);
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

    static const Node *lastItem(const Node &c)
    {
        if (!c.keywords.empty() &&
            (c.children.size() < 2 || c.keywords.back().line > c.children.back()->line ||
             (c.keywords.back().line == c.children.back()->line &&
              c.keywords.back().column > c.children.back()->column)))
            return c.keywords.back().value.get();
        return c.children.back().get();
    }

    NodePtr subscript()
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

    NodePtr subscriptItem()
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

    NodePtr atom()
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
                                    "dictionaries and sets are not supported in these cells",
                                    t.line, t.column, "unexpected '{'");
            break;
        default:
            break;
        }
        failHere();
    }

    NodePtr parenthesized()
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

    NodePtr list()
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
    void elements(Node &n, const char *close)
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

    void expectClose(const char *close)
    {
        if (!cur().is(close)) failHere();
        ++m_i;
    }

    // After an element inside brackets: two expressions side by side are Python 3.11's "Perhaps
    // you forgot a comma?", reported at the first of them.
    [[noreturn]] void failAfterItem(const Node &item)
    {
        if (startsExpression(cur()) && cur().depth > 0)
            throw SyntaxErrorAt("SyntaxError", "invalid syntax. Perhaps you forgot a comma?",
                                item.line, item.column, "expected ',' between the items",
                                cur().column);
        failHere(cur().kind == TokenKind::End || cur().kind == TokenKind::Error
                     ? std::string()
                     : "unexpected '" + cur().text + "'");
    }

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

    // A syntax error at the current token, in Python's words; hint is the slice editor's.
    [[noreturn]] void failHere(std::string hint = {})
    {
        const Token &t = cur();
        if (t.kind == TokenKind::Error) raiseToken(t);
        if (t.kind == TokenKind::End && !t.openBracket.empty()) {
            const char close = t.openBracket == "(" ? ')' : t.openBracket == "[" ? ']' : '}';
            throw SyntaxErrorAt("SyntaxError", "'" + t.openBracket + "' was never closed",
                                t.openLine, t.openColumn,
                                std::string("expected '") + close + "' to close the '" +
                                    t.openBracket + "' at column " + std::to_string(t.openColumn),
                                t.column);
        }
        if (hint.empty() && t.kind != TokenKind::End && t.kind != TokenKind::Newline)
            hint = "unexpected '" + t.text + "'";
        if (t.kind == TokenKind::Newline && t.text.empty() && hint.empty())
            hint = "unexpected end of the cell";
        throw SyntaxErrorAt("SyntaxError", "invalid syntax", t.line, t.column, hint);
    }

    struct Depth {
        explicit Depth(Parser &p) : m_p(p)
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
        Parser &m_p;
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

} // namespace

Program parseTokens(const std::vector<Token> &tokens)
{
    return Parser(tokens).program();
}

Program parseCell(std::string_view cell)
{
    return parseTokens(tokenize(cell));
}

} // namespace core::cell
