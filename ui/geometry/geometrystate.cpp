#include "ui/geometry/geometrystate.h"

namespace ui {

GeometryState GeometryState::defaults()
{
    GeometryState s;
    s.vectors = {{2.0, 1.0}, {-0.5, 1.5}};
    Eigen::Matrix2d W;
    W << 1.0, -0.5, 0.5, 1.0;
    s.chain = {core::geometry::Transform::affineMap(W, {0.5, -0.5})};
    return s;
}

bool GeometryState::operator==(const GeometryState &other) const
{
    return vectors == other.vectors && chain == other.chain && showSum == other.showSum &&
           showGrid == other.showGrid && showSquare == other.showSquare && cloud == other.cloud &&
           cloudCount == other.cloudCount;
}

} // namespace ui
