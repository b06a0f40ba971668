#pragma once
// The text over the plane: labels with a halo so they read over any line, the det/area readout,
// the phase caption, the hover readout and usage hints. Each piece is rendered once with the
// raster engine into a small image and then only blitted: text as paths (for the halo) is slow on
// the GL paint engine, and most labels stay the same from frame to frame. Fonts come from the
// widget, which presentation mode already enlarges.

#include "ui/geometry/planetheme.h"
#include "ui/geometry/scene.h"

#include <QFont>
#include <QHash>
#include <QImage>
#include <QStringList>
#include <functional>

class QPainter;

namespace ui {

class PlaneOverlay {
public:
    // Starts a frame.
    void begin(const PlaneTheme &theme, const QFont &base, double scale, double devicePixelRatio);
    // Labels are kept inside area, so that one near the edge is moved rather than cut. Those
    // without a tip (tick numbers) are moved below the boxes in avoid (the readouts in the
    // corners); a vector's label goes where around its tip it overlaps no tick number, box or
    // other label (labelplacement.h). Returns where each text went, in the order of labels.
    std::vector<QRectF> labels(const std::vector<SceneLabel> &labels, const QRectF &area,
                               const std::vector<QRectF> &avoid = {});
    // A boxed block of lines in a corner (Qt::AlignTop | Qt::AlignLeft etc.) of area; returns
    // where it went. A box that would overlap `avoid` goes below it instead.
    QRectF box(const QStringList &lines, Qt::Alignment corner, const QRectF &area,
               bool emphasize = false, const QRectF &avoid = {});
    // The size such a box has, and the box drawn at a place of that size chosen by the caller.
    QSizeF boxSize(const QStringList &lines, bool emphasize = false) const;
    void boxAt(const QStringList &lines, const QRectF &place, bool emphasize = false);
    // Boxes and hints keep this far from the area's edges; a hint line takes hintHeight().
    double margin() const { return 10 * m_scale; }
    double hintHeight() const;
    // Muted text with a halo, without a box, e.g. usage hints.
    void hint(const QString &text, Qt::Alignment corner, const QRectF &area);
    // The longest of wordings (longest first) that fits area's width; returns where it went.
    QRectF hint(const QStringList &wordings, Qt::Alignment corner, const QRectF &area);
    // lines broken at spaces so that their box is at most width wide (a narrow plane: a
    // projector in presentation mode), instead of being cut at the plane's edge.
    QStringList wrapToWidth(const QStringList &lines, double width, bool emphasize = false) const;
    // Draws what the frame added, and drops images no longer in use.
    void paint(QPainter &painter);

    // A message in the middle, for when GL is not available.
    static void message(QPainter &painter, const PlaneTheme &theme, const QFont &font,
                        const QString &text, const QRectF &area);

private:
    struct Item {
        QPointF topLeft; // logical pixels
        QImage image;    // with its device pixel ratio set
    };
    QFont font(SceneLabel::Style style) const;
    QFont boxFont(bool emphasize) const;
    // The image for key, rendered by draw(painter) on a transparent image of logical `size` when
    // it is not cached.
    QImage cached(const QString &key, const QSizeF &size,
                  const std::function<void(QPainter &)> &draw);
    void add(const QPointF &topLeft, const QImage &image);
    QString styleKey() const;

    PlaneTheme m_theme;
    QFont m_base;
    double m_scale = 1, m_dpr = 1;
    std::vector<Item> m_items;
    QHash<QString, QImage> m_current, m_previous; // used this frame, used last frame
};

} // namespace ui
