#pragma once
// The plane's colours, from the app palette (light or dark) and the one palette of the app:
// e1 green and e2 red for the basis, the accent blue for the warped grid.

#include <QColor>

class QPalette;

namespace ui {

struct PlaneTheme {
    bool dark = false;
    QColor background, text, mutedText;
    QColor minorGrid, majorGrid, axis;
    QColor warpedGrid, warpedAxis;
    QColor squareFill, squareEdge;
    QColor e1, e2, sum;

    // Colours for the user's vectors, in order, distinct from e1/e2 and from each other.
    QColor vector(int index) const;

    static PlaneTheme fromPalette(const QPalette &palette);
};

// a + (b - a)·t per channel, opaque: grid lines are mixed with the background rather than drawn
// translucent, so crossings and joins do not darken.
QColor mixColours(const QColor &a, const QColor &b, double t);

} // namespace ui
