#include "ui/geometry/captionplacement.h"

#include <algorithm>

namespace ui {

QRectF boxInCorner(const QSizeF &size, Qt::Alignment corner, const QRectF &area, double margin,
                   const QRectF &avoid)
{
    QPointF topLeft(area.left() + margin, area.top() + margin);
    if (corner & Qt::AlignRight)
        topLeft.rx() = area.right() - margin - size.width();
    else if (corner & Qt::AlignHCenter)
        topLeft.rx() = area.center().x() - size.width() / 2;
    if (corner & Qt::AlignBottom) topLeft.ry() = area.bottom() - margin - size.height();
    // Side by side with `avoid` when there is room, else below it.
    if (!avoid.isEmpty() && QRectF(topLeft, size).intersects(avoid.adjusted(-margin, 0, margin, 0)))
        topLeft.ry() = avoid.bottom() + margin / 2;
    return {topLeft, size};
}

QRectF placeCaption(const QSizeF &size, const CaptionRoom &room,
                    const std::vector<QPointF> &keepVisible)
{
    const double m = room.margin;
    const QRectF top = boxInCorner(size, Qt::AlignTop | Qt::AlignRight, room.area, m, room.readout);
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
