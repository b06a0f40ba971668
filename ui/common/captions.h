#pragma once
// Captions that shorten instead of being cut: a painted caption picks the longest wording that
// fits its box, so a narrow window or presentation fonts lose detail, not letters.

#include <QFontMetricsF>
#include <QRectF>
#include <QStringList>

namespace ui {

// The first of `captions` (longest first) that fits `box` when word-wrapped; the last if none do.
QString longestCaptionThatFits(const QFontMetricsF &metrics, const QRectF &box,
                               const QStringList &captions);

// lines broken at spaces so that none is wider than width in metrics (a single word wider than
// width stays whole on its line). The text is kept: only spaces become line breaks.
QStringList wrapLines(const QFontMetricsF &metrics, const QStringList &lines, double width);

} // namespace ui
