// The point cloud drawn on the CPU (ui/geometry/cloudsplatter.h): a point lands where the chain
// sends it, in its colour, and nothing else is drawn.

#include "ui/geometry/cloudsplatter.h"

#include <QTest>

using namespace ui;

class TestCloudSplatter : public QObject {
    Q_OBJECT
private slots:
    void aPointLandsWhereTheChainSendsIt()
    {
        CloudSplatter s;
        s.setCloud({1.0f, 2.0f}, {255, 0, 0, 255});
        // Doubled, then moved by (1, 0): (3, 4). One world unit is 10 pixels, y down.
        core::geometry::Stage stage;
        stage.W << 2, 0, 0, 2;
        stage.b = {1, 0};
        const CloudSplatter::Image &image =
            s.render({stage}, {10.0f, -10.0f, 100.0f, 100.0f}, 200, 200, 2.5f);
        QVERIFY(image.width > 0 && image.height > 0);
        const int cx = 100 + 30 - image.x, cy = 100 - 40 - image.y;
        const std::uint32_t centre = image.pixels[static_cast<std::size_t>(cy) * image.width + cx];
        QCOMPARE(centre & 0xffu, 255u);         // red
        QCOMPARE((centre >> 24) & 0xffu, 255u); // opaque
        QCOMPARE(image.pixels.front(), 0u);     // the corner of the box is empty
    }
};

QTEST_APPLESS_MAIN(TestCloudSplatter)
#include "tst_cloudsplatter.moc"
