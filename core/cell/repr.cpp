#include "core/cell/repr.h"

#include "core/cell/floatformat.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <type_traits>
#include <vector>

namespace core::cell {

namespace {

constexpr int kLineWidth = 75;
constexpr std::int64_t kThreshold = 1000;
constexpr std::int64_t kEdgeItems = 3;
constexpr int kPrecision = 8;

// Storage position of a full index.
std::int64_t position(const Tensor &a, std::span<const std::int64_t> index)
{
    std::int64_t pos = a.offset();
    for (std::size_t i = 0; i < index.size(); ++i)
        pos += index[i] * a.strides()[i];
    return pos;
}

template<class T> T elementAtPos(const Tensor &a, std::int64_t pos)
{
    return reinterpret_cast<const T *>(a.buffer()->data())[pos];
}

// numpy.core.arrayprint's FloatingFormat for floatmode 'maxprec', precision 8, sign '-'.
class FloatFormat {
public:
    FloatFormat(const std::vector<double> &data, bool single) : m_single(single)
    {
        std::vector<double> finite;
        for (double v : data)
            if (std::isfinite(v)) finite.push_back(v);
        double maxVal = 0, minVal = INFINITY;
        bool anyNonZero = false;
        for (double v : finite) {
            if (v == 0) continue;
            anyNonZero = true;
            maxVal = std::max(maxVal, std::fabs(v));
            minVal = std::min(minVal, std::fabs(v));
        }
        if (anyNonZero) {
            const double ratio =
                single
                    ? static_cast<double>(static_cast<float>(maxVal) / static_cast<float>(minVal))
                    : maxVal / minVal;
            m_exp = maxVal >= 1e8 || minVal < 0.0001 || ratio > 1000.;
        }
        if (finite.empty()) {
            m_padLeft = m_padRight = 0;
            m_exp = false;
        } else if (m_exp) {
            int expSize = 0;
            for (double v : finite) {
                const std::string s = scientificDigits(v, single, kPrecision);
                const auto e = s.find('e');
                const auto dot = s.find('.');
                expSize = std::max<int>(expSize, static_cast<int>(s.size() - e - 1) - 1);
                m_precision = std::max<int>(m_precision, static_cast<int>(e - dot - 1));
                m_padLeft = std::max<int>(m_padLeft, static_cast<int>(dot));
            }
            m_expSize = expSize;
            m_padRight = m_expSize + 2 + m_precision;
        } else {
            for (double v : finite) {
                const std::string s = positionalDigits(v, single, kPrecision);
                const auto dot = s.find('.');
                m_padLeft = std::max<int>(m_padLeft, static_cast<int>(dot));
                m_padRight = std::max<int>(m_padRight, static_cast<int>(s.size() - dot - 1));
            }
        }
        if (finite.size() != data.size()) {
            bool negInf = false;
            for (double v : data)
                if (std::isinf(v) && v < 0) negInf = true;
            const int offset = m_padRight + 1;
            m_padLeft = std::max({m_padLeft, 3 - offset, 3 + (negInf ? 1 : 0) - offset});
        }
    }

