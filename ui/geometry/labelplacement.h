#pragma once
// Where the vectors' labels go so that none hides a tick number, another label or a box over the
// plane: read from the back of a classroom, "T(v₁ + v₂)" on top of the tick "3" is unreadable.
// Plain geometry, like captionplacement.h, so that it is tested without GL. All rectangles in
// logical pixels.

#include <QPointF>
#include <QRectF>
#include <vector>

namespace ui {

struct LabelRequest {
    QPointF tip;       // the arrow's tip
    QPointF direction; // where the arrow points there, a unit vector (y down)
    double gap = 10;   // from the tip to the label
    QRectF preferred;  // the label's home, just beyond the tip; its size is the label's
};

struct LabelRoom {
    QRectF area;               // labels are kept inside it
    std::vector<QRectF> ticks; // the tick numbers: they never move
    std::vector<QRectF> boxes; // taken already: the readout, the caption (empty ones are none)
};

struct LabelPlace {
    QRectF rect;
    int candidate = 0; // its index in labelCandidates(): 0 is the home
    bool free = true;  // it overlaps no tick, box or earlier label
};

// The rectangle of `size` `distance` from tip towards `direction`: to the right of that point
// when the direction points right, above it when it points up, centred on it along an axis the
// direction hardly follows.
QRectF labelBeside(const QPointF &tip, const QPointF &direction, double distance,
                   const QSizeF &size);

// Where a label may go, best first: its home; the 8 compass points around the tip at `gap`, the
// one nearest the arrow's direction first (the opposite side lies on the arrow's own shaft); the
// label slid along each side of the tip, `gap` from it; the compass points one and two label
// heights further out. Each moved inside area rather than cut.
std::vector<QRectF> labelCandidates(const LabelRequest &label, const QRectF &area);

// A place for each label, in order (earlier labels choose first): its first candidate that
// overlaps no tick, box or earlier label, and hides no arrow's tip (the labels' tips) if one of
// them does not; when none is free, the one that overlaps least (by area, the earlier on a tie).
// Only the input decides, so a still scene never flickers.
std::vector<LabelPlace> placeLabels(const std::vector<LabelRequest> &labels, const LabelRoom &room);

} // namespace ui
