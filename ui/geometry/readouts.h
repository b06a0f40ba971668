#pragma once
// The sentences the plane shows: how the chain scales areas, and, under the mouse, the exact
// coordinates of a vector, a column of W or a cloud point before and after the chain.

#include "core/geometry/chain.h"

#include <QStringList>

namespace ui {

// det of the linear part and the signed area of the unit square's image (which a ReLU changes).
// With a ReLU in the stages each line says which of the two includes it.
QStringList areaReadouts(const core::geometry::Stages &stages);
// "v₁ = (2, 1)   →   T(v₁) = (1.5, 2.5)".
QString vectorReadout(int index, const Eigen::Vector2d &v, const core::geometry::Stages &stages);
// "W·e₁ + b = (1.5, 0.5)   (column 1 of W = (1, 0.5))".
QString columnReadout(int column, const core::geometry::Transform &step);
// "point 12 of 1,000:  (0.1, 0.2)   →   (0.3, 0)  (clamped by ReLU)".
QString pointReadout(std::size_t index, std::size_t count, const Eigen::Vector2d &x,
                     const core::geometry::Stages &stages);

} // namespace ui
