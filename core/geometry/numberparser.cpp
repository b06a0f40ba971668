#include "core/geometry/numberparser.h"

#include "core/errors.h"

#include <cctype>
#include <charconv>
#include <cmath>
#include <numbers>
#include <string>

namespace core::geometry {

namespace {

// Recursive descent over:  expr := term (('+'|'-') term)*
//                          term := unary (('*'|'/') unary)*
//                          unary := ('+'|'-')* power
//                          power := primary (('^'|'**') unary)?
//                          primary := number | name | name '(' expr ')' | '(' expr ')'
// Signs are counted in a loop; the rules that must recurse (parentheses, calls, exponents) count
// their depth and stop at kMaxDepth, so no entry can run the stack out.
class Parser {
public:
    explicit Parser(std::string_view text) : m_text(text) {}

    double parse()
    {
        skipSpace();
        if (atEnd()) fail("expected a number, found nothing");
        const double v = expression();
        skipSpace();
        if (!atEnd()) {
            if (peek() == ',') fail("use a dot for decimals (0.5, not 0,5)");
            fail(std::string("unexpected '") + peek() + "'");
        }
        return v;
    }

private:
    [[noreturn]] void fail(const std::string &what) const
    {
        throw ParseError(static_cast<int>(m_pos) + 1, what);
    }
    bool atEnd() const { return m_pos >= m_text.size(); }
    char peek() const { return atEnd() ? '\0' : m_text[m_pos]; }
    void skipSpace()
    {
        while (!atEnd() && std::isspace(static_cast<unsigned char>(peek())))
            ++m_pos;
    }
    bool accept(std::string_view token)
    {
        skipSpace();
        if (m_text.substr(m_pos, token.size()) != token) return false;
        m_pos += token.size();
        return true;
    }

    double expression()
    {
        double v = term();
        for (;;) {
            if (accept("+"))
                v += term();
            else if (accept("-"))
                v -= term();
            else
                return v;
        }
    }

    double term()
    {
        double v = unary();
        for (;;) {
            skipSpace();
            if (m_text.substr(m_pos, 2) == "**") return v; // handled by power()
            if (accept("*"))
                v *= unary();
            else if (accept("/"))
                v /= unary();
            else
                return v;
        }
    }

    double unary()
    {
        bool negative = false;
        for (;;) {
            if (accept("-"))
                negative = !negative;
            else if (!accept("+"))
                break;
        }
        const double v = power();
        return negative ? -v : v;
    }

    double power()
    {
        const double base = primary();
        if (accept("**") || accept("^")) {
            // right-associative, and -2^2 = -(2^2) as in Python
            const Nest nest(*this);
            return std::pow(base, unary());
        }
        return base;
    }

    // One level of nesting for as long as it lives; Python's parser stops at 200 levels with
    // "too many nested parentheses", a number entry needs far fewer.
    static constexpr int kMaxDepth = 100;
    class Nest {
    public:
        explicit Nest(Parser &p) : m_parser(p)
        {
            if (++m_parser.m_depth > kMaxDepth)
                m_parser.fail("too many nested parentheses, functions or powers (at most " +
                              std::to_string(kMaxDepth) + ")");
        }
        ~Nest() { --m_parser.m_depth; }
        Nest(const Nest &) = delete;
        Nest &operator=(const Nest &) = delete;

    private:
        Parser &m_parser;
    };

    double primary()
    {
        skipSpace();
        if (atEnd()) fail("expected a number, found the end");
        const char c = peek();
        if (accept("(")) {
            const Nest nest(*this);
            const double v = expression();
            if (!accept(")")) fail("expected ')'");
            return v;
        }
        if (std::isdigit(static_cast<unsigned char>(c)) || c == '.') return number();
        if (accept("\xCF\x80")) // π in UTF-8
            return std::numbers::pi;
        if (std::isalpha(static_cast<unsigned char>(c))) return named();
        fail(std::string("unexpected '") + c + "'");
    }

    double number()
    {
        const std::size_t start = m_pos;
        while (!atEnd() && (std::isdigit(static_cast<unsigned char>(peek())) || peek() == '.'))
            ++m_pos;
        if (!atEnd() && (peek() == 'e' || peek() == 'E')) {
            std::size_t p = m_pos + 1;
            if (p < m_text.size() && (m_text[p] == '+' || m_text[p] == '-')) ++p;
            if (p < m_text.size() && std::isdigit(static_cast<unsigned char>(m_text[p]))) {
                m_pos = p;
                while (!atEnd() && std::isdigit(static_cast<unsigned char>(peek())))
                    ++m_pos;
            }
        }
        const std::string_view token = m_text.substr(start, m_pos - start);
        double v = 0;
        const auto [end, ec] = std::from_chars(token.data(), token.data() + token.size(), v);
        if (ec != std::errc() || end != token.data() + token.size()) {
            m_pos = start;
            fail("'" + std::string(token) + "' is not a number");
        }
        return v;
    }

    double named()
    {
        const std::size_t start = m_pos;
        while (!atEnd() && std::isalnum(static_cast<unsigned char>(peek())))
            ++m_pos;
        const std::string name(m_text.substr(start, m_pos - start));
        if (name == "pi") return std::numbers::pi;
        if (name == "e") return std::numbers::e;
        double (*fn)(double) = nullptr;
        if (name == "sqrt")
            fn = [](double x) { return std::sqrt(x); };
        else if (name == "sin")
            fn = [](double x) { return std::sin(x); };
        else if (name == "cos")
            fn = [](double x) { return std::cos(x); };
        else if (name == "tan")
            fn = [](double x) { return std::tan(x); };
        else if (name == "abs")
            fn = [](double x) { return std::abs(x); };
        else if (name == "exp")
            fn = [](double x) { return std::exp(x); };
        else if (name == "log")
            fn = [](double x) { return std::log(x); };
        if (!fn) {
            m_pos = start;
            fail("unknown name '" + name + "' (try pi, sqrt, sin, cos, tan)");
        }
        if (!accept("(")) fail("expected '(' after " + name);
        const Nest nest(*this);
        const double arg = expression();
        if (!accept(")")) fail("expected ')'");
        return fn(arg);
    }

    std::string_view m_text;
    std::size_t m_pos = 0;
    int m_depth = 0;
};

} // namespace

double parseNumber(std::string_view text)
{
    const double v = Parser(text).parse();
    if (!std::isfinite(v)) throw ValueError("'" + std::string(text) + "' is not a finite number");
    return v;
}

} // namespace core::geometry
