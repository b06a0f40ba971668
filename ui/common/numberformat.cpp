#include "ui/common/numberformat.h"

#include <cmath>

namespace ui {

QString formatNumber(double v, int decimals)
{
    if (!std::isfinite(v))
        return std::isnan(v) ? QStringLiteral("nan")
                             : (v > 0 ? QStringLiteral("inf") : QStringLiteral("-inf"));
    // From 1e16 on Python's repr switches to an exponent ("2e+20", "1e+308"); fixed notation
    // printed 1e308 as 309 digits and pushed the side panel off the screen.
    if (std::abs(v) >= 1e16) {
        QString s = QString::number(v, 'e', decimals); // "2.0000e+20"
        const qsizetype e = s.indexOf(QLatin1Char('e'));
        QString mantissa = s.left(e);
        if (mantissa.contains(QLatin1Char('.'))) {
            while (mantissa.endsWith(QLatin1Char('0')))
                mantissa.chop(1);
            if (mantissa.endsWith(QLatin1Char('.'))) mantissa.chop(1);
        }
        return mantissa + s.mid(e);
    }
    QString s = QString::number(v, 'f', decimals);
    if (s.contains(QLatin1Char('.'))) {
        while (s.endsWith(QLatin1Char('0')))
            s.chop(1);
        if (s.endsWith(QLatin1Char('.'))) s.chop(1);
    }
    if (s == QLatin1String("-0")) s = QStringLiteral("0");
    return s;
}

QString pythonNumber(double v, int decimals)
{
    QString s = formatNumber(v, decimals);
    if (std::isfinite(v) && !s.contains(QLatin1Char('.')) && !s.contains(QLatin1Char('e')))
        s += QStringLiteral(".0"); // "2e+20" is a float literal already
    return s;
}

QString subscript(int n)
{
    QString s;
    for (const QChar c : QString::number(n))
        s += c.isDigit() ? QChar(0x2080 + (c.unicode() - u'0')) : c;
    return s;
}

QString formatVector(const Eigen::Vector2d &v, int decimals)
{
    return QStringLiteral("(%1, %2)")
        .arg(formatNumber(v.x(), decimals), formatNumber(v.y(), decimals));
}

} // namespace ui
