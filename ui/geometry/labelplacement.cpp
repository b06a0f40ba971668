#include "ui/geometry/labelplacement.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>
#include <optional>

namespace ui {

namespace {

// Beyond this share of a unit direction along an axis, the label sits to that side of its
// point rather than centred on it (as scenebuilder's labelBeyond does).
constexpr double kSideways = 0.35;
// Around an arrow's tip, the square its head and handle ring take, in gaps from the tip (the
// ring's radius is 7 pixels, the gap 10).
constexpr double kTipZone = 0.7;
// A label slides along a side of its tip in this many steps.
constexpr int kSlides = 8;

QRectF inside(QRectF r, const QRectF &area)
{
    r.moveLeft(std::clamp(r.left(), area.left(), std::max(area.left(), area.right() - r.width())));
    r.moveTop(std::clamp(r.top(), area.top(), std::max(area.top(), area.bottom() - r.height())));
    return r;
}

double overlap(const QRectF &r, const std::vector<QRectF> &others)
{
    double sum = 0;
    for (const QRectF &other : others) {
        const QRectF common = r.intersected(other);
        if (!common.isEmpty()) sum += common.width() * common.height();
    }
    return sum;
}

} // namespace

QRectF labelBeside(const QPointF &tip, const QPointF &direction, double distance,
                   const QSizeF &size)
{
    const QPointF at = tip + direction * distance;
    QPointF topLeft(at.x() - size.width() / 2, at.y() - size.height() / 2);
    if (direction.x() > kSideways)
        topLeft.rx() = at.x();
    else if (direction.x() < -kSideways)
        topLeft.rx() = at.x() - size.width();
    if (direction.y() > kSideways)
        topLeft.ry() = at.y();
    else if (direction.y() < -kSideways)
        topLeft.ry() = at.y() - size.height();
    return {topLeft, size};
}

std::vector<QRectF> labelCandidates(const LabelRequest &label, const QRectF &area)
{
    QPointF d = label.direction;
    const double length = std::hypot(d.x(), d.y());
    d = length > 1e-9 ? d / length : QPointF(1, -1) / std::numbers::sqrt2;

    // E, NE, N, ... on screen (y down); sorted by closeness to d, a tie keeps this order.
    std::array<QPointF, 8> compass;
    for (std::size_t k = 0; k < compass.size(); ++k) {
        const double a = static_cast<double>(k) * std::numbers::pi / 4;
        compass[k] = QPointF(std::cos(a), -std::sin(a));
    }
    const auto dot = [&](const QPointF &u) { return u.x() * d.x() + u.y() * d.y(); };
    std::stable_sort(compass.begin(), compass.end(),
                     [&](const QPointF &a, const QPointF &b) { return dot(a) > dot(b); });

    const QSizeF size = label.preferred.size();
    const auto ring = [&](double distance) {
        std::vector<QRectF> r;
        for (const QPointF &u : compass)
            r.push_back(labelBeside(label.tip, u, distance, size));
        return r;
    };

    // Between the compass points: the label slid along each side of the tip, `gap` from it, so
    // that it can fit between two tick numbers (the slider model of point-label placement).
    std::vector<QRectF> slid;
    const double w = size.width(), h = size.height(), gap = label.gap;
    const QPointF &tip = label.tip;
    for (int k = 0; k <= kSlides; ++k) {
        const double t = static_cast<double>(k) / kSlides;
        slid.emplace_back(QPointF(tip.x() + gap, tip.y() - t * h), size);     // east
        slid.emplace_back(QPointF(tip.x() - t * w, tip.y() - gap - h), size); // north
        slid.emplace_back(QPointF(tip.x() - gap - w, tip.y() - t * h), size); // west
        slid.emplace_back(QPointF(tip.x() - t * w, tip.y() + gap), size);     // south
    }
    const auto towards = [&](const QRectF &r) {
        const QPointF c = r.center() - tip;
        const double far = std::hypot(c.x(), c.y());
        return far > 1e-9 ? (c.x() * d.x() + c.y() * d.y()) / far : 0.0;
    };
    std::stable_sort(slid.begin(), slid.end(),
                     [&](const QRectF &a, const QRectF &b) { return towards(a) > towards(b); });

    std::vector<QRectF> out{label.preferred};
    for (const std::vector<QRectF> &more : {ring(gap), slid, ring(gap + h), ring(gap + 2 * h)})
        out.insert(out.end(), more.begin(), more.end());
    for (QRectF &r : out)
        r = inside(r, area);
    return out;
}

std::vector<LabelPlace> placeLabels(const std::vector<LabelRequest> &labels, const LabelRoom &room)
{
    std::vector<LabelPlace> places;
    places.reserve(labels.size());
    std::vector<QRectF> placed; // the labels so far, to keep clear of
    for (const LabelRequest &label : labels) {
        // The other arrows' tips, where their handles are grabbed: kept visible if a place allows
        // it. (Its own is a gap away from every candidate, unless the area's edge pushed it.)
        std::vector<QRectF> tips;
        for (const LabelRequest &other : labels) {
            const double r = kTipZone * other.gap;
            if (&other != &label)
                tips.emplace_back(other.tip - QPointF(r, r), QSizeF(2 * r, 2 * r));
        }
        const std::vector<QRectF> candidates = labelCandidates(label, room.area);
        std::vector<double> costs;
        for (const QRectF &r : candidates)
            costs.push_back(overlap(r, room.ticks) + overlap(r, room.boxes) + overlap(r, placed));
        // The first free place that hides no tip; else the first free one; else the least bad.
        const auto isFree = [&](std::size_t i) { return costs[i] == 0; };
        const auto clearOfTips = [&](std::size_t i) {
            return isFree(i) && overlap(candidates[i], tips) == 0;
        };
        const auto first = [&](const auto &good) -> std::optional<std::size_t> {
            for (std::size_t i = 0; i < candidates.size(); ++i)
                if (good(i)) return i;
            return std::nullopt;
        };
        const auto least =
            static_cast<std::size_t>(std::min_element(costs.begin(), costs.end()) - costs.begin());
        const std::size_t best = first(clearOfTips).value_or(first(isFree).value_or(least));
        placed.push_back(candidates[best]);
        places.push_back({candidates[best], static_cast<int>(best), isFree(best)});
    }
    return places;
}

} // namespace ui
