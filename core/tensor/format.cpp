#include "core/tensor/format.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <functional>
#include <vector>

namespace core {

namespace {

constexpr int kLineWidth = 75;
constexpr std::int64_t kThreshold = 1000;
constexpr std::int64_t kEdgeItems = 3;
constexpr int kPrecision = 8;

std::string toChars(float v, std::chars_format fmt, int precision = -1)
{
    char buf[64];
    auto r = precision < 0 ? std::to_chars(buf, buf + sizeof buf, v, fmt)
                           : std::to_chars(buf, buf + sizeof buf, v, fmt, precision);
    return std::string(buf, r.ptr);
}

// Shortest round-trip digits, rounded to at most kPrecision fraction digits (Dragon4 'unique').
std::string positional(float v)
{
    std::string s = toChars(v, std::chars_format::fixed);
    auto dot = s.find('.');
    if (dot != std::string::npos && s.size() - dot - 1 > static_cast<std::size_t>(kPrecision)) {
        s = toChars(v, std::chars_format::fixed, kPrecision);
        while (s.back() == '0')
            s.pop_back();
    }
    if (s.find('.') == std::string::npos) s += '.';
    return s;
}

struct Sci {
    std::string mantissa; // "1.5"
    std::string exponent; // "-05"
};

Sci splitScientific(const std::string &s)
{
    const auto e = s.find('e');
    std::string m = s.substr(0, e);
    if (m.find('.') == std::string::npos) m += '.';
    return {m, s.substr(e + 1)};
}

Sci scientific(float v)
{
    std::string s = toChars(v, std::chars_format::scientific);
    auto e = s.find('e');
    std::string m = s.substr(0, e);
    auto dot = m.find('.');
    if (dot != std::string::npos && m.size() - dot - 1 > static_cast<std::size_t>(kPrecision)) {
        s = toChars(v, std::chars_format::scientific, kPrecision);
        e = s.find('e');
        m = s.substr(0, e);
        while (m.back() == '0')
            m.pop_back();
    }
    if (m.find('.') == std::string::npos) m += '.';
    return {m, s.substr(e + 1)};
}

// Formats every element to the same width, as numpy.core.arrayprint.FloatingFormat/IntegerFormat.
class ElementFormat {
public:
    ElementFormat(DType dtype, const std::vector<double> &shown) : m_dtype(dtype)
    {
        if (dtype == DType::UInt8) {
            for (double v : shown)
                m_width = std::max<int>(
                    m_width, static_cast<int>(std::to_string(static_cast<long long>(v)).size()));
            return;
        }
        std::vector<float> finite;
        double maxAbs = 0, minAbs = INFINITY;
        for (double v : shown) {
            if (!std::isfinite(v)) continue;
            finite.push_back(static_cast<float>(v));
            if (v != 0) {
                maxAbs = std::max(maxAbs, std::fabs(v));
                minAbs = std::min(minAbs, std::fabs(v));
            }
        }
        m_exp = maxAbs > 0 && (maxAbs >= 1e8 || minAbs < 1e-4 || maxAbs / minAbs > 1000.0);
        for (float f : finite) {
            std::string intPart, fracPart;
            if (m_exp) {
                Sci s = scientific(f);
                auto dot = s.mantissa.find('.');
                intPart = s.mantissa.substr(0, dot);
                fracPart = s.mantissa.substr(dot + 1);
                m_expSize = std::max<int>(m_expSize, static_cast<int>(s.exponent.size()) - 1);
            } else {
                std::string p = positional(f);
                auto dot = p.find('.');
                intPart = p.substr(0, dot);
                fracPart = p.substr(dot + 1);
            }
            m_padLeft = std::max<int>(m_padLeft, static_cast<int>(intPart.size()));
            m_padRight = std::max<int>(m_padRight, static_cast<int>(fracPart.size()));
        }
    }

    std::string operator()(double v) const
    {
        if (m_dtype == DType::UInt8) {
            std::string s = std::to_string(static_cast<long long>(v));
            return std::string(m_width - std::min<int>(m_width, static_cast<int>(s.size())), ' ') +
                   s;
        }
        if (!std::isfinite(v)) {
            std::string s = std::isnan(v) ? "nan" : (v < 0 ? "-inf" : "inf");
            const int width =
                m_exp ? m_padLeft + m_padRight + m_expSize + 3 : m_padLeft + m_padRight + 1;
            return std::string(std::max<int>(0, width - static_cast<int>(s.size())), ' ') + s;
        }
        const float f = static_cast<float>(v);
        std::string intPart, fracPart, tail;
        if (m_exp) {
            Sci s = scientific(f);
            // trim='k' with min_digits: every element gets m_padRight fraction digits, and NumPy's
            // Dragon4 writes the exact value's further digits there, not zeros (6.145264e-08 is
            // 6.14526385...e-08 in float32, so it prints 6.1452639e-08 beside 7-digit neighbours).
            if (s.mantissa.size() - s.mantissa.find('.') - 1 < static_cast<std::size_t>(m_padRight))
                s = splitScientific(toChars(f, std::chars_format::scientific, m_padRight));
            auto dot = s.mantissa.find('.');
            intPart = s.mantissa.substr(0, dot);
            fracPart = s.mantissa.substr(dot + 1);
            std::string sign(1, s.exponent[0]);
            std::string digits = s.exponent.substr(1);
            while (static_cast<int>(digits.size()) < m_expSize)
                digits.insert(digits.begin(), '0');
            tail = "e" + sign + digits;
        } else {
            std::string p = positional(f);
            auto dot = p.find('.');
            intPart = p.substr(0, dot);
            fracPart = p.substr(dot + 1);
            fracPart.append(m_padRight - fracPart.size(), ' ');
        }
        return std::string(m_padLeft - intPart.size(), ' ') + intPart + "." + fracPart + tail;
    }

private:
    DType m_dtype;
    int m_width = 0;
    bool m_exp = false;
    int m_padLeft = 0;
    int m_padRight = 0;
    int m_expSize = 0;
};

// numpy's _extendLine: wrap before a word that would pass the width, unless the line is empty.
void extendLine(std::string &s, std::string &line, const std::string &word, int width,
                const std::string &nextLinePrefix)
{
    bool wrap = static_cast<int>(line.size() + word.size()) > width;
    if (line.size() <= nextLinePrefix.size()) wrap = false;
    if (wrap) {
        while (!line.empty() && line.back() == ' ')
            line.pop_back();
        s += line + "\n";
        line = nextLinePrefix;
    }
    line += word;
}

class Printer {
public:
    Printer(const Tensor &a, bool summarize, const ElementFormat &fmt)
        : m_a(a), m_summarize(summarize), m_fmt(fmt)
    {}

