// The 3D view's plain geometry: the separating plane clipped to a box (every corner of the
// polygon on the plane and inside the box; the right polygon for planes known in closed form),
// and the orbit camera (fit frames the box, orbit keeps the pitch within ±89°, the target
// projects to the view's centre, a pan moves the scene with the mouse, reset goes home), and the
// lattice's lines reduced to the samples their shape needs (straight: its ends; bent: every
// left-out sample within the tolerance of what is drawn; NaN kept), and the CPU point splatter
// (a point in its colour and depth where it projects).

#include "ui/common/orbitcamera.h"
#include "ui/uncrumple/latticeedges.h"
#include "ui/uncrumple/planeclip.h"
#include "ui/uncrumple/pointsplatter.h"
#include "uncrumple/lookingattheorigin.h"

#include <QTest>
#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

using namespace ui;
using ui::testing::lookingAtTheOrigin;

namespace {

// One lattice line's edges as the scene makes them: (first, first+1), (first+1, first+2) ...
void appendLine(std::vector<std::uint32_t> &edges, std::uint32_t first, int samples)
{
    for (int j = 0; j + 1 < samples; ++j) {
        edges.push_back(first + j);
        edges.push_back(first + j + 1);
    }
}

double distanceToSegment(QVector3D p, QVector3D a, QVector3D b)
{
    const QVector3D ab = b - a;
    const float t = std::clamp(QVector3D::dotProduct(p - a, ab) / ab.lengthSquared(), 0.0f, 1.0f);
    return (p - (a + t * ab)).length();
}

} // namespace

class TestUncrumpleGeometry : public QObject {
    Q_OBJECT

private slots:
    void planeClip_data()
    {
        QTest::addColumn<QVector3D>("normal");
        QTest::addColumn<float>("offset");
        QTest::addColumn<int>("corners");
        QTest::newRow("z = 0: a square") << QVector3D(0, 0, 1) << 0.f << 4;
        QTest::newRow("x + y + z = 0: a hexagon") << QVector3D(1, 1, 1) << 0.f << 6;
        QTest::newRow("x + y + z = 2.5: a triangle") << QVector3D(1, 1, 1) << -2.5f << 3;
        QTest::newRow("x = 5: misses") << QVector3D(1, 0, 0) << -5.f << 0;
        QTest::newRow("zero normal") << QVector3D(0, 0, 0) << 0.f << 0;
    }
    void planeClip()
    {
        QFETCH(QVector3D, normal);
        QFETCH(float, offset);
        QFETCH(int, corners);
        const QVector3D lo(-1, -1, -1), hi(1, 1, 1);
        const auto triangles = clipPlaneToBox(normal, offset, lo, hi, 0xff0000ffu);
        // A fan of `corners` triangles around the centre (none when it misses).
        QCOMPARE(static_cast<int>(triangles.size()), corners * 3);
        double area = 0;
        for (std::size_t i = 0; i < triangles.size(); i += 3) {
            for (std::size_t j = i; j < i + 3; ++j) {
                const QVector3D p(triangles[j].x, triangles[j].y, triangles[j].z);
                QVERIFY(std::abs(QVector3D::dotProduct(normal, p) + offset) < 1e-5f);
                for (int c = 0; c < 3; ++c)
                    QVERIFY(p[c] >= lo[c] - 1e-5f && p[c] <= hi[c] + 1e-5f);
                QCOMPARE(triangles[j].rgba, 0xff0000ffu);
            }
            const QVector3D a(triangles[i].x, triangles[i].y, triangles[i].z);
            const QVector3D b(triangles[i + 1].x, triangles[i + 1].y, triangles[i + 1].z);
            const QVector3D c(triangles[i + 2].x, triangles[i + 2].y, triangles[i + 2].z);
            area += 0.5 * QVector3D::crossProduct(b - a, c - a).length();
        }
        // z = 0 cuts the 2x2x2 cube in a 2x2 square; x+y+z = 0 in a regular hexagon of side
        // sqrt(2): 3 sqrt(3) / 2 * 2 = 3 sqrt(3).
        if (normal == QVector3D(0, 0, 1)) QVERIFY(std::abs(area - 4.0) < 1e-4);
        if (normal == QVector3D(1, 1, 1) && offset == 0.f)
            QVERIFY(std::abs(area - 3.0 * std::sqrt(3.0)) < 1e-4);
    }

