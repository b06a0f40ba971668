#pragma once
// The sampled loss surface that the Gradient page's two pictures share: the grid of losses over a
// rectangle of (w0, w1), its bilinear interpolation, the one mapping of loss to height (the 3D
// view's height and both views' colour) and the colour ramp. One place, so the map and the 3D
// surface always agree on what a colour means.

#include <QPointF>
#include <QRectF>
#include <QString>
#include <QtGui/qrgb.h>
#include <vector>

namespace ui {

// values holds ny rows of nx losses, row-major: the sample (i, j) is values[j * nx + i], at
// w0 = domain.left() + i * domain.width() / (nx - 1) and w1 = domain.top() + j * domain.height()
// / (ny - 1). QRectF's top() is its smallest y, so row 0 is the smallest w1 (the bottom of the
// map). Losses may be NaN or infinite where the loss could not be computed.
struct SurfaceGrid {
    QRectF domain;
    int nx = 0, ny = 0;
    std::vector<double> values;

    // At least 2 × 2 samples over a domain of positive size.
    bool isValid() const;
    double at(int i, int j) const { return values[static_cast<std::size_t>(j) * nx + i]; }
    QPointF wAt(double i, double j) const;
    // The bilinear interpolation at w; NaN outside the domain or next to a non-finite sample.
    double sample(QPointF w) const;
};

// Loss to height in [0, 1]: (loss - min) / (cap - min) clamped, where cap is the largest loss or,
// when that is more than 3 times the 98th percentile, the percentile (so a few huge values, an
// exploding corner, do not flatten everything else), then raised to a
// power gamma <= 1 chosen so that the median loss sits at a quarter of the height or higher. A
// bowl's median is already there, so it stays a parabola (gamma 1); a long valley whose walls rise
// to 1e3 gets gamma near 1/2, a square-root compression that keeps its floor visible. Monotone, so
// the order of losses, minima and paths is kept.
struct LossScale {
    double min = 0, cap = 1, gamma = 1;

    static LossScale fit(const std::vector<double> &values);
    // NaN for NaN; +inf is the top.
    double height(double loss) const;
    // The loss at height h in [0, 1] (for the axis' ticks).
    double loss(double h) const;
};

// The colour of height h in [0, 1]: a sequential ramp after ColorBrewer's YlGnBu, pale cream at
// the minimum through green-blue to a deep blue for high losses (so the valleys where paths run are
// light and the paths stand out on them), stopping short of YlGnBu's near-black navy.
QRgb surfaceColor(double h);

// A tick's number printed with as many decimals as its step needs ("0.5", "200", "−1").
QString tickText(double v, double step);

} // namespace ui
