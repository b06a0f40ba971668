#include "ui/geometry/scenebuilder.h"

#include "core/geometry/ticks.h"
#include "ui/common/numberformat.h"
#include "ui/geometry/planecamera.h"

#include <Eigen/LU>
#include <QCoreApplication>
#include <algorithm>
#include <cmath>

namespace ui {

namespace {

using core::geometry::Polyline;
using V = Eigen::Vector2d;

// Line widths in logical pixels (the shader multiplies by device pixels and presentation scale).
constexpr double kMinorWidth = 1.0;
constexpr double kAxisWidth = 1.5;
constexpr double kWarpedWidth = 1.3;
constexpr double kWarpedAxisWidth = 2.2;
constexpr double kBasisWidth = 3.5;
constexpr double kVectorWidth = 3.0;
constexpr double kGhostWidth = 2.0;
constexpr double kDash = 9.0;
constexpr double kHandleRadius = 7.0;
// The warped grid never draws more lines than this per direction.
constexpr int kMaxWarpedLines = 120;

bool isMultiple(double x, double step)
{
    const double k = x / step;
    return std::abs(k - std::round(k)) < 1e-6;
}

class Builder {
public:
    Builder(const SceneInput &in, Scene &out)
        : m_in(in), m_out(out), m_cam(*in.camera), m_theme(in.theme), m_state(*in.state)
    {
        m_identity = in.stages.empty();
        const double upp = 1.0 / m_cam.pixelsPerUnit();
        m_out.under.setUnitsPerPixel(upp);
        m_out.over.setUnitsPerPixel(upp);
    }

    void build()
    {
        background();
        if (m_state.showGrid) warpedGrid();
        if (m_state.showSquare) unitSquare();
        basis();
        sum();
        vectors();
        columnHandles();
        handles();
    }

private:
    V map(const V &x, bool *clamped = nullptr) const
    {
        return core::geometry::applyStages(m_in.stages, x, clamped);
    }

    // A label just beyond `tip`, on the side the arrow from `from` points to; the overlay moves
    // it around the tip when a tick number or another label is there.
    void labelBeyond(const V &from, const V &tip, const QString &text, const QColor &colour,
                     SceneLabel::Style style = SceneLabel::Style::Normal)
    {
        const QPointF p = m_cam.toPixel(tip);
        QPointF d = p - m_cam.toPixel(from);
        const double len = std::hypot(d.x(), d.y());
        d = len > 1e-6 ? d / len : QPointF(0.7, -0.7);
        Qt::Alignment align = d.x() >= -0.35 ? Qt::AlignLeft : Qt::AlignRight;
        align |= d.y() <= 0.0 ? Qt::AlignBottom : Qt::AlignTop;
        if (std::abs(d.x()) < 0.35) align = (align & ~Qt::AlignHorizontal_Mask) | Qt::AlignHCenter;
        m_out.labels.push_back({p + d * (10.0 * m_in.scale), text, colour, align, style, p});
    }

    void background()
    {
        DrawList &g = m_out.under;
        const QRectF r = m_cam.visibleWorld();
        const double major = gridStep(m_cam.pixelsPerUnit());
        const double minor = major / 2;
        for (const double x : core::geometry::ticksBetween(r.left(), r.right(), minor))
            g.segment({x, r.top()}, {x, r.bottom()},
                      isMultiple(x, major) ? m_theme.majorGrid : m_theme.minorGrid, kMinorWidth);
        for (const double y : core::geometry::ticksBetween(r.top(), r.bottom(), minor))
            g.segment({r.left(), y}, {r.right(), y},
                      isMultiple(y, major) ? m_theme.majorGrid : m_theme.minorGrid, kMinorWidth);
        g.segment({r.left(), 0}, {r.right(), 0}, m_theme.axis, kAxisWidth);
        g.segment({0, r.top()}, {0, r.bottom()}, m_theme.axis, kAxisWidth);

        // Tick numbers sit by the axes, or by the edge of the view when an axis is out of sight.
        const QSizeF size = m_cam.viewSize();
        const QPointF origin = m_cam.toPixel(V::Zero());
        const double margin = 4.0 * m_in.scale;
        const double yRow =
            std::clamp(origin.y() + margin, margin, size.height() - 22 * m_in.scale);
        const double xCol = std::clamp(origin.x() - margin, 30 * m_in.scale, size.width() - margin);
        for (const double x : core::geometry::ticksBetween(r.left(), r.right(), major)) {
            if (x == 0.0) continue;
            m_out.labels.push_back({QPointF(m_cam.toPixel({x, 0}).x(), yRow), formatNumber(x, 6),
                                    m_theme.mutedText, Qt::AlignHCenter | Qt::AlignTop,
                                    SceneLabel::Style::Small, std::nullopt});
        }
        for (const double y : core::geometry::ticksBetween(r.top(), r.bottom(), major)) {
            if (y == 0.0) continue;
            m_out.labels.push_back({QPointF(xCol, m_cam.toPixel({0, y}).y()), formatNumber(y, 6),
                                    m_theme.mutedText, Qt::AlignRight | Qt::AlignVCenter,
                                    SceneLabel::Style::Small, std::nullopt});
        }
        m_out.labels.push_back({origin + QPointF(-margin, margin), QStringLiteral("0"),
                                m_theme.mutedText, Qt::AlignRight | Qt::AlignTop,
                                SceneLabel::Style::Small, std::nullopt});
    }

