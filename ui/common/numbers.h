#pragma once
// Numbers as the book prints them in prose: 60,000 (grouped by commas whatever the system locale).

#include <QString>
#include <cstdint>
#include <vector>

namespace ui {

QString thousands(qint64 n);
// A shape or strides as Python prints the tuple: "(3, 4)", "(5,)", "()".
QString shapeTuple(const std::vector<std::int64_t> &values);

} // namespace ui
