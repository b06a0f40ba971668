#include "ui/geometry/figurepresets.h"

#include <QObject>
#include <numbers>

namespace ui {

namespace {

using core::geometry::Transform;

GeometryState base()
{
    GeometryState s;
    s.vectors = {{2.0, 1.0}};
    s.showSum = false;
    return s;
}

Eigen::Matrix2d mat(double a, double b, double c, double d)
{
    Eigen::Matrix2d m;
    m << a, b, c, d;
    return m;
}

} // namespace

const std::vector<FigurePreset> &figurePresets()
{
    static const std::vector<FigurePreset> presets = [] {
        std::vector<FigurePreset> p;
        GeometryState s = base();
        s.vectors = {{2.0, 1.0}, {-0.5, 1.5}};
        s.showSum = true;
        p.push_back({QObject::tr("Figure 2.8: the sum of two vectors"), s});

        s = base();
        s.chain = {Transform::translate({1.0, 0.5})};
        s.cloud = CloudKind::Letter;
        s.cloudCount = 10000;
        p.push_back({QObject::tr("Figure 2.9: translation"), s});

        s = base();
        s.chain = {Transform::rotate(std::numbers::pi / 6)};
        s.cloud = CloudKind::Letter;
        s.cloudCount = 10000;
        p.push_back({QObject::tr("Figure 2.10: rotation by 30°"), s});

        s = base();
        s.chain = {Transform::scaleBy(1.5, 0.5)};
        s.cloud = CloudKind::Letter;
        s.cloudCount = 10000;
        p.push_back({QObject::tr("Figure 2.11: scaling"), s});

        s = base();
        s.chain = {Transform::affineMap(mat(1.0, -0.5, 0.5, 1.0), {0.5, -0.5})};
        s.cloud = CloudKind::Smiley;
        s.cloudCount = 10000;
        p.push_back({QObject::tr("Figure 2.12: affine W·x + b"), s});

        s = base();
        // Shifted so that the face straddles both axes: part of it folds, part stays.
        s.chain = {Transform::affineMap(mat(1.0, -0.5, 0.5, 1.0), {0.6, 0.4}, true)};
        s.cloud = CloudKind::Smiley;
        s.cloudCount = 10000;
        p.push_back({QObject::tr("Figure 2.13: affine, then ReLU"), s});

        // A 2 -> 2 -> 2 ReLU network trained on the two moons (gradient descent on 4,000 points,
        // weights then scaled to keep every layer within about [0, 2] and rounded to one decimal),
        // and its classifier as a last affine map (doubled, to fill the view): the logit becomes x,
        // so the moons end on either side of the vertical axis (more than 99.5% of the points;
        // tested in ui_geometry_figures).
        s = base();
        s.vectors.clear();
        s.chain = {Transform::affineMap(mat(-1.0, -0.7, 0.7, -0.4), {0.2, 0.9}, true),
                   Transform::affineMap(mat(-1.0, 0.3, 0.1, 1.1), {0.4, -0.1}, true),
                   Transform::affineMap(mat(-1.6, 1.0, -1.0, -1.6), {-0.2, 1.8})};
        s.cloud = CloudKind::Moons;
        s.cloudCount = 10000;
        p.push_back({QObject::tr("Two ReLU layers uncrumple two moons (Figure 2.14's idea)"), s});
        return p;
    }();
    return presets;
}

} // namespace ui
