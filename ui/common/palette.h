#pragma once
// The one palette of the app. e1/e2 are the basis-vector colours of 3Blue1Brown's linear-algebra
// videos; digits use Tableau 10's hues made dark enough to read as text, the same colour for a
// digit on every page. The digit's number is always printed too, so colour is never the only cue.

#include <QColor>
#include <cstdint>

namespace ui::palette {

QColor e1();             // green #83C167
QColor e2();             // red #FC6255
QColor digit(int label); // label 0-9, contrast >= 3:1 on white
QColor accent();         // highlights and selections
QColor positive();       // diverging map, positive end
QColor negative();       // diverging map, negative end

// The Train page's curves: train, test, and the faint per-batch "raw" one under its smoothed
// curve. A washed-out projector loses light colours first, so in presentation mode they are
// darker: train and test read at 4.5:1 or more on white, the raw batches at 2.5:1.
QColor trainCurve(bool projector);
QColor testCurve(bool projector);
QColor rawCurve(bool projector);
// The Uncrumple page's loss (red, as e2) and accuracy (green, as e1), darker on a projector: e1's
// light green reads at 2.1:1 on white and vanishes there.
QColor lossCurve(bool projector);
QColor accuracyCurve(bool projector);

// The axes of a drawn tensor, each its own dark hue (text on white, >= 4.5:1), so that an axis'
// bracket, its label and its number in the shape read as one thing.
QColor axis(int index);
// Matplotlib's "binary" colormap: 0 white ground, 255 black ink, as plt.imshow(cmap=plt.cm.binary).
inline QRgb binary(std::uint8_t v)
{
    const int g = 255 - v;
    return qRgb(g, g, g);
}
// binary() for a float in [0, 1].
QRgb binaryF(float v);
// Diverging blue-white-red for a signed value scaled by maxAbs (RdBu reversed: negative blue).
QRgb diverging(float v, float maxAbs);

} // namespace ui::palette
