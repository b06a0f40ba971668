#include "ui/geometry/numberformat.h"

#include <cmath>

namespace ui {

QString formatNumber(double v, int decimals)
{
    if (!std::isfinite(v))
        return std::isnan(v) ? QStringLiteral("nan")
                             : (v > 0 ? QStringLiteral("inf") : QStringLiteral("-inf"));
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
    if (std::isfinite(v) && !s.contains(QLatin1Char('.'))) s += QStringLiteral(".0");
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
