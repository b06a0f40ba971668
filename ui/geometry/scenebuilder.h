#pragma once
// Turns the page state at one instant into a Scene: the still background grid and axes, the
// warped grid, the unit square and its image, e1/e2, the user's vectors with their images, the
// sum's parallelogram and the handles for W's columns.

#include "ui/geometry/geometrystate.h"
#include "ui/geometry/planetheme.h"
#include "ui/geometry/scene.h"

namespace ui {

class PlaneCamera;

struct SceneInput {
    const GeometryState *state = nullptr;
    core::geometry::Stages stages; // the chain at the playhead
    bool atEnd = true;             // the playhead is at the end: the whole chain is applied
    int selectedStep = -1;         // the step being edited, for W's handles
    const PlaneCamera *camera = nullptr;
    PlaneTheme theme;
    double scale = 1.0; // presentation scale: line widths and sizes
    std::optional<HandleId> hovered;
    std::optional<HandleId> dragged;
};

Scene buildScene(const SceneInput &input);

// The major grid step for a zoom: the round number nearest to `targetPixels` on screen.
double gridStep(double pixelsPerUnit, double targetPixels = 80.0);

} // namespace ui
