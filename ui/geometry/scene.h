#pragma once
// One frame of the plane as data: what the GL pass draws (under and over the point cloud), the
// text the QPainter pass writes, and where the draggable handles are. Built from the page state
// and the chain frozen at the playhead's time; see scenebuilder.h.

#include "ui/geometry/drawlist.h"

#include <QPointF>
#include <QString>
#include <optional>
#include <vector>

namespace ui {

class PlaneCamera;

struct SceneLabel {
    enum class Style { Normal, Small, Strong };
    QPointF at; // logical pixels
    QString text;
    QColor colour;
    Qt::Alignment align; // which side of `at` the text sits on: AlignLeft = to its right
    Style style = Style::Normal;
    // A vector's label: its arrow's tip, around which the overlay may move it so that it hides no
    // tick number or other label. Tick numbers have none: they stay where they are.
    std::optional<QPointF> tip;
};

struct HandleId {
    enum class Kind { Vector, Column };
    Kind kind = Kind::Vector;
    int index = 0; // the vector's index, or W's column (0 for e1, 1 for e2)
    bool operator==(const HandleId &) const = default;
};

struct Handle {
    HandleId id;
    Eigen::Vector2d world;
    QColor colour;
};

struct Scene {
    DrawList under; // grids, axes: below the cloud
    DrawList over;  // the unit square, arrows, handles: above it
    std::vector<SceneLabel> labels;
    std::vector<Handle> handles;
};

// The handle nearest to pixel within radius (logical pixels), if any.
std::optional<Handle> handleAt(const Scene &scene, const QPointF &pixel, const PlaneCamera &camera,
                               double radius);

} // namespace ui