    // The part of the input plane whose image can be in view: the view itself plus, for an
    // invertible chain, the preimage of the view (ReLUs ignored, which only adds lines).
    QRectF warpedGridExtent(double step) const
    {
        const QRectF view = m_cam.visibleWorld();
        QRectF box = view;
        core::geometry::Affine2 a;
        for (const auto &s : m_in.stages)
            a = core::geometry::Affine2{s.W, s.b}.after(a);
        if (a.isInvertible(1e-6)) {
            const core::geometry::Affine2 inv = a.inverse();
            for (const QPointF &c :
                 {view.topLeft(), view.topRight(), view.bottomLeft(), view.bottomRight()}) {
                const V p = inv.apply({c.x(), c.y()});
                box |= QRectF(QPointF(p.x(), p.y()), QSizeF(1e-9, 1e-9));
            }
        }
        // A generous cap keeps a near-singular map from asking for the whole plane.
        const double limit = 1e4;
        box = box.intersected(QRectF(QPointF(-limit, -limit), QPointF(limit, limit)));
        return box.adjusted(-step, -step, step, step);
    }

    void warpedGrid()
    {
        DrawList &g = m_out.under;
        double step = gridStep(m_cam.pixelsPerUnit());
        QRectF box = warpedGridExtent(step);
        const double most = std::max(box.width(), box.height()) / kMaxWarpedLines;
        if (most > step) {
            step = core::geometry::niceStep(most);
            box = warpedGridExtent(step);
        }
        std::vector<Polyline> axes;
        auto line = [&](const V &a, const V &b, bool axis) {
            Polyline image = core::geometry::warpPolyline(m_in.stages, {a, b});
            if (axis)
                axes.push_back(std::move(image));
            else
                g.polyline(image, false, m_theme.warpedGrid, kWarpedWidth);
        };
        for (const double x : core::geometry::ticksBetween(box.left(), box.right(), step))
            line({x, box.top()}, {x, box.bottom()}, x == 0.0);
        for (const double y : core::geometry::ticksBetween(box.top(), box.bottom(), step))
            line({box.left(), y}, {box.right(), y}, y == 0.0);
        for (const Polyline &axis : axes)
            g.polyline(axis, false, m_theme.warpedAxis, kWarpedAxisWidth);
    }

    void unitSquare()
    {
        const Polyline square =
            core::geometry::warpPolyline(m_in.stages, core::geometry::unitSquare(), true);
        // The fill under the point cloud (so it does not tint the points), the outline over it.
        m_out.under.fillPolygon(square, m_theme.squareFill);
        m_out.over.polyline(square, true, m_theme.squareEdge, 2.0);
    }

    void basis()
    {
        const V o = map(V::Zero()), a = map(V::UnitX()), b = map(V::UnitY());
        m_out.over.arrow(o, a, m_theme.e1, kBasisWidth, m_in.scale);
        m_out.over.arrow(o, b, m_theme.e2, kBasisWidth, m_in.scale);
        labelBeyond(o, a, QStringLiteral("e₁"), m_theme.e1, SceneLabel::Style::Strong);
        labelBeyond(o, b, QStringLiteral("e₂"), m_theme.e2, SceneLabel::Style::Strong);
    }

    void sum()
    {
        if (!m_state.showSum || m_state.vectors.size() < 2) return;
        const V &v1 = m_state.vectors[0], &v2 = m_state.vectors[1];
        const V s = v1 + v2;
        const V t1 = map(v1), t2 = map(v2), ts = map(s);
        DrawList &d = m_out.over;
        // The two far sides of the parallelogram (Figure 2.8): each a copy of the other vector.
        d.segment(t1, ts, mixColours(m_theme.background, m_theme.vector(1), 0.75), 1.6, kDash);
        d.segment(t2, ts, mixColours(m_theme.background, m_theme.vector(0), 0.75), 1.6, kDash);
        d.arrow(V::Zero(), ts, m_theme.sum, kVectorWidth * 0.85, m_in.scale);
        const QString name = QStringLiteral("v₁ + v₂");
        labelBeyond(V::Zero(), ts,
                    (m_identity ? name : QStringLiteral("T(%1)").arg(name)) +
                        QStringLiteral(" = ") + formatVector(ts),
                    m_theme.sum);
    }