    void cameraFitsAndOrbits()
    {
        OrbitCamera camera;
        camera.setViewSize(QSizeF(800, 600));
        camera.fit(QVector3D(-1, -2, -3), QVector3D(3, 2, 1), false);
        QCOMPARE(camera.target(), QVector3D(1, 0, -1));
        QPointF centre;
        QVERIFY(camera.toPixel(camera.target(), &centre));
        QVERIFY(std::abs(centre.x() - 400) < 1e-3 && std::abs(centre.y() - 300) < 1e-3);
        // Every corner of the box is in view.
        for (int i = 0; i < 8; ++i) {
            const QVector3D corner(i & 1 ? 3 : -1, i & 2 ? 2 : -2, i & 4 ? 1 : -3);
            QPointF p;
            QVERIFY(camera.toPixel(corner, &p));
            QVERIFY(p.x() >= 0 && p.x() <= 800 && p.y() >= 0 && p.y() <= 600);
        }
        const double yaw = camera.yaw();
        camera.orbit(30, 200);
        QCOMPARE(camera.pitch(), 89.0);
        QVERIFY(std::abs(std::remainder(camera.yaw() - yaw - 30, 360.0)) < 1e-9);
        // The eye stays at the same distance from the target whatever the angles.
        QVERIFY(std::abs((camera.eye() - camera.target()).length() - camera.distance()) < 1e-4);
        camera.reset();
        QCOMPARE(camera.yaw(), yaw);
        QCOMPARE(camera.target(), QVector3D(1, 0, -1));
    }

    void panFollowsTheMouse()
    {
        OrbitCamera camera;
        camera.setViewSize(QSizeF(800, 600));
        camera.fit(QVector3D(-1, -1, -1), QVector3D(1, 1, 1), true);
        QPointF before;
        QVERIFY(camera.toPixel(QVector3D(0, 0, 0), &before));
        camera.pan(QPointF(50, -20));
        QPointF after;
        QVERIFY(camera.toPixel(QVector3D(0, 0, 0), &after));
        // The origin sits at the target's depth, so it follows the mouse exactly.
        QVERIFY(std::abs(after.x() - before.x() - 50) < 0.5);
        QVERIFY(std::abs(after.y() - before.y() + 20) < 0.5);
        const double d = camera.distance();
        camera.zoom(2.0);
        QVERIFY(std::abs(camera.distance() - d / 2) < 1e-9);
    }

    void aStraightLatticeLineIsDrawnAsOneSegment()
    {
        std::vector<float> xyz;
        for (int i = 0; i < 32; ++i)
            xyz.insert(xyz.end(), {0.1f * i, -0.05f * i, 2.0f});
        std::vector<std::uint32_t> edges, out;
        appendLine(edges, 0, 32);
        simplifyLatticeEdges(edges, xyz.data(), 32, 1e-4f, out);
        QCOMPARE(out, (std::vector<std::uint32_t>{0, 31}));
    }

