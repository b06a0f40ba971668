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

} // namespace ui
