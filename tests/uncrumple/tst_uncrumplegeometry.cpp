// The 3D view's plain geometry: the separating plane clipped to a box (every corner of the
// polygon on the plane and inside the box; the right polygon for planes known in closed form),
// and the orbit camera (fit frames the box, orbit keeps the pitch within ±89°, the target
// projects to the view's centre, a pan moves the scene with the mouse, reset goes home).

#include "ui/common/orbitcamera.h"
#include "ui/uncrumple/planeclip.h"

#include <QTest>
#include <cmath>

using namespace ui;

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
};

QTEST_APPLESS_MAIN(TestUncrumpleGeometry)
#include "tst_uncrumplegeometry.moc"