    void aBentLineKeepsEverySampleWithinTheTolerance()
    {
        // Two lines: a quarter circle of 32 samples, then a straight one of 32 after it.
        std::vector<float> xyz;
        for (int i = 0; i < 32; ++i) {
            const double a = M_PI / 2 * i / 31.0;
            xyz.insert(xyz.end(), {float(std::cos(a)), float(std::sin(a)), 0.0f});
        }
        for (int i = 0; i < 32; ++i)
            xyz.insert(xyz.end(), {0.0f, 0.0f, 0.1f * i});
        std::vector<std::uint32_t> edges, out;
        appendLine(edges, 0, 32);
        appendLine(edges, 32, 32);
        const float tolerance = 0.002f;
        simplifyLatticeEdges(edges, xyz.data(), 64, tolerance, out);
        QVERIFY(out.size() % 2 == 0);
        // The circle keeps some samples, far fewer than 31 segments; the straight line one.
        const std::size_t circle =
            std::count_if(out.begin(), out.end(), [](std::uint32_t v) { return v < 32; }) / 2;
        QVERIFY2(circle > 4 && circle < 20, qPrintable(QString::number(circle)));
        QCOMPARE(out.size() / 2, circle + 1);
        auto at = [&](std::uint32_t i) {
            return QVector3D(xyz[3 * i], xyz[3 * i + 1], xyz[3 * i + 2]);
        };
        // The kept segments chain from end to end, and every sample lies within the tolerance
        // of the segment drawn over it.
        QCOMPARE(out.front(), 0u);
        QCOMPARE(out[2 * circle - 1], 31u);
        for (std::size_t e = 0; e < circle; ++e) {
            if (e > 0) QCOMPARE(out[2 * e], out[2 * e - 1]);
            for (std::uint32_t v = out[2 * e]; v <= out[2 * e + 1]; ++v)
                QVERIFY(distanceToSegment(at(v), at(out[2 * e]), at(out[2 * e + 1])) <=
                        tolerance * 1.001);
        }
        // With no tolerance at all a curve keeps every sample.
        simplifyLatticeEdges(edges, xyz.data(), 64, 0.0f, out);
        QCOMPARE(std::count_if(out.begin(), out.end(), [](std::uint32_t v) { return v < 32; }),
                 2 * 31);
    }

    void aVertexThatCannotBePlacedIsKept()
    {
        std::vector<float> xyz;
        for (int i = 0; i < 9; ++i)
            xyz.insert(xyz.end(), {float(i), 0.0f, 0.0f});
        xyz[3 * 4 + 1] = std::numeric_limits<float>::quiet_NaN();
        std::vector<std::uint32_t> edges, out;
        appendLine(edges, 0, 9);
        // An edge to a vertex that is not there is left out, not read.
        edges.insert(edges.end(), {8, 40});
        simplifyLatticeEdges(edges, xyz.data(), 9, 0.01f, out);
        QVERIFY(std::find(out.begin(), out.end(), 4u) != out.end());
        QVERIFY(std::find(out.begin(), out.end(), 40u) == out.end());
        QCOMPARE(out.front(), 0u);
        QCOMPARE(out.back(), 8u);
    }

    void aSplattedPointShowsItsColourAndDepth()
    {
        PointSplatter splatter;
        splatter.setColours({0xff2020e0u}); // bytes r, g, b, a: red
        const PointSplatter::Params params = lookingAtTheOrigin();
        const float origin[3] = {0, 0, 0};
        const PointSplatter::Image &image = splatter.render(origin, 1, params);
        QVERIFY(image.width > 0 && image.width < 40);
        const int cx = 100 - image.x, cy = 100 - image.y;
        const std::uint32_t centre = image.pixels[std::size_t(cy) * image.width + cx];
        const int r = centre & 0xff, g = (centre >> 8) & 0xff, b = (centre >> 16) & 0xff;
        QCOMPARE(int(centre >> 24), 255);
        QVERIFY2(r > 150 && r > g + 60 && r > b + 60, qPrintable(QString::number(centre, 16)));
        const float depth = image.depth[std::size_t(cy) * image.width + cx];
        QVERIFY(depth > 0.0f && depth < 1.0f);
        QCOMPARE(image.pixels.front(), 0u); // a corner of the image: no point
        QCOMPARE(image.depth.front(), 1.0f);
    }

