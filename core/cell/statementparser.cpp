// The statements' half of the cell parser: lines of simple statements (expressions, assignments,
// imports) and `with EXPR as NAME:` blocks, over the expression parser of parserbase.h.

#include "core/cell/lexer.h"
#include "core/cell/parserbase.h"

#include <optional>

namespace core::cell {

namespace {

// Python's limit on nested blocks ("too many statically nested blocks"), checked after parsing
// as CPython's compiler does, so a syntax error further on wins.
constexpr int kMaxBlocks = 20;

class StatementParser : public detail::ExpressionParser {
public:
    using ExpressionParser::ExpressionParser;

    Program program()
    {
        Program p;
        p.statements = statements(0, true);
        if (m_blockError) throw *m_blockError;
        return p;
    }

private:
    // Lines of statements up to the end of the cell (top) or of the block (its Dedent).
    std::vector<Statement> statements(int nesting, bool top)
    {
        std::vector<Statement> out;
        for (;;) {
            const Token &t = cur();
            switch (t.kind) {
            case TokenKind::Error:
                raiseToken(t);
            case TokenKind::Newline:
                ++m_i;
                continue;
            case TokenKind::End:
                return out;
            case TokenKind::Dedent:
                if (top) failHere();
                ++m_i;
                return out;
            case TokenKind::Indent:
                throw SyntaxErrorAt("IndentationError", "unexpected indent", t.line, t.column);
            default:
                break;
            }
            if (isName("with"))
                out.push_back(withStatement(nesting));
            else
                simpleStatements(out);
        }
    }

    // statement (';' statement)* [';'] and the end of the line.
    void simpleStatements(std::vector<Statement> &out)
    {
        for (;;) {
            out.push_back(statement());
            if (cur().is(";")) {
                ++m_i;
                if (cur().kind == TokenKind::Newline || cur().kind == TokenKind::End) break;
                continue;
            }
            break;
        }
        if (cur().kind == TokenKind::Newline) {
            ++m_i;
            return;
        }
        if (cur().kind != TokenKind::End) failHere();
    }

    Statement withStatement(int nesting)
    {
        const Token &w = cur();
        Statement s;
        s.kind = StatementKind::With;
        s.line = w.line;
        s.column = w.column;
        if (nesting >= kMaxBlocks && !m_blockError)
            m_blockError.emplace("SyntaxError", "too many statically nested blocks", w.line,
                                 w.column);
        ++m_i;
        s.value = expression();
        if (isName("as")) {
            ++m_i;
            s.bound = name();
        }
        if (cur().is(",") || cur().is(".") || cur().is("["))
            throw SyntaxErrorAt("SyntaxError",
                                "these cells support 'with EXPR as NAME:' with one context "
                                "manager and a plain name",
                                cur().line, cur().column, "unexpected '" + cur().text + "'");
        if (!cur().is(":")) {
            if (cur().kind == TokenKind::Newline || cur().kind == TokenKind::End)
                throw SyntaxErrorAt("SyntaxError", "expected ':'", cur().line, cur().column);
            failHere();
        }
        ++m_i;
        if (cur().kind != TokenKind::Newline) { // with a: y = 2
            simpleStatements(s.body);
            return s;
        }
        ++m_i;
        if (cur().kind == TokenKind::Error) raiseToken(cur());
        if (cur().kind != TokenKind::Indent) {
            std::size_t k = m_i;
            while (k + 1 < m_t.size() && m_t[k].kind == TokenKind::Dedent)
                ++k;
            const Token &t = m_t[k];
            const bool atEnd = t.kind == TokenKind::End;
            throw SyntaxErrorAt("IndentationError",
                                "expected an indented block after 'with' statement on line " +
                                    std::to_string(w.line),
                                atEnd ? t.eofLine : t.line, atEnd ? t.eofColumn : t.column);
        }
        ++m_i;
        s.body = statements(nesting + 1, false);
        return s;
    }

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
        // A compound statement after ';' or on a one-line block is Python's invalid syntax.
        if (t.kind == TokenKind::Name && t.text == "with") failHere();
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

    std::optional<SyntaxErrorAt> m_blockError;
};

} // namespace

Program parseTokens(const std::vector<Token> &tokens)
{
    return StatementParser(tokens).program();
}

Program parseCell(std::string_view cell)
{
    return parseTokens(tokenize(cell));
}

} // namespace core::cell
