#include "ui/uncrumple/planeclip.h"

#include <algorithm>
#include <cmath>

namespace ui {

std::vector<ColourVertex> clipPlaneToBox(const QVector3D &normal, float offset, const QVector3D &lo,
                                         const QVector3D &hi, std::uint32_t rgba)
{
    if (normal.lengthSquared() < 1e-12f) return {};
    // The box's corners, and its 12 edges as pairs of corners differing in one coordinate.
    QVector3D corner[8];
    for (int i = 0; i < 8; ++i)
        corner[i] =
            QVector3D(i & 1 ? hi.x() : lo.x(), i & 2 ? hi.y() : lo.y(), i & 4 ? hi.z() : lo.z());
    std::vector<QVector3D> hits;
    for (int i = 0; i < 8; ++i)
        for (int bit : {1, 2, 4}) {
            if (i & bit) continue;
            const QVector3D a = corner[i], b = corner[i | bit];
            const float fa = QVector3D::dotProduct(normal, a) + offset;
            const float fb = QVector3D::dotProduct(normal, b) + offset;
            if ((fa < 0) == (fb < 0) && fa != 0) continue;
            const float t = fa == fb ? 0.0f : fa / (fa - fb);
            hits.push_back(a + (b - a) * std::clamp(t, 0.0f, 1.0f));
        }
    if (hits.size() < 3) return {};
    QVector3D centre;
    for (const QVector3D &p : hits)
        centre += p;
    centre /= static_cast<float>(hits.size());
    // Order the corners around the centre in the plane's own basis (u, v).
    const QVector3D n = normal.normalized();
    QVector3D u =
        QVector3D::crossProduct(n, std::abs(n.x()) < 0.9f ? QVector3D(1, 0, 0) : QVector3D(0, 1, 0))
            .normalized();
    const QVector3D v = QVector3D::crossProduct(n, u);
    std::sort(hits.begin(), hits.end(), [&](const QVector3D &a, const QVector3D &b) {
        const QVector3D da = a - centre, db = b - centre;
        return std::atan2(QVector3D::dotProduct(da, v), QVector3D::dotProduct(da, u)) <
               std::atan2(QVector3D::dotProduct(db, v), QVector3D::dotProduct(db, u));
    });
    std::vector<ColourVertex> triangles;
    for (std::size_t i = 0; i < hits.size(); ++i) {
        const QVector3D &a = hits[i], &b = hits[(i + 1) % hits.size()];
        for (const QVector3D &p : {centre, a, b})
            triangles.push_back({p.x(), p.y(), p.z(), rgba});
    }
    return triangles;
}

} // namespace ui