    // numpy's _formatArray recurser; index holds the position along the axes done so far.
    std::string recurse(std::vector<std::int64_t> &index, const std::string &hanging, int width)
    {
        const int axis = static_cast<int>(index.size());
        const int axesLeft = m_a.ndim() - axis;
        if (axesLeft == 0) return m_fmt(m_a.at(index));
        const std::string nextHanging = hanging + " ";
        const int nextWidth = width - 1;
        const std::int64_t len = m_a.shape()[axis];
        const bool showSummary = m_summarize && 2 * kEdgeItems < len;
        const std::int64_t leading = showSummary ? kEdgeItems : 0;
        const std::int64_t trailing = showSummary ? kEdgeItems : len;
        const std::string sep = ", ";
        auto child = [&](std::int64_t i) {
            index.push_back(i);
            std::string r = recurse(index, nextHanging, nextWidth);
            index.pop_back();
            return r;
        };
        std::string s;
        if (len == 0) return "[]";
        if (axesLeft == 1) {
            const int elemWidth = width - 1;
            std::string line = hanging;
            for (std::int64_t i = 0; i < leading; ++i) {
                extendLine(s, line, child(i), elemWidth, hanging);
                line += sep;
            }
            if (showSummary) {
                extendLine(s, line, "...", elemWidth, hanging);
                line += sep;
            }
            for (std::int64_t i = trailing; i > 1; --i) {
                extendLine(s, line, child(len - i), elemWidth, hanging);
                line += sep;
            }
            extendLine(s, line, child(len - 1), elemWidth, hanging);
            s += line;
        } else {
            const std::string lineSep = "," + std::string(axesLeft - 1, '\n');
            for (std::int64_t i = 0; i < leading; ++i)
                s += hanging + child(i) + lineSep;
            if (showSummary) s += hanging + "..." + lineSep;
            for (std::int64_t i = trailing; i > 1; --i)
                s += hanging + child(len - i) + lineSep;
            s += hanging + child(len - 1);
        }
        return "[" + s.substr(hanging.size()) + "]";
    }

private:
    const Tensor &m_a;
    bool m_summarize;
    const ElementFormat &m_fmt;
};

// The elements a summarised print shows (numpy's _leading_trailing), for the width computation.
void collectShown(const Tensor &a, bool summarize, std::vector<std::int64_t> &index,
                  std::vector<double> &out)
{
    const int axis = static_cast<int>(index.size());
    if (axis == a.ndim()) {
        out.push_back(a.at(index));
        return;
    }
    const std::int64_t len = a.shape()[axis];
    for (std::int64_t i = 0; i < len; ++i) {
        if (summarize && len > 2 * kEdgeItems && i == kEdgeItems) i = len - kEdgeItems;
        index.push_back(i);
        collectShown(a, summarize, index, out);
        index.pop_back();
    }
}

} // namespace

std::string formatArray(const Tensor &array)
{
    const bool summarize = array.size() > kThreshold;
    std::vector<std::int64_t> index;
    std::vector<double> shown;
    collectShown(array, summarize, index, shown);
    ElementFormat fmt(array.dtype(), shown);
    const std::string prefix = "array(";
    const std::string dtypeText = "dtype=" + std::string(dtypeName(array.dtype())) + ")";
    std::string body;
    if (array.ndim() == 0) {
        body = fmt(array.at(index));
    } else if (array.size() == 0) {
        body = "[]";
        std::string out = prefix + body + ", ";
        return out +
               (array.ndim() > 1 || array.shape()[0] != 0
                    ? "shape=" + formatShape(array.shape()) + ", "
                    : "") +
               dtypeText;
    } else {
        Printer printer(array, summarize, fmt);
        // array2string subtracts the "," suffix from the width; the hanging indent covers "array(".
        body = printer.recurse(index, std::string(prefix.size() + 1, ' '), kLineWidth - 1);
    }
    std::string out = prefix + body + ",";
    const std::size_t lastNewline = out.rfind('\n');
    const std::size_t lastLine =
        out.size() - (lastNewline == std::string::npos ? 0 : lastNewline + 1);
    if (static_cast<int>(lastLine + dtypeText.size() + 1) > kLineWidth)
        return out + "\n" + std::string(prefix.size(), ' ') + dtypeText;
    return out + " " + dtypeText;
}

std::string formatScalar(double value, DType dtype)
{
    std::vector<double> one{value};
    ElementFormat fmt(dtype, one);
    return fmt(value);
}

} // namespace core
