// The lattice's lines drawn on the CPU (linesplatter.h): anti-aliased a pixel wide in their colour,
// hidden behind a nearer point but not a farther one, clipped at the camera as GL clips them, and
// nothing drawn (nor anything undefined done) for nodes at infinity or NaN.

#include "ui/uncrumple/linesplatter.h"
#include "ui/uncrumple/pointsplatter.h"
#include "uncrumple/lookingattheorigin.h"

#include <QTest>
#include <limits>
#include <vector>

using namespace ui;
using ui::testing::lookingAtTheOrigin;

namespace {

constexpr std::uint32_t kOpaqueRed = 0xff0000ffu; // bytes r, g, b, a

int alphaOf(std::uint32_t pixel)
{
    return static_cast<int>(pixel >> 24);
}

// The image of points (xyz each, red) with the lines between nodes drawn on it.
struct Drawing {
    PointSplatter points;
    LineSplatter lines;

    const PointSplatter::Image &draw(const std::vector<float> &pointXyz,
                                     const std::vector<float> &nodes,
                                     const std::vector<std::uint32_t> &edges,
                                     const PointSplatter::Params &params)
    {
        points.setColours(std::vector<std::uint32_t>(pointXyz.size() / 3, 0xff2020e0u));
        const QRect area = lines.project(nodes.data(), static_cast<int>(nodes.size() / 3), params);
        PointSplatter::Image &image =
            points.render(pointXyz.data(), static_cast<int>(pointXyz.size() / 3), params, area);
        lines.draw(image, edges, kOpaqueRed, 1.0f, params);
        return image;
    }
};

std::uint32_t pixelAt(const PointSplatter::Image &image, int x, int y)
{
    x -= image.x;
    y -= image.y;
    if (x < 0 || y < 0 || x >= image.width || y >= image.height) return 0;
    return image.pixels[static_cast<std::size_t>(y) * image.width + x];
}

} // namespace

class TestLineSplatter : public QObject {
    Q_OBJECT

private slots:
    void aLineIsOnePixelOfInkAcrossInItsColour()
    {
        // A gentle slope from about (60, 100) to (140, 92): every column it crosses holds one
        // pixel's worth of red between two rows, and nothing lies farther off.
        Drawing d;
        const PointSplatter::Params params = lookingAtTheOrigin();
        const PointSplatter::Image &image =
            d.draw({}, {-0.5f, 0, 0, 0.5f, 0.1f, 0}, {0, 1}, params);
        QVERIFY(image.width > 70 && image.height < 20);
        for (int x = 65; x <= 135; ++x) {
            int ink = 0, rows = 0;
            for (int y = 80; y <= 110; ++y) {
                const std::uint32_t p = pixelAt(image, x, y);
                if (alphaOf(p) == 0) continue;
                ++rows;
                ink += alphaOf(p);
                QCOMPARE(int(p & 0xff), alphaOf(p)); // premultiplied red
                QCOMPARE(int((p >> 8) & 0xffff), 0);
            }
            QVERIFY2(rows >= 1 && rows <= 2, qPrintable(QString::number(x)));
            QVERIFY2(std::abs(ink - 255) <= 2,
                     qPrintable(QStringLiteral("%1: %2").arg(x).arg(ink)));
        }
        QCOMPARE(alphaOf(pixelAt(image, 100, 110)), 0);
    }

    void aNearerPointHidesTheLineAndAFartherOneDoesNot()
    {
        const PointSplatter::Params params = lookingAtTheOrigin();
        const std::vector<float> line = {-0.5f, 0, 0, 0.5f, 0, 0};
        for (const float z : {0.5f, -0.5f}) {
            Drawing without, with;
            const std::uint32_t point =
                pixelAt(without.draw({0, 0, z}, line, {}, params), 100, 100);
            const std::uint32_t both =
                pixelAt(with.draw({0, 0, z}, line, {0, 1}, params), 100, 100);
            QVERIFY(alphaOf(point) == 255);
            if (z > 0)
                QCOMPARE(both, point); // the point is in front: the line does not show on it
            else
                QVERIFY(both != point); // the line passes in front of the point
            // Away from the point the line is drawn either way.
            QVERIFY(alphaOf(pixelAt(with.points.image(), 62, 100)) > 0);
        }
    }

    void aLineThroughTheCameraIsCutAtTheNearPlane()
    {
        // From the origin to behind the camera, off to the right: GL draws the part in front,
        // from the centre to the right edge, and so does the splatter; nothing to the left.
        const PointSplatter::Params params = lookingAtTheOrigin();
        const std::vector<float> nodes = {0, 0, 0, 1, 0, 8};
        for (const std::vector<std::uint32_t> &edge : {std::vector<std::uint32_t>{0, 1}, {1, 0}}) {
            Drawing d;
            QCOMPARE(d.lines.project(nodes.data(), 2, params), QRect(0, 0, 200, 200));
            const PointSplatter::Image &image = d.draw({}, nodes, edge, params);
            int right = 0, left = 0;
            for (int y = 0; y < 200; ++y) {
                for (int x = 0; x < 200; ++x) {
                    if (alphaOf(pixelAt(image, x, y)) == 0) continue;
                    ++(x >= 100 ? right : left);
                }
            }
            QVERIFY2(right >= 99, qPrintable(QString::number(right)));
            QCOMPARE(left, 0);
        }
    }

    void nodesAtInfinityOrNaNDrawNothing()
    {
        Drawing d;
        const PointSplatter::Params params = lookingAtTheOrigin();
        const float inf = std::numeric_limits<float>::infinity();
        const float nan = std::numeric_limits<float>::quiet_NaN();
        const std::vector<float> nodes = {0, 0, 0,    inf,   0,     0, nan, 0,
                                          0, 0, -inf, 3e38f, 3e38f, 0, 0};
        // Each bad node joined to the origin, plus an edge to a node that does not exist.
        const PointSplatter::Image &image =
            d.draw({}, nodes, {0, 1, 0, 2, 0, 3, 0, 4, 0, 9}, params);
        for (const std::uint32_t p : image.pixels)
            QCOMPARE(alphaOf(p), 0);
        QCOMPARE(d.lines.project(nodes.data(), 0, params), QRect());
    }
};

QTEST_APPLESS_MAIN(TestLineSplatter)
#include "tst_linesplatter.moc"
