#include "ui/geometry/captionplacement.h"

#include <algorithm>

namespace ui {

QRectF placeCaption(const QSizeF &size, const CaptionRoom &room,
                    const std::vector<QPointF> &keepVisible)
{
    const double m = room.margin;
    QRectF top(QPointF(room.area.right() - m - size.width(), room.area.top() + m), size);
    // Side by side with the readout when there is room, else below it.
    if (!room.readout.isEmpty() && top.intersects(room.readout.adjusted(-m, 0, m, 0)))
        top.moveTop(room.readout.bottom() + m / 2);
    const QRectF bottom(
        QPointF(top.left(), room.area.bottom() - m - room.bottomReserve - size.height()), size);

    const auto covered = [&](const QRectF &box) {
        const QRectF grown = box.adjusted(-m, -m, m, m); // a tip right at the edge is hidden too
        return std::count_if(keepVisible.begin(), keepVisible.end(),
                             [&](const QPointF &p) { return grown.contains(p); });
    };
    const auto atTop = covered(top), atBottom = covered(bottom);
    // Home as soon as nothing is there; otherwise a tie stays put, so it does not flicker.
    const bool toBottom = atTop > 0 && (room.wasAtBottom ? atBottom <= atTop : atBottom < atTop);
    return toBottom ? bottom : top;
}

} // namespace ui