    std::string operator()(double v) const
    {
        if (!std::isfinite(v)) {
            const std::string s = std::isnan(v) ? "nan" : v < 0 ? "-inf" : "inf";
            return std::string(
                       std::max<int>(0, m_padLeft + m_padRight + 1 - static_cast<int>(s.size())),
                       ' ') +
                   s;
        }
        if (m_exp) {
            std::string s = scientificDigits(v, m_single, m_precision);
            const auto e = s.find('e');
            const auto dot = s.find('.');
            std::string mant = s.substr(0, e);
            const int frac = static_cast<int>(e - dot - 1);
            mant.append(std::max(0, m_precision - frac), '0');
            std::string exp = s.substr(e + 2);
            while (static_cast<int>(exp.size()) < m_expSize)
                exp.insert(exp.begin(), '0');
            return std::string(std::max<int>(0, m_padLeft - static_cast<int>(dot)), ' ') + mant +
                   "e" + s[e + 1] + exp;
        }
        const std::string s = positionalDigits(v, m_single, kPrecision);
        const auto dot = s.find('.');
        const int frac = static_cast<int>(s.size() - dot - 1);
        return std::string(std::max<int>(0, m_padLeft - static_cast<int>(dot)), ' ') + s +
               std::string(std::max(0, m_padRight - frac), ' ');
    }

private:
    bool m_single;
    bool m_exp = false;
    int m_padLeft = 0;
    int m_padRight = 0;
    int m_precision = 0;
    int m_expSize = 0;
};

// The formatter of one dtype over the elements shown (numpy's _get_format_function).
using ElementFormatter = std::function<std::string(std::int64_t pos)>;

template<class T>
ElementFormatter makeFormatter(const Tensor &a, const std::vector<std::int64_t> &shown)
{
    if constexpr (std::is_same_v<T, bool>) {
        const std::string trueText = a.ndim() > 0 ? " True" : "True";
        return [&a, trueText](std::int64_t pos) {
            return elementAtPos<bool>(a, pos) ? trueText : std::string("False");
        };
    } else if constexpr (std::is_floating_point_v<T>) {
        std::vector<double> values;
        values.reserve(shown.size());
        for (auto pos : shown)
            values.push_back(elementAtPos<T>(a, pos));
        FloatFormat fmt(values, std::is_same_v<T, float>);
        return [&a, fmt](std::int64_t pos) { return fmt(elementAtPos<T>(a, pos)); };
    } else {
        std::size_t width = 0;
        for (auto pos : shown)
            width = std::max(width, std::to_string(elementAtPos<T>(a, pos)).size());
        return [&a, width](std::int64_t pos) {
            std::string s = std::to_string(elementAtPos<T>(a, pos));
            return std::string(width - std::min(width, s.size()), ' ') + s;
        };
    }
}

// The storage positions of the elements a print shows (numpy's _leading_trailing).
void collectShown(const Tensor &a, bool summarize, std::vector<std::int64_t> &index,
                  std::vector<std::int64_t> &out)
{
    const int axis = static_cast<int>(index.size());
    if (axis == a.ndim()) {
        out.push_back(position(a, index));
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

// numpy's _extendLine: wrap before a word that would pass the width, unless that cannot help.
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

// numpy's _formatArray.
class Printer {
public:
    Printer(const Tensor &a, bool summarize, const ElementFormatter &fmt, std::string separator)
        : m_a(a), m_summarize(summarize), m_fmt(fmt), m_sep(std::move(separator))
    {}

    std::string recurse(std::vector<std::int64_t> &index, const std::string &hanging, int width)
    {
        const int axis = static_cast<int>(index.size());
        const int axesLeft = m_a.ndim() - axis;
        if (axesLeft == 0) return m_fmt(position(m_a, index));
        const std::string nextHanging = hanging + " ";
        const int nextWidth = width - 1;
        const std::int64_t len = m_a.shape()[axis];
        const bool showSummary = m_summarize && 2 * kEdgeItems < len;
        const std::int64_t leading = showSummary ? kEdgeItems : 0;
        const std::int64_t trailing = showSummary ? kEdgeItems : len;
        auto child = [&](std::int64_t i) {
            index.push_back(i);
            std::string r = recurse(index, nextHanging, nextWidth);
            index.pop_back();
            return r;
        };
        std::string s;
        std::string sepStripped = m_sep;
        while (!sepStripped.empty() && sepStripped.back() == ' ')
            sepStripped.pop_back();
        if (axesLeft == 1) {
            const int elemWidth = width - std::max<int>(static_cast<int>(sepStripped.size()), 1);
            std::string line = hanging;
            for (std::int64_t i = 0; i < leading; ++i) {
                extendLine(s, line, child(i), elemWidth, hanging);
                line += m_sep;
            }
            if (showSummary) {
                extendLine(s, line, "...", elemWidth, hanging);
                line += m_sep;
            }
            for (std::int64_t i = trailing; i > 1; --i) {
                extendLine(s, line, child(len - i), elemWidth, hanging);
                line += m_sep;
            }
            extendLine(s, line, child(len - 1), elemWidth, hanging);
            s += line;
        } else {
            const std::string lineSep = sepStripped + std::string(axesLeft - 1, '\n');
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
    const ElementFormatter &m_fmt;
    std::string m_sep;
};

// numpy's array2string body: the nested brackets for a non-empty array.
std::string body(const Tensor &a, const std::string &separator, const std::string &prefix,
                 int lineWidth)
{
    const bool summarize = a.size() > kThreshold;
    std::vector<std::int64_t> index;
    std::vector<std::int64_t> shown;
    collectShown(a, summarize, index, shown);
    const ElementFormatter fmt =
        visitDType(a.dtype(), [&](auto tag) { return makeFormatter<decltype(tag)>(a, shown); });
    Printer printer(a, summarize, fmt, separator);
    return printer.recurse(index, " " + std::string(prefix.size(), ' '), lineWidth);
}

bool dtypeIsImplied(DType t)
{
    return t == DType::Int64 || t == DType::Float64 || t == DType::Bool;
}

} // namespace

std::string arrayRepr(const Tensor &a)
{
    const std::string prefix = "array(";
    const bool skipDtype = dtypeIsImplied(a.dtype()) && a.size() > 0;
    const std::string suffix = skipDtype ? ")" : ",";
    std::string list;
    if (a.size() > 0 || (a.ndim() == 1 && a.shape()[0] == 0)) {
        list = a.size() == 0 ? "[]" : body(a, ", ", prefix, kLineWidth - 1);
    } else {
        std::string shape = "(";
        for (int i = 0; i < a.ndim(); ++i)
            shape += (i ? ", " : "") + std::to_string(a.shape()[i]);
        shape += a.ndim() == 1 ? ",)" : ")";
        list = "[], shape=" + shape;
    }
    std::string out = prefix + list + suffix;
    if (skipDtype) return out;
    const std::string dtypeText = "dtype=" + std::string(dtypeName(a.dtype())) + ")";
    const std::size_t nl = out.rfind('\n');
    const std::size_t lastLine = out.size() - (nl == std::string::npos ? 0 : nl + 1);
    if (static_cast<int>(lastLine + dtypeText.size()) > kLineWidth)
        return out + "\n" + std::string(prefix.size(), ' ') + dtypeText;
    return out + " " + dtypeText;
}

std::string arrayStr(const Tensor &a)
{
    if (a.ndim() == 0) {
        const std::int64_t none[1] = {0};
        return elementRepr(a, std::span<const std::int64_t>(none, 0));
    }
    if (a.size() == 0) return "[]";
    return body(a, " ", "", kLineWidth);
}

std::string elementRepr(const Tensor &a, std::span<const std::int64_t> index)
{
    const std::int64_t pos = position(a, index);
    return visitDType(a.dtype(), [&](auto tag) -> std::string {
        using T = decltype(tag);
        const T v = elementAtPos<T>(a, pos);
        if constexpr (std::is_same_v<T, bool>)
            return v ? "True" : "False";
        else if constexpr (std::is_floating_point_v<T>)
            return floatScalarRepr(v, std::is_same_v<T, float>);
        else
            return std::to_string(v);
    });
}

std::string scalarRepr(double value, DType dtype)
{
    if (dtype == DType::Bool) return value != 0 ? "True" : "False";
    if (isFloating(dtype)) return floatScalarRepr(value, dtype == DType::Float32);
    if (dtype == DType::UInt64) return std::to_string(static_cast<std::uint64_t>(value));
    return std::to_string(static_cast<std::int64_t>(value));
}

std::string dtypeRepr(DType dtype)
{
    return "dtype('" + std::string(dtypeName(dtype)) + "')";
}

Strides byteStrides(const Tensor &a)
{
    Strides out = a.strides();
    for (auto &s : out)
        s *= static_cast<std::int64_t>(dtypeSize(a.dtype()));
    return out;
}

} // namespace core::cell
