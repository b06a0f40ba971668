#include "ui/common/captions.h"

namespace ui {

QString longestCaptionThatFits(const QFontMetricsF &metrics, const QRectF &box,
                               const QStringList &captions)
{
    for (const QString &caption : captions) {
        const QRectF used = metrics.boundingRect(box, Qt::AlignLeft | Qt::TextWordWrap, caption);
        // Text layout rounds each line's height up a little: half a pixel is not a cut letter.
        constexpr double slack = 0.5;
        if (used.height() <= box.height() + slack && used.width() <= box.width() + slack)
            return caption;
    }
    return captions.isEmpty() ? QString() : captions.constLast();
}

QStringList wrapLines(const QFontMetricsF &metrics, const QStringList &lines, double width)
{
    QStringList out;
    for (const QString &line : lines) {
        if (metrics.horizontalAdvance(line) <= width) {
            out << line;
            continue;
        }
        // Greedy: as many words as fit on each line. Runs of spaces inside a word group ("det =
        // 1.25   (areas") are kept where the line does not break.
        const QStringList words = line.split(QLatin1Char(' '));
        QString current;
        for (const QString &word : words) {
            const QString joined = current.isNull() ? word : current + QLatin1Char(' ') + word;
            if (!current.isNull() && !current.trimmed().isEmpty() &&
                metrics.horizontalAdvance(joined.trimmed()) > width) {
                out << current.trimmed();
                current = word;
            } else {
                current = joined;
            }
        }
        if (!current.trimmed().isEmpty()) out << current.trimmed();
    }
    return out;
}

} // namespace ui
