#include "ui/common/numbers.h"

#include "core/cell/shaperules.h"

namespace ui {

QString thousands(qint64 n)
{
    QString digits = QString::number(n < 0 ? -n : n);
    for (qsizetype i = digits.size() - 3; i > 0; i -= 3)
        digits.insert(i, QLatin1Char(','));
    return n < 0 ? QLatin1Char('-') + digits : digits;
}

QString shapeTuple(const std::vector<std::int64_t> &values)
{
    return QString::fromStdString(core::cell::shapeRepr(values));
}

} // namespace ui
