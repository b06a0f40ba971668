#pragma once
// The text over the plane, painted with QPainter after the GL pass: labels with a halo so they
// read over any line, the determinant/area readout, the phase caption and the hover readout.
// Fonts come from the widget, which presentation mode already enlarges.

#include "ui/geometry/planetheme.h"
#include "ui/geometry/scene.h"

#include <QFont>
#include <QStringList>

class QPainter;

namespace ui {

class PlaneOverlay {
public:
    PlaneOverlay(QPainter &painter, const PlaneTheme &theme, const QFont &base, double scale);

    void labels(const std::vector<SceneLabel> &labels);
    // A boxed block of lines in a corner (Qt::AlignTop | Qt::AlignLeft etc.) of area.
    void box(const QStringList &lines, Qt::Alignment corner, const QRectF &area,
             bool emphasize = false);
    // Muted text without a box, e.g. usage hints.
    void hint(const QString &text, Qt::Alignment corner, const QRectF &area);
    // A message in the middle, for when GL is not available.
    void message(const QString &text, const QRectF &area);

private:
    QFont font(SceneLabel::Style style) const;

    QPainter &m_painter;
    const PlaneTheme &m_theme;
    QFont m_base;
    double m_scale;
};

} // namespace ui