    void eachFrameStartsClean()
    {
        // The image's memory is reused from frame to frame (each band clears its own rows): a
        // frame after another is the same as the first frame of a new splatter.
        const PointSplatter::Params params = lookingAtTheOrigin();
        const std::uint32_t red = 0xff2020e0u, blue = 0xffe02020u;
        const float first[6] = {0, 0, 0, 0.05f, 0.05f, -1};
        const float second[6] = {0.02f, 0, 0, 0, 0.03f, 0};
        PointSplatter reused, fresh;
        reused.setColours({red, blue});
        fresh.setColours({red, blue});
        reused.render(first, 2, params);
        // Other points: the second image has other bounds, over memory the first drew on.
        const PointSplatter::Image &again = reused.render(second, 2, params);
        const PointSplatter::Image &once = fresh.render(second, 2, params);
        QCOMPARE(again.x, once.x);
        QCOMPARE(again.y, once.y);
        QCOMPARE(again.width, once.width);
        QCOMPARE(again.height, once.height);
        QVERIFY(again.pixels == once.pixels);
        QVERIFY(again.depth == once.depth);
    }

    void pointsAtInfinityOrNaNAreSkipped()
    {
        // A diverging network's layer can hold them: nothing is drawn for them, and nothing
        // undefined happens (the sanitizer build checks the float-to-int conversions).
        PointSplatter splatter;
        splatter.setColours({0xff2020e0u, 0xff2020e0u, 0xff2020e0u, 0xff2020e0u});
        const PointSplatter::Params params = lookingAtTheOrigin();
        const float inf = std::numeric_limits<float>::infinity();
        const float nan = std::numeric_limits<float>::quiet_NaN();
        const float bad[12] = {inf, 0, 0, 0, nan, 0, 0, 0, -inf, 3e38f, 3e38f, 0};
        QCOMPARE(splatter.render(bad, 4, params).width, 0);
        const float mixed[6] = {nan, nan, nan, 0, 0, 0};
        const PointSplatter::Image &image = splatter.render(mixed, 2, params);
        QVERIFY(image.width > 0 && image.width < 40); // the good point alone
    }

    void theNearerPointIsInFrontWhateverTheOrder()
    {
        // Red at the origin, blue behind it on the line of sight: the same image both ways round,
        // red (and red's depth) in the middle, blue only where it shows past red's edge.
        const PointSplatter::Params params = lookingAtTheOrigin();
        const std::uint32_t red = 0xff2020e0u, blue = 0xffe02020u;
        const float nearFar[6] = {0, 0, 0, 0.05f, 0.05f, -1};
        const float farNear[6] = {0.05f, 0.05f, -1, 0, 0, 0};
        PointSplatter a, b;
        a.setColours({red, blue});
        b.setColours({blue, red});
        const PointSplatter::Image one = a.render(nearFar, 2, params);
        const PointSplatter::Image two = b.render(farNear, 2, params);
        QCOMPARE(one.x, two.x);
        QCOMPARE(one.width, two.width);
        QVERIFY(one.pixels == two.pixels);
        QVERIFY(one.depth == two.depth);
        const std::size_t centre = std::size_t(100 - one.y) * one.width + (100 - one.x);
        const std::uint32_t c = one.pixels[centre];
        QVERIFY2((c & 0xff) > ((c >> 16) & 0xff) + 60, qPrintable(QString::number(c, 16)));
        PointSplatter alone;
        alone.setColours({red});
        const PointSplatter::Image redAlone = alone.render(nearFar, 1, params);
        QCOMPARE(
            one.depth[centre],
            redAlone.depth[std::size_t(100 - redAlone.y) * redAlone.width + (100 - redAlone.x)]);
        // Blue shows somewhere (past red's edge): the far point was drawn, not dropped.
        QVERIFY(std::any_of(one.pixels.begin(), one.pixels.end(), [](std::uint32_t p) {
            return p >> 24 == 255 && ((p >> 16) & 0xff) > (p & 0xff) + 60;
        }));
    }
};

QTEST_APPLESS_MAIN(TestUncrumpleGeometry)
#include "tst_uncrumplegeometry.moc"
