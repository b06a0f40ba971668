#pragma once
// The view the CPU drawing tests of the 3D view share (pointsplatter.h, linesplatter.h).

#include "ui/uncrumple/pointsplatter.h"

namespace ui::testing {

// A 200 x 200 view from (0, 0, 4) towards the origin, points 20 px wide there, in front of the
// fog (their own colour, shaded). The origin is at pixel (100, 100); x = 0.5 at z = 0 is about
// 40 pixels to its right.
inline PointSplatter::Params lookingAtTheOrigin()
{
    PointSplatter::Params params;
    params.view.lookAt({0, 0, 4}, {0, 0, 0}, {0, 1, 0});
    params.projection.perspective(35, 1, 0.1f, 10);
    params.width = params.height = 200;
    params.pointSize = 20;
    params.refDistance = 4;
    params.fogNear = 5;
    params.fogFar = 10;
    return params;
}

} // namespace ui::testing
