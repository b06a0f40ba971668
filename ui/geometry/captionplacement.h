#pragma once
// Where the boxes over the plane go: a corner, below another box if they would meet. The phase
// caption ("Applied: affine W·x + b") also keeps arrow tips visible. Its home is the top-right
// corner, but a vector pointing up and right ends there: then the caption moves to the bottom-right
// corner, above the usage hint, if fewer arrow tips and labels are under it there.

#include <QPointF>
#include <QRectF>
#include <QSizeF>
#include <vector>

namespace ui {

struct CaptionRoom {
    QRectF area;              // the plane, in logical pixels
    double margin = 10;       // from the plane's edges
    QRectF readout;           // the det/area box in the top-left corner (may be empty)
    double bottomReserve = 0; // the hint's line along the bottom edge
    bool wasAtBottom = false; // where the last frame put it
};

// A box of `size` in a corner of area (Qt::AlignTop | Qt::AlignRight etc.), `margin` from its
// edges; one that would overlap `avoid` goes below it instead. The readouts and the caption use it.
QRectF boxInCorner(const QSizeF &size, Qt::Alignment corner, const QRectF &area, double margin,
                   const QRectF &avoid = {});

// The caption's rectangle: the top-right corner when none of keepVisible (points, with a margin
// around them) is under it there; else the corner that covers fewer, on a tie the one it was in.
QRectF placeCaption(const QSizeF &size, const CaptionRoom &room,
                    const std::vector<QPointF> &keepVisible);

} // namespace ui