    void vectors()
    {
        DrawList &d = m_out.over;
        for (int i = 0; i < static_cast<int>(m_state.vectors.size()); ++i) {
            const V &v = m_state.vectors[static_cast<std::size_t>(i)];
            const QColor colour = m_theme.vector(i);
            const QString name = QStringLiteral("v") + subscript(i + 1);
            bool clamped = false;
            const V tv = map(v, &clamped);
            if (!m_identity) {
                QColor ghost = colour;
                ghost.setAlphaF(0.45f);
                d.arrow(V::Zero(), v, ghost, kGhostWidth, m_in.scale, kDash);
                labelBeyond(V::Zero(), v, name, m_theme.mutedText, SceneLabel::Style::Small);
            }
            d.arrow(V::Zero(), tv, colour, kVectorWidth, m_in.scale);
            QString text = (m_identity ? name : QStringLiteral("T(%1)").arg(name)) +
                           QStringLiteral(" = ") + formatVector(tv);
            if (clamped) {
                d.ring(tv, 6.0, colour, 1.5, m_in.scale);
                text += QCoreApplication::translate("ui::PlaneView", " (clamped)");
            }
            labelBeyond(V::Zero(), tv, text, colour);
        }
    }

    void columnHandles()
    {
        const auto &chain = m_state.chain;
        if (m_in.selectedStep < 0 || m_in.selectedStep >= static_cast<int>(chain.size())) return;
        const auto &step = chain[static_cast<std::size_t>(m_in.selectedStep)];
        if (step.kind != core::geometry::TransformKind::Affine &&
            step.kind != core::geometry::TransformKind::AffineRelu)
            return;
        const V b = step.shift;
        const V h[2] = {step.W.col(0) + b, step.W.col(1) + b};
        const QColor colours[2] = {m_theme.e1, m_theme.e2};
        // A single affine step at its end: the warped e1 and e2 are exactly W·e + b, so their tips
        // are the handles. Otherwise the step's own W·e + b is drawn dashed on top.
        const bool basisIsHandle = chain.size() == 1 && m_in.atEnd && !step.hasRelu();
        for (int j = 0; j < 2; ++j) {
            if (!basisIsHandle) {
                m_out.over.arrow(b, h[j], colours[j], kGhostWidth, m_in.scale, kDash);
                labelBeyond(b, h[j],
                            j == 0 ? QStringLiteral("W·e₁ + b") : QStringLiteral("W·e₂ + b"),
                            colours[j], SceneLabel::Style::Small);
            }
            m_out.handles.push_back({{HandleId::Kind::Column, j}, h[j], colours[j]});
        }
    }

    void handles()
    {
        for (int i = 0; i < static_cast<int>(m_state.vectors.size()); ++i)
            m_out.handles.push_back({{HandleId::Kind::Vector, i},
                                     m_state.vectors[static_cast<std::size_t>(i)],
                                     m_theme.vector(i)});
        for (const Handle &h : m_out.handles) {
            const bool hot =
                (m_in.hovered && *m_in.hovered == h.id) || (m_in.dragged && *m_in.dragged == h.id);
            if (hot) {
                QColor glow = h.colour;
                glow.setAlphaF(0.25f);
                m_out.over.disc(h.world, kHandleRadius * 1.6, glow);
            }
            m_out.over.ring(h.world, hot ? kHandleRadius * 1.25 : kHandleRadius, h.colour,
                            hot ? 2.0 : 1.5, m_in.scale);
        }
    }

    const SceneInput &m_in;
    Scene &m_out;
    const PlaneCamera &m_cam;
    const PlaneTheme &m_theme;
    const GeometryState &m_state;
    bool m_identity = true;
};

} // namespace

double gridStep(double pixelsPerUnit, double targetPixels)
{
    return core::geometry::niceStep(targetPixels / std::max(pixelsPerUnit, 1e-9));
}

Scene buildScene(const SceneInput &input)
{
    Scene scene;
    if (input.state && input.camera) Builder(input, scene).build();
    return scene;
}

std::optional<Handle> handleAt(const Scene &scene, const QPointF &pixel, const PlaneCamera &camera,
                               double radius)
{
    std::optional<Handle> best;
    double bestDistance = radius;
    // Later handles are drawn on top, so on a tie they win.
    for (const Handle &h : scene.handles) {
        const QPointF d = camera.toPixel(h.world) - pixel;
        const double distance = std::hypot(d.x(), d.y());
        if (distance <= bestDistance) {
            bestDistance = distance;
            best = h;
        }
    }
    return best;
}

} // namespace ui
