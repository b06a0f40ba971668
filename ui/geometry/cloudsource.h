#pragma once
// The point clouds the page offers, made from core::geometry's generators, and their colours.

#include "core/geometry/pointcloud.h"
#include "ui/geometry/geometrystate.h"
#include "ui/shell/dataloader.h"

#include <QColor>
#include <memory>

namespace ui {

struct PlaneTheme;

// count points of the kind (null for CloudKind::None). Digit is MNIST's test_images[0], taken
// from mnist (a blank image when no data is loaded).
std::shared_ptr<const core::geometry::PointCloud> makeCloud(CloudKind kind, int count,
                                                            const MnistSnapshot &mnist);

// The colour of a point of the kind with the generator's label.
QColor cloudColour(CloudKind kind, std::uint8_t label, const PlaneTheme &theme);

} // namespace ui
