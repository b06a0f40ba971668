#include "core/cell/floatformat.h"

#include <charconv>
#include <cmath>

namespace core::cell {

namespace {

std::string chars(double v, bool single, std::chars_format fmt, int precision)
{
    char buf[400];
    std::to_chars_result r;
    if (single) {
        const float f = static_cast<float>(v);
        r = precision < 0 ? std::to_chars(buf, buf + sizeof buf, f, fmt)
                          : std::to_chars(buf, buf + sizeof buf, f, fmt, precision);
    } else {
        r = precision < 0 ? std::to_chars(buf, buf + sizeof buf, v, fmt)
                          : std::to_chars(buf, buf + sizeof buf, v, fmt, precision);
    }
    return std::string(buf, r.ptr);
}

std::string nonFinite(double v)
{
    return std::isnan(v) ? "nan" : v < 0 ? "-inf" : "inf";
}

} // namespace

std::string positionalDigits(double v, bool single, int precision)
{
    if (!std::isfinite(v)) return nonFinite(v);
    std::string s = chars(v, single, std::chars_format::fixed, -1);
    const auto dot = s.find('.');
    if (precision >= 0 && dot != std::string::npos &&
        s.size() - dot - 1 > static_cast<std::size_t>(precision)) {
        s = chars(v, single, std::chars_format::fixed, precision);
        while (!s.empty() && s.back() == '0')
            s.pop_back();
    }
    if (s.find('.') == std::string::npos) s += '.';
    return s;
}

std::string scientificDigits(double v, bool single, int precision)
{
    if (!std::isfinite(v)) return nonFinite(v);
    std::string s = chars(v, single, std::chars_format::scientific, -1);
    auto e = s.find('e');
    std::string m = s.substr(0, e);
    const auto dot = m.find('.');
    if (precision >= 0 && dot != std::string::npos &&
        m.size() - dot - 1 > static_cast<std::size_t>(precision)) {
        s = chars(v, single, std::chars_format::scientific, precision);
        e = s.find('e');
        m = s.substr(0, e);
        while (m.back() == '0')
            m.pop_back();
    }
    if (m.find('.') == std::string::npos) m += '.';
    return m + s.substr(e);
}

std::string floatScalarRepr(double v, bool single)
{
    if (!std::isfinite(v)) return nonFinite(v);
    const double a = std::fabs(single ? static_cast<float>(v) : v);
    if (a == 0 || (a >= 1e-4 && a < 1e16)) {
        std::string s = positionalDigits(v, single);
        if (s.back() == '.') s += '0';
        return s;
    }
    std::string s = scientificDigits(v, single);
    // "1.e-05" -> "1e-05": Python and NumPy scalars drop a bare point.
    const auto dot = s.find(".e");
    if (dot != std::string::npos) s.erase(dot, 1);
    return s;
}

} // namespace core::cell
