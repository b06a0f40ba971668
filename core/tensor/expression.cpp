#include "core/tensor/expression.h"

#include "core/errors.h"

#include <cctype>
#include <charconv>
#include <limits>

namespace core {

namespace {

class Parser {
public:
    explicit Parser(std::string_view text) : m_text(text) {}

    Expression parse()
    {
        skipSpace();
        if (atEnd()) fail("empty expression: type an array name such as train_images");
        Expression expr;
        std::string word = identifier();
        if (word.empty()) fail("expected an array name such as train_images");
        skipSpace();
        if (word == "len" && peek() == '(') {
            ++m_pos;
            skipSpace();
            access(expr, identifier());
            if (expr.attribute != Attribute::None) fail("len() takes an array, not an attribute");
            expect(')', "to close 'len('");
            expr.attribute = Attribute::LenOf;
        } else {
            access(expr, std::move(word));
        }
        skipSpace();
        if (!atEnd()) fail("unexpected '" + characterAt(m_pos) + "' after the expression");
        return expr;
    }

private:
    // The character at byte pos, whole: an 'é' is quoted as its two UTF-8 bytes, not half of it.
    std::string characterAt(std::size_t pos) const
    {
        const auto lead = static_cast<unsigned char>(m_text[pos]);
        const std::size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
        return std::string(m_text.substr(pos, length));
    }

    void access(Expression &expr, std::string name)
    {
        if (name.empty()) fail("expected an array name such as train_images");
        expr.name = std::move(name);
        skipSpace();
        while (peek() == '[') {
            const std::size_t open = m_pos;
            ++m_pos;
            expr.subscripts.push_back(items(open));
            skipSpace();
        }
        if (peek() == '.') {
            ++m_pos;
            skipSpace();
            const std::size_t at = m_pos;
            const std::string attr = identifier();
            if (attr == "shape")
                expr.attribute = Attribute::ShapeOf;
            else if (attr == "ndim")
                expr.attribute = Attribute::NdimOf;
            else if (attr == "dtype")
                expr.attribute = Attribute::DtypeOf;
            else if (attr == "size")
                expr.attribute = Attribute::SizeOf;
            else {
                m_pos = at;
                fail(attr.empty()
                         ? "expected an attribute after '.'"
                         : "unknown attribute '" + attr + "': use .shape, .ndim, .dtype or .size");
            }
        }
    }

    std::vector<IndexItem> items(std::size_t open)
    {
        std::vector<IndexItem> out;
        for (;;) {
            skipSpace();
            if (peek() == ']') {
                if (out.empty())
                    fail("empty subscript: write an index such as [0] or a slice such as [:10]");
                ++m_pos;
                return out;
            }
            out.push_back(item());
            skipSpace();
            if (peek() == ',') {
                ++m_pos;
                continue;
            }
            if (peek() == ']') {
                ++m_pos;
                return out;
            }
            if (atEnd())
                fail("expected ']' to close the '[' at column " + std::to_string(open + 1));
            fail("expected ',' or ']' but found '" + characterAt(m_pos) + "'");
        }
    }

    IndexItem item()
    {
        if (m_text.substr(m_pos, 3) == "...") {
            m_pos += 3;
            return Ellipsis{};
        }
        if (std::isalpha(static_cast<unsigned char>(peek())) || peek() == '_') {
            const std::size_t at = m_pos;
            std::string word = identifier();
            if (word == "None") return NewAxis{};
            if (word == "np" && peek() == '.') {
                ++m_pos;
                if (identifier() == "newaxis") return NewAxis{};
            }
            m_pos = at;
            fail("only integers, slices (':'), '...' and None are valid indices");
        }
        Slice slice;
        std::optional<std::int64_t> first = integer();
        skipSpace();
        if (peek() != ':') {
            if (!first)
                fail(atEnd() ? "unexpected end: expected an index"
                             : "expected an index but found '" + characterAt(m_pos) + "'");
            return *first;
        }
        ++m_pos;
        slice.start = first;
        skipSpace();
        slice.stop = integer();
        skipSpace();
        if (peek() == ':') {
            ++m_pos;
            skipSpace();
            slice.step = integer();
        }
        return slice;
    }

