#pragma once
// The part of a plane n · x + d = 0 inside a box, as triangles: how the 3D view draws the output
// layer's separating plane without letting it run off to infinity.

#include "ui/uncrumple/manifoldrenderer.h"

#include <QVector3D>
#include <vector>

namespace ui {

// A convex polygon (3 to 6 corners) fanned into triangles, all of colour rgba; empty when the
// plane misses the box or the normal is zero.
std::vector<ColourVertex> clipPlaneToBox(const QVector3D &normal, float offset, const QVector3D &lo,
                                         const QVector3D &hi, std::uint32_t rgba);

} // namespace ui
