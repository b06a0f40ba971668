#include "ui/geometry/readouts.h"

#include "core/geometry/warp.h"
#include "ui/common/numberformat.h"

#include <Eigen/LU>
#include <QCoreApplication>
#include <QLocale>
#include <algorithm>
#include <cmath>

namespace ui {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ui::PlaneView", text);
}

} // namespace

QStringList areaReadouts(const core::geometry::Stages &stages)
{
    const double det = core::geometry::linearPart(stages).determinant();
    const double area = core::geometry::signedArea(
        core::geometry::warpPolyline(stages, core::geometry::unitSquare(), true));
    // A ReLU folds part of the plane onto the axes: det then describes the linear parts alone,
    // and only the signed area is true of the whole chain ("det = -3.58" above "signed area =
    // -0.102" read as a contradiction).
    const bool folds = std::any_of(stages.begin(), stages.end(),
                                   [](const core::geometry::Stage &s) { return s.relu > 0; });
    if (folds)
        return {
            tr("det of the linear parts = %1   (ReLU left out)").arg(formatNumber(det, 3)),
            tr("signed area of T(unit square) = %1   (ReLU included)").arg(formatNumber(area, 3))};
    QString effect;
    if (std::abs(det) < 1e-9)
        effect = tr("the plane collapses onto a line or a point");
    else
        effect = tr("areas × %1").arg(formatNumber(std::abs(det), 3)) +
                 (det < 0 ? tr(", orientation flipped") : QString());
    return {tr("det = %1   (%2)").arg(formatNumber(det, 3), effect),
            tr("signed area of T(unit square) = %1").arg(formatNumber(area, 3))};
}

QString vectorReadout(int index, const Eigen::Vector2d &v, const core::geometry::Stages &stages)
{
    bool clamped = false;
    const Eigen::Vector2d tv = core::geometry::applyStages(stages, v, &clamped);
    const QString name = QStringLiteral("v") + subscript(index + 1);
    return tr("%1 = %2   →   T(%1) = %3%4")
        .arg(name, formatVector(v, 4), formatVector(tv, 4),
             clamped ? tr("  (clamped by ReLU)") : QString());
}

QString columnReadout(int column, const core::geometry::Transform &step)
{
    const Eigen::Vector2d w = step.W.col(column);
    return tr("W·e%1 + b = %2   (column %3 of W = %4)")
        .arg(subscript(column + 1), formatVector(w + step.shift, 4))
        .arg(column + 1)
        .arg(formatVector(w, 4));
}

QString pointReadout(std::size_t index, std::size_t count, const Eigen::Vector2d &x,
                     const core::geometry::Stages &stages)
{
    bool clamped = false;
    const Eigen::Vector2d tx = core::geometry::applyStages(stages, x, &clamped);
    return tr("point %1 of %2:  %3   →   %4%5")
        .arg(QLocale().toString(static_cast<qulonglong>(index)),
             QLocale().toString(static_cast<qulonglong>(count)), formatVector(x, 4),
             formatVector(tx, 4), clamped ? tr("  (clamped by ReLU)") : QString());
}

} // namespace ui
