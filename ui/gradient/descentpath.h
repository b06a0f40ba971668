#pragma once
// An optimizer's path over a 2-parameter loss surface, as the Gradient page's views draw it, and
// what both views share to draw it alike: the clipping to the surface's domain (a diverging
// optimizer leaves it; what is outside is not drawn, and its end is marked where it left), the
// marks at its start and end, the start marker and the key of names.

#include <QColor>
#include <QFont>
#include <QPalette>
#include <QPointF>
#include <QRectF>
#include <QSizeF>
#include <QString>
#include <vector>

class QPainter;

namespace ui {

struct DescentPath {
    QString name;
    QColor color;
    std::vector<QPointF> points; // (w0, w1) after each step, the start first
    std::vector<double> losses;  // the loss at each point; may be shorter, or hold NaN/inf
    bool diverged = false;       // the end is drawn as a cross instead of a ring
};

// A point of a clipped path: where it is, and where along the original path (k + f is the way
// from points[k] to points[k + 1]; whole numbers are the path's own points).
struct ClippedPoint {
    QPointF w;
    double at = 0;
    bool isStep() const;
};

// The parts of the polyline that lie in domain (closed), each at least two points long, or one
// when a single point is alone inside. Non-finite points break the line.
std::vector<std::vector<ClippedPoint>> clipToDomain(const std::vector<QPointF> &points,
                                                    const QRectF &domain);

// The marks, centred on a pixel; unit scales them with the font (presentation mode). rim is the
// background's colour, drawn around them so they read over any colour of the surface.
void paintPathStart(QPainter &painter, QPointF at, const DescentPath &path, const QColor &rim,
                    double unit);
// A ring, or a cross when the path diverged.
void paintPathEnd(QPainter &painter, QPointF at, const DescentPath &path, const QColor &rim,
                  double unit);
void paintStepDot(QPainter &painter, QPointF at, const QColor &colour, const QColor &rim,
                  double unit);
// The highlighted point (the optimizers' start): an ink ring on a light disc.
void paintMarker(QPainter &painter, QPointF at, const QPalette &palette, double unit);
// The size paintPathLegend's box takes (empty when no path has a name).
QSizeF pathLegendSize(const std::vector<DescentPath> &paths, const QFont &font, double unit);
// A line of each named path's colour and its name, in a light box whose top-left is at topLeft.
void paintPathLegend(QPainter &painter, QPointF topLeft, const std::vector<DescentPath> &paths,
                     const QFont &font, const QPalette &palette, double unit);

} // namespace ui
