#pragma once
// Numbers as the book prints them in prose: 60,000 (grouped by commas whatever the system locale).

#include <QString>

namespace ui {

QString thousands(qint64 n);

} // namespace ui
