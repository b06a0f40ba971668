#pragma once
// Where the phase caption ("Applied: affine W·x + b") sits on the plane. Its home is the top-right
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

// The caption's rectangle: the top-right corner when none of keepVisible (points, with a margin
// around them) is under it there; else the corner that covers fewer, on a tie the one it was in.
QRectF placeCaption(const QSizeF &size, const CaptionRoom &room,
                    const std::vector<QPointF> &keepVisible);

} // namespace ui
