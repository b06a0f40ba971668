#include "core/cell/lexer.h"

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>

namespace core::cell {

namespace {

struct Open {
    char bracket;
    int line, column;
};

bool isNameStart(char c)
{
    return std::isalpha(static_cast<unsigned char>(c)) || c == '_';
}
bool isNameChar(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

// The code point of the UTF-8 sequence at text[pos] and its length in bytes.
std::pair<char32_t, int> decodeUtf8(std::string_view text, std::size_t pos)
{
    const auto b = [&](std::size_t i) {
        return i < text.size() ? static_cast<unsigned char>(text[i]) : 0u;
    };
    const unsigned lead = b(pos);
    if (lead < 0x80) return {lead, 1};
    int len = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    if (len == 1) return {lead, 1};
    char32_t cp = lead & (0x3F >> (len - 1));
    for (int i = 1; i < len; ++i) {
        if ((b(pos + i) & 0xC0) != 0x80) return {lead, 1};
        cp = (cp << 6) | (b(pos + i) & 0x3F);
    }
    return {cp, len};
}

class Lexer {
public:
    explicit Lexer(std::string_view text) : m_text(text) {}

    std::vector<Token> run()
    {
        bool lineStart = true;
        while (m_pos < m_text.size()) {
            if (lineStart && m_open.empty()) {
                lineStart = false;
                const std::size_t start = m_pos;
                // Python's two counts: tabs to the next multiple of 8, and tabs as one column;
                // an indentation the two order differently is a TabError.
                std::int64_t col = 0, alt = 0;
                for (;; ++m_pos) {
                    if (peek() == ' ') {
                        ++col;
                        ++alt;
                    } else if (peek() == '\t') {
                        col = (col / 8 + 1) * 8;
                        ++alt;
                    } else if (peek() == '\f') {
                        col = alt = 0;
                    } else {
                        break;
                    }
                }
                const char c = peek();
                const bool blank = c == '\0' || c == '\n' || c == '\r' || c == '#';
                if (!blank && !m_continued &&
                    !indentation(col, alt, static_cast<int>(m_pos - start)))
                    return finish();
                m_continued = false;
                continue;
            }
            const char c = peek();
            if (c == ' ' || c == '\t' || c == '\f') {
                ++m_pos;
            } else if (c == '#') {
                while (m_pos < m_text.size() && peek() != '\n')
                    ++m_pos;
            } else if (c == '\\' &&
                       (peekAt(1) == '\n' || (peekAt(1) == '\r' && peekAt(2) == '\n'))) {
                m_pos += peekAt(1) == '\r' ? 3 : 2;
                newLine();
                m_continued = true;
                lineStart = true;
            } else if (c == '\n' || c == '\r') {
                if (m_open.empty() && !m_tokens.empty() &&
                    m_tokens.back().kind != TokenKind::Newline)
                    push(TokenKind::Newline, "\n", m_pos);
                m_pos += (c == '\r' && peekAt(1) == '\n') ? 2 : 1;
                newLine();
                lineStart = true;
            } else if (std::isdigit(static_cast<unsigned char>(c)) ||
                       (c == '.' && std::isdigit(static_cast<unsigned char>(peekAt(1))))) {
                if (!number()) return finish();
            } else if (isNameStart(c)) {
                const std::size_t start = m_pos;
                while (isNameChar(peek()))
                    ++m_pos;
                if (peek() == '\'' || peek() == '"') {
                    // String prefixes (r'', b'', f'') are not part of the language.
                    push(TokenKind::Name, std::string(m_text.substr(start, m_pos - start)), start);
                    continue;
                }
                push(TokenKind::Name, std::string(m_text.substr(start, m_pos - start)), start);
            } else if (c == '\'' || c == '"') {
                if (!string()) return finish();
            } else if (static_cast<unsigned char>(c) >= 0x80) {
                const auto [cp, len] = decodeUtf8(m_text, m_pos);
                char code[16];
                std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(cp));
                const std::string ch(m_text.substr(m_pos, len));
                error("SyntaxError", "invalid character '" + ch + "' (" + code + ")", column(),
                      "expected a name, number or operator but found '" + ch + "'");
                return finish();
            } else {
                if (!op()) return finish();
            }
        }
        return finish();
    }

private:
    bool number()
    {
        const std::size_t start = m_pos;
        bool isFloat = false;
        int base = 10;
        if (peek() == '0' && std::strchr("xXoObB", peekAt(1)) && peekAt(1) != '\0') {
            base = std::tolower(peekAt(1)) == 'x' ? 16 : std::tolower(peekAt(1)) == 'o' ? 8 : 2;
            m_pos += 2;
            const std::size_t digitsAt = m_pos;
            auto valid = [&](char c) {
                return base == 16  ? std::isxdigit(static_cast<unsigned char>(c)) != 0
                       : base == 8 ? c >= '0' && c <= '7'
                                   : c == '0' || c == '1';
            };
            while (valid(peek()) || (peek() == '_' && valid(peekAt(1))))
                ++m_pos;
            if (m_pos == digitsAt || std::isalnum(static_cast<unsigned char>(peek()))) {
                const char *name = base == 16 ? "hexadecimal" : base == 8 ? "octal" : "binary";
                const bool digit = std::isdigit(static_cast<unsigned char>(peek())) != 0;
                const int col =
                    static_cast<int>((digit ? m_pos : m_pos - (m_pos == digitsAt ? 1 : 0)) -
                                     m_lineStart) +
                    1;
                if (digit && base != 16)
                    error("SyntaxError",
                          std::string("invalid digit '") + peek() + "' in " + name + " literal",
                          col);
                else
                    error("SyntaxError", std::string("invalid ") + name + " literal", col);
                return false;
            }
        } else {
            auto digits = [&] {
                while (std::isdigit(static_cast<unsigned char>(peek())) ||
                       (peek() == '_' && std::isdigit(static_cast<unsigned char>(peekAt(1)))))
                    ++m_pos;
            };
            digits();
            if (peek() == '.') {
                isFloat = true;
                ++m_pos;
                digits();
            }
            if ((peek() == 'e' || peek() == 'E') &&
                (std::isdigit(static_cast<unsigned char>(peekAt(1))) ||
                 ((peekAt(1) == '+' || peekAt(1) == '-') &&
                  std::isdigit(static_cast<unsigned char>(peekAt(2)))))) {
                isFloat = true;
                m_pos += 2;
                digits();
            }
        }
        if (isNameChar(peek())) {
            const int col = static_cast<int>(start - m_lineStart) + 1;
            error("SyntaxError", "invalid decimal literal", col,
                  isFloat ? "expected an integer" : "expected a number",
                  static_cast<int>(m_pos - m_lineStart) + 1);
            return false;
        }
        std::string spelled;
        for (std::size_t i = start; i < m_pos; ++i)
            if (m_text[i] != '_') spelled += m_text[i];
        Token t = make(isFloat ? TokenKind::Float : TokenKind::Int,
                       std::string(m_text.substr(start, m_pos - start)), start);
        if (isFloat) {
            auto r = std::from_chars(spelled.data(), spelled.data() + spelled.size(), t.floatValue);
            if (r.ec == std::errc::result_out_of_range)
                t.floatValue = spelled.find("e-") != std::string::npos ||
                                       spelled.find("E-") != std::string::npos
                                   ? 0.0
                                   : HUGE_VAL;
        } else {
            const std::size_t skip = base == 10 ? 0 : 2;
            auto r = std::from_chars(spelled.data() + skip, spelled.data() + spelled.size(),
                                     t.intValue, base);
            t.overflow = r.ec == std::errc::result_out_of_range;
        }
        m_tokens.push_back(std::move(t));
        return true;
    }

    bool string()
    {
        const std::size_t start = m_pos;
        const char quote = peek();
        const bool triple = peekAt(1) == quote && peekAt(2) == quote;
        m_pos += triple ? 3 : 1;
        std::string value;
        const int startLine = m_line;
        for (;;) {
            if (m_pos >= m_text.size() || (!triple && peek() == '\n')) {
                const int col = static_cast<int>(start - m_lineStartAt(startLine)) + 1;
                if (triple)
                    errorAt("SyntaxError",
                            "unterminated triple-quoted string literal (detected at line " +
                                std::to_string(m_line) + ")",
                            startLine, col);
                else
                    error("SyntaxError",
                          "unterminated string literal (detected at line " +
                              std::to_string(m_line) + ")",
                          col);
                return false;
            }
            const char c = peek();
            if (c == quote && (!triple || (peekAt(1) == quote && peekAt(2) == quote))) {
                m_pos += triple ? 3 : 1;
                break;
            }
            if (c == '\\' && m_pos + 1 < m_text.size()) {
                const char e = peekAt(1);
                m_pos += 2;
                switch (e) {
                case 'n':
                    value += '\n';
                    break;
                case 't':
                    value += '\t';
                    break;
                case 'r':
                    value += '\r';
                    break;
                case '0':
                    value += '\0';
                    break;
                case '\\':
                    value += '\\';
                    break;
                case '\'':
                    value += '\'';
                    break;
                case '"':
                    value += '"';
                    break;
                case '\n':
                    newLine();
                    break;
                default:
                    value += '\\';
                    value += e;
                    break;
                }
                continue;
            }
            if (c == '\n') {
                ++m_pos;
                newLine();
                value += '\n';
                continue;
            }
            value += c;
            ++m_pos;
        }
        Token t = make(TokenKind::String, std::move(value), start);
        t.line = startLine;
        t.column = static_cast<int>(start - m_lineStartAt(startLine)) + 1;
        m_tokens.push_back(std::move(t));
        return true;
    }

    bool op()
    {
        static const char *const kLong[] = {
            "**=", "//=", "...", "**", "//", "->", "==", "!=", "<=", ">=",
            "+=",  "-=",  "*=",  "/=", "@=", "%=", "<<", ">>", ":="};
        const std::size_t start = m_pos;
        for (const char *l : kLong) {
            const std::string_view sv(l);
            if (m_text.substr(m_pos, sv.size()) == sv) {
                m_pos += sv.size();
                push(TokenKind::Op, std::string(sv), start);
                return true;
            }
        }
        const char c = peek();
        if (std::strchr("([{", c)) {
            if (static_cast<int>(m_open.size()) >= kMaxBracketDepth) {
                error("SyntaxError", "too many nested parentheses", column());
                return false;
            }
            push(TokenKind::Op, std::string(1, c), start);
            m_open.push_back({c, m_line, column()});
            ++m_pos;
            return true;
        }
        if (std::strchr(")]}", c)) {
            const char want = c == ')' ? '(' : c == ']' ? '[' : '{';
            if (m_open.empty()) {
                error("SyntaxError", std::string("unmatched '") + c + "'", column());
                return false;
            }
            if (m_open.back().bracket != want) {
                std::string msg = std::string("closing parenthesis '") + c +
                                  "' does not match opening parenthesis '" + m_open.back().bracket +
                                  "'";
                if (m_open.back().line != m_line)
                    msg += " on line " + std::to_string(m_open.back().line);
                error("SyntaxError", msg, column());
                return false;
            }
            m_open.pop_back();
            ++m_pos;
            push(TokenKind::Op, std::string(1, c), start);
            return true;
        }
        if (c != '\0' && std::strchr(",:.;=+-*/@%<>~&|^", c)) {
            ++m_pos;
            push(TokenKind::Op, std::string(1, c), start);
            return true;
        }
        error("SyntaxError", "invalid syntax", column(), std::string("unexpected '") + c + "'");
        return false;
    }

    // Compares a line's indentation with the open blocks': Indent or Dedent tokens, or an error.
    bool indentation(std::int64_t col, std::int64_t alt, int chars)
    {
        const Level top = m_levels.back();
        if (col == top.col) {
            if (alt == top.alt) return true;
        } else if (col > top.col) {
            if (alt > top.alt) {
                if (static_cast<int>(m_levels.size()) >= kMaxIndentLevels) {
                    error("IndentationError", "too many levels of indentation", 1);
                    return false;
                }
                Token t = make(TokenKind::Indent, "", m_pos);
                t.column = chars;
                m_tokens.push_back(std::move(t));
                m_levels.push_back({col, alt});
                return true;
            }
        } else {
            while (m_levels.size() > 1 && col < m_levels.back().col) {
                m_levels.pop_back();
                push(TokenKind::Dedent, "", m_pos);
            }
            if (col != m_levels.back().col) {
                std::size_t end = m_pos;
                while (end < m_text.size() && m_text[end] != '\n' && m_text[end] != '\r')
                    ++end;
                error("IndentationError", "unindent does not match any outer indentation level",
                      static_cast<int>(end - m_lineStart) + 1);
                return false;
            }
            if (alt == m_levels.back().alt) return true;
        }
        error("TabError", "inconsistent use of tabs and spaces in indentation", 1);
        return false;
    }

    // Just past the last line with anything but whitespace on it (a comment counts).
    void setEndOfContent(Token &end) const
    {
        int line = 1;
        std::size_t lineStart = 0;
        for (std::size_t i = 0; i < m_text.size(); ++i) {
            const char c = m_text[i];
            if (c == '\n') {
                ++line;
                lineStart = i + 1;
            } else if (c != ' ' && c != '\t' && c != '\f' && c != '\r') {
                end.eofLine = line;
                std::size_t e = i;
                while (e < m_text.size() && m_text[e] != '\n' && m_text[e] != '\r')
                    ++e;
                end.eofColumn = static_cast<int>(e - lineStart) + 1;
                i = e - 1;
            }
        }
    }

    std::vector<Token> finish()
    {
        if (m_tokens.empty() || m_tokens.back().kind != TokenKind::Error) {
            if (!m_tokens.empty() && m_tokens.back().kind != TokenKind::Newline && m_open.empty())
                push(TokenKind::Newline, "", m_pos);
            if (m_open.empty())
                for (std::size_t i = 1; i < m_levels.size(); ++i)
                    push(TokenKind::Dedent, "", m_pos);
            Token end = make(TokenKind::End, "", m_pos);
            setEndOfContent(end);
            if (!m_open.empty()) {
                end.openBracket = std::string(1, m_open.back().bracket);
                end.openLine = m_open.back().line;
                end.openColumn = m_open.back().column;
            }
            m_tokens.push_back(std::move(end));
        }
        return std::move(m_tokens);
    }

    void error(const char *type, std::string message, int col, std::string hint = {},
               int hintColumn = 0)
    {
        errorAt(type, std::move(message), m_line, col, std::move(hint), hintColumn);
    }
    void errorAt(const char *type, std::string message, int line, int col, std::string hint = {},
                 int hintColumn = 0)
    {
        Token t = make(TokenKind::Error, std::move(message), m_pos);
        t.line = line;
        t.column = col;
        t.errorType = type;
        t.hint = std::move(hint);
        t.hintColumn = hintColumn ? hintColumn : col;
        m_tokens.push_back(std::move(t));
    }

    Token make(TokenKind kind, std::string text, std::size_t start) const
    {
        Token t;
        t.kind = kind;
        t.text = std::move(text);
        t.line = m_line;
        t.column = static_cast<int>(start - m_lineStart) + 1;
        t.offset = start;
        t.depth = static_cast<int>(m_open.size());
        return t;
    }
    void push(TokenKind kind, std::string text, std::size_t start)
    {
        m_tokens.push_back(make(kind, std::move(text), start));
    }
    void newLine()
    {
        ++m_line;
        m_lineStart = m_pos;
        m_lineStarts.push_back(m_pos);
    }
    std::size_t m_lineStartAt(int line) const { return m_lineStarts[line - 1]; }
    int column() const { return static_cast<int>(m_pos - m_lineStart) + 1; }
    char peek() const { return m_pos < m_text.size() ? m_text[m_pos] : '\0'; }
    char peekAt(std::size_t k) const
    {
        return m_pos + k < m_text.size() ? m_text[m_pos + k] : '\0';
    }

    std::string_view m_text;
    std::size_t m_pos = 0;
    int m_line = 1;
    std::size_t m_lineStart = 0;
    std::vector<std::size_t> m_lineStarts{0};
    bool m_continued = false;
    struct Level {
        std::int64_t col, alt;
    };
    std::vector<Level> m_levels{{0, 0}};
    std::vector<Open> m_open;
    std::vector<Token> m_tokens;
};

} // namespace

std::vector<Token> tokenize(std::string_view cell)
{
    return Lexer(cell).run();
}

} // namespace core::cell