    std::optional<std::int64_t> integer()
    {
        skipSpace();
        const std::size_t at = m_pos;
        bool negative = false;
        if (peek() == '-' || peek() == '+') {
            negative = peek() == '-';
            ++m_pos;
            skipSpace();
        }
        const std::size_t digits = m_pos;
        while (std::isdigit(static_cast<unsigned char>(peek())))
            ++m_pos;
        if (m_pos == digits) {
            if (digits != at) {
                m_pos = digits;
                fail("expected a number after the sign");
            }
            return std::nullopt;
        }
        if (std::isalpha(static_cast<unsigned char>(peek())) || peek() == '.' || peek() == '_')
            fail("expected an integer");
        std::int64_t value = 0;
        auto [ptr, ec] = std::from_chars(m_text.data() + digits, m_text.data() + m_pos, value);
        if (ec != std::errc()) {
            m_pos = digits;
            fail("integer too large");
        }
        (void)ptr;
        return negative ? -value : value;
    }

    std::string identifier()
    {
        const std::size_t start = m_pos;
        if (!(std::isalpha(static_cast<unsigned char>(peek())) || peek() == '_')) return {};
        while (std::isalnum(static_cast<unsigned char>(peek())) || peek() == '_')
            ++m_pos;
        return std::string(m_text.substr(start, m_pos - start));
    }

    void expect(char c, const std::string &why)
    {
        skipSpace();
        if (peek() != c) fail("expected '" + std::string(1, c) + "' " + why);
        ++m_pos;
    }

    void skipSpace()
    {
        while (m_pos < m_text.size() && std::isspace(static_cast<unsigned char>(m_text[m_pos])))
            ++m_pos;
    }
    bool atEnd() const { return m_pos >= m_text.size(); }
    char peek() const { return atEnd() ? '\0' : m_text[m_pos]; }
    [[noreturn]] void fail(const std::string &what) const
    {
        throw ParseError(static_cast<int>(m_pos) + 1, "invalid syntax: " + what);
    }

    std::string_view m_text;
    std::size_t m_pos = 0;
};

} // namespace

Expression parseExpression(std::string_view text)
{
    return Parser(text).parse();
}

std::string formatExpression(const Expression &expression)
{
    std::string out = expression.name;
    for (const auto &items : expression.subscripts)
        out += "[" + formatIndexItems(items) + "]";
    switch (expression.attribute) {
    case Attribute::ShapeOf:
        return out + ".shape";
    case Attribute::NdimOf:
        return out + ".ndim";
    case Attribute::DtypeOf:
        return out + ".dtype";
    case Attribute::SizeOf:
        return out + ".size";
    case Attribute::LenOf:
        return "len(" + out + ")";
    case Attribute::None:
        break;
    }
    return out;
}

Evaluation evaluate(const Expression &expression, const ArrayResolver &resolve)
{
    std::optional<Tensor> found = resolve(expression.name);
    if (!found) throw NameError("name '" + expression.name + "' is not defined");
    Tensor array = *found;
    for (const auto &items : expression.subscripts)
        array = index(array, items);
    Evaluation result{array, expression.attribute, {}};
    switch (expression.attribute) {
    case Attribute::ShapeOf:
        result.valueText = formatShape(array.shape());
        break;
    case Attribute::NdimOf:
        result.valueText = std::to_string(array.ndim());
        break;
    case Attribute::DtypeOf:
        result.valueText = "dtype('" + std::string(dtypeName(array.dtype())) + "')";
        break;
    case Attribute::SizeOf:
        result.valueText = std::to_string(array.size());
        break;
    case Attribute::LenOf:
        if (array.ndim() == 0) throw ValueError("len() of unsized object");
        result.valueText = std::to_string(array.shape()[0]);
        break;
    case Attribute::None:
        break;
    }
    return result;
}

} // namespace core
