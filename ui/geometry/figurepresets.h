#pragma once
// Ready-made starting points, one per figure of the chapter, so a teacher can jump to the figure
// being discussed: the vectors, the chain and the cloud it needs.

#include "ui/geometry/geometrystate.h"

#include <QString>
#include <vector>

namespace ui {

struct FigurePreset {
    QString title; // "Figure 2.10: rotation"
    GeometryState state;
};

const std::vector<FigurePreset> &figurePresets();

} // namespace ui
