// parseExpression: the notebook cells' lexer and parser read the text as one Python expression,
// and the tree is kept to the slicing language of expression.h.

#include "core/tensor/expression.h"

#include "core/cell/lexer.h"
#include "core/cell/parser.h"
#include "core/cell/pyerror.h"
#include "core/errors.h"

#include <algorithm>
#include <cctype>
#include <utility>

namespace core {

namespace {

using cell::Node;
using cell::NodeKind;
using cell::Token;
using cell::TokenKind;

constexpr const char *kArrayName = "expected an array name such as train_images";
constexpr const char *kIndexKinds = "only integers, slices (':'), '...' and None are valid indices";

// Messages stay on one line (the command line prints one): a string's newline shows as \n.
std::string oneLine(std::string_view text)
{
    std::string out;
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '\n')
            out += "\\n";
        else if (c == '\r')
            out += "\\r";
        else if (u < 0x20 || u == 0x7F) {
            static constexpr char kHex[] = "0123456789abcdef";
            out += {'\\', 'x', kHex[u >> 4], kHex[u & 15]};
        } else
            out += c;
    }
    return out;
}

// The 1-based column in the whole text of a (line, column) of the cell parser, which reads the
// text after its leading blanks: eval() strips them, where the lexer would call them an indent.
class Columns {
public:
    Columns(std::string_view text, std::size_t lead) : m_lead(lead)
    {
        for (std::size_t i = lead; i < text.size(); ++i)
            if (text[i] == '\n' ||
                (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n')))
                m_lineStarts.push_back(i + 1 - lead);
    }
    int at(int line, int column) const
    {
        const auto l = std::clamp<std::size_t>(static_cast<std::size_t>(std::max(line, 1)), 1,
                                               m_lineStarts.size());
        return static_cast<int>(m_lead + m_lineStarts[l - 1]) + column;
    }

private:
    std::size_t m_lead;
    std::vector<std::size_t> m_lineStarts{0};
};

// Turns the cell parser's tree of one expression into an Expression, refusing what the slicing
// language lacks at the column of the part that does not fit.
class Converter {
public:
    explicit Converter(const Columns &columns) : m_columns(columns) {}

    Expression expression(const Node &root)
    {
        if (root.kind == NodeKind::Binary)
            rejectOperator(root, [this](const Node &left) { expression(left); });
        const std::vector<const Node *> links = chain(root);
        const Node &base = *links[0];
        if (links.size() < 2 || base.kind != NodeKind::Name || base.text != "len" ||
            links[1]->kind != NodeKind::Call)
            return access(root, false);
        Expression e = access(argument(*links[1]), true);
        e.attribute = Attribute::LenOf;
        if (links.size() > 2) unexpectedAfter(*links[2]);
        return e;
    }

private:
    // NAME ('[' items ']')* ('.' attribute)?; an attribute is refused inside len().
    Expression access(const Node &node, bool inLen)
    {
        if (node.kind == NodeKind::Binary)
            rejectOperator(node, [&](const Node &left) { access(left, inLen); });
        const std::vector<const Node *> links = chain(node);
        const Node &base = *links[0];
        if (base.kind != NodeKind::Name) fail(base, kArrayName);
        Expression e;
        e.name = base.text;
        std::size_t i = 1;
        for (; i < links.size() && e.attribute == Attribute::None; ++i) {
            const Node &link = *links[i];
            if (link.kind == NodeKind::Subscript) {
                e.subscripts.push_back(items(*link.children[1]));
            } else if (link.kind == NodeKind::Attribute) {
                e.attribute = attribute(link);
                if (inLen)
                    failAt(link.opLine, link.opColumn, "len() takes an array, not an attribute");
            } else if (i == 1 && base.text == "len") { // len(len(a))
                fail(base, "len() takes an array, not a number");
            } else {
                failAt(link.opLine, link.opColumn,
                       i == 1 ? "unexpected '(': only len() can be called here"
                              : "unexpected '(' after the expression");
            }
        }
        if (i < links.size()) unexpectedAfter(*links[i]);
        return e;
    }

    // The postfix chain of node from its base up: a[0].shape is {a, a[0], a[0].shape}.
    static std::vector<const Node *> chain(const Node &node)
    {
        std::vector<const Node *> out;
        const Node *n = &node;
        for (; n->kind == NodeKind::Subscript || n->kind == NodeKind::Attribute ||
               n->kind == NodeKind::Call;
             n = n->children[0].get())
            out.push_back(n);
        out.push_back(n);
        std::reverse(out.begin(), out.end());
        return out;
    }

    const Node &argument(const Node &call)
    {
        if (!call.keywords.empty())
            failAt(call.keywords[0].line, call.keywords[0].column,
                   "len() takes no keyword arguments");
        const std::size_t given = call.children.size() - 1;
        if (given == 0)
            failAt(call.opLine, call.opColumn, "len() takes exactly one argument (0 given)");
        if (given > 1)
            fail(*call.children[2],
                 "len() takes exactly one argument (" + std::to_string(given) + " given)");
        return *call.children[1];
    }

    [[noreturn]] void unexpectedAfter(const Node &link)
    {
        const std::string what = link.kind == NodeKind::Subscript ? "["
                                 : link.kind == NodeKind::Call    ? "("
                                                                  : "." + link.text;
        failAt(link.opLine, link.opColumn, "unexpected '" + what + "' after the expression");
    }

    Attribute attribute(const Node &link)
    {
        static constexpr std::pair<std::string_view, Attribute> kNames[] = {
            {"shape", Attribute::ShapeOf},
            {"ndim", Attribute::NdimOf},
            {"dtype", Attribute::DtypeOf},
            {"size", Attribute::SizeOf}};
        for (const auto &[name, attribute] : kNames)
            if (link.text == name) return attribute;
        failAt(link.opLine, link.opColumn,
               "unknown attribute '" + link.text + "': use .shape, .ndim, .dtype or .size");
    }

    // The inside of [...]: one item, or a tuple of them (a[1, 2] is a[(1, 2)]).
    std::vector<IndexItem> items(const Node &index)
    {
        if (index.kind != NodeKind::Tuple) return {item(index)};
        if (index.children.empty())
            fail(index, "empty subscript: write an index such as [0] or a slice such as [:10]");
        std::vector<IndexItem> out;
        for (const auto &child : index.children)
            out.push_back(item(*child));
        return out;
    }

    IndexItem item(const Node &n)
    {
        if (n.kind == NodeKind::Ellipsis) return Ellipsis{};
        if (isNone(n) || isNewAxis(n)) return NewAxis{};
        if (n.kind != NodeKind::Slice) return integer(n);
        auto part = [this](const cell::NodePtr &p) -> std::optional<std::int64_t> {
            if (!p || isNone(*p)) return std::nullopt;
            return integer(*p);
        };
        return Slice{part(n.children[0]), part(n.children[1]), part(n.children[2])};
    }

    static bool isNone(const Node &n) { return n.kind == NodeKind::Constant && n.text == "None"; }
    static bool isNewAxis(const Node &n)
    {
        return n.kind == NodeKind::Attribute && n.text == "newaxis" &&
               n.children[0]->kind == NodeKind::Name && n.children[0]->text == "np";
    }

    // An integer literal with any number of signs: 4, -7, +4, --1.
    std::int64_t integer(const Node &n)
    {
        const Node *at = &n;
        bool negative = false;
        for (; at->kind == NodeKind::Unary && at->text != "~"; at = at->children[0].get())
            negative = negative != (at->text == "-");
        switch (at->kind) {
        case NodeKind::Int:
            if (at->overflow)
                fail(*at, "integer too large: cannot fit 'int' into an index-sized integer");
            return negative ? -at->intValue : at->intValue; // |int64| literals negate safely
        case NodeKind::Float:
            fail(*at, "expected an integer but found " + at->text);
        case NodeKind::Unary:
            fail(*at, "unexpected '~': the slicing language has no operators");
        case NodeKind::Binary:
            rejectOperator(*at, [this](const Node &left) { integer(left); });
        default:
            fail(*at, kIndexKinds);
        }
    }

    // a + b: the left operand's own faults come first, then the leftmost operator.
    template<class CheckLeft> [[noreturn]] void rejectOperator(const Node &n, CheckLeft checkLeft)
    {
        const Node *op = &n;
        while (op->children[0]->kind == NodeKind::Binary)
            op = op->children[0].get();
        checkLeft(*op->children[0]);
        failAt(op->opLine, op->opColumn,
               "unexpected '" + op->text + "': the slicing language has no operators");
    }

    [[noreturn]] void fail(const Node &n, const std::string &what) const
    {
        failAt(n.line, n.column, what);
    }
    [[noreturn]] void failAt(int line, int column, const std::string &what) const
    {
        throw ParseError(m_columns.at(line, column), oneLine(what));
    }

    const Columns &m_columns;
};

[[noreturn]] void failAt(const Columns &columns, const Token &t, const std::string &what)
{
    throw ParseError(columns.at(t.line, t.column), oneLine(what));
}

// The text must start with an array name; anything else would fail later with a less helpful
// message ("[0:3]" is an invalid slice in Python, a missing name here).
void checkStart(const std::vector<Token> &tokens, const Columns &columns)
{
    const Token &first = tokens.front();
    if (first.kind == TokenKind::End)
        throw ParseError(columns.at(1, 1),
                         "empty expression: type an array name such as train_images");
    if (first.kind == TokenKind::Error) return; // the parser reports it in Python's words
    if (first.kind != TokenKind::Name || cell::isKeyword(first.text) || first.text == "None" ||
        first.text == "True" || first.text == "False")
        failAt(columns, first, kArrayName);
}

// One expression: no ';', no assignment, nothing on a further line.
void checkSingle(const std::vector<Token> &tokens, const cell::Program &program,
                 const Columns &columns)
{
    for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
        const Token &t = tokens[i];
        const Token &next = tokens[i + 1];
        if (t.depth == 0 && (t.is(";") || t.is("=")))
            failAt(columns, t, "invalid syntax: unexpected '" + t.text + "'");
        if (t.kind == TokenKind::Newline && next.kind != TokenKind::End)
            failAt(columns, next, "invalid syntax: unexpected '" + next.text + "'");
    }
    if (program.statements.size() != 1 ||
        program.statements[0].kind != cell::StatementKind::Expression)
        throw ParseError(columns.at(1, 1), "invalid syntax: expected one expression");
}

// The line of a syntax error's hint: the error's own, except after a bracket left open (the end
// of the text) and for a missing comma (the next item, perhaps on a later line).
int hintLine(const cell::SyntaxErrorAt &e, const std::vector<Token> &tokens)
{
    const Token &last = tokens.back();
    if (last.kind == TokenKind::End && !last.openBracket.empty() && last.openLine == e.line() &&
        last.openColumn == e.column())
        return last.line;
    if (e.hintColumn() == e.column()) return e.line();
    for (const Token &t : tokens)
        if ((t.line > e.line() || (t.line == e.line() && t.column > e.column())) &&
            t.column == e.hintColumn())
            return t.line;
    return e.line();
}

// A syntax error where the parser stopped: the slice editor's wording (the hint) when there is
// one, else Python's.
[[noreturn]] void rethrow(const cell::SyntaxErrorAt &e, const std::vector<Token> &tokens,
                          const Columns &columns)
{
    if (e.hint().empty()) throw ParseError(columns.at(e.line(), e.column()), oneLine(e.what()));
    throw ParseError(columns.at(hintLine(e, tokens), e.hintColumn()),
                     oneLine("invalid syntax: " + e.hint()));
}

} // namespace

Expression parseExpression(std::string_view text)
{
    std::size_t lead = 0;
    while (lead < text.size() && std::isspace(static_cast<unsigned char>(text[lead])))
        ++lead;
    const Columns columns(text, lead);
    const std::vector<Token> tokens = cell::tokenize(text.substr(lead));
    checkStart(tokens, columns);
    cell::Program program;
    try {
        program = cell::parseTokens(tokens);
    } catch (const cell::SyntaxErrorAt &e) {
        rethrow(e, tokens, columns);
    }
    checkSingle(tokens, program, columns);
    return Converter(columns).expression(*program.statements.front().value);
}

} // namespace core
