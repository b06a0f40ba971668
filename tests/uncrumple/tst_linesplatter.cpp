// The lattice's lines drawn on the CPU (linesplatter.h): anti-aliased a pixel wide in their colour
// whichever way they run, hidden behind a nearer point but not a farther one, clipped as GL clips
// them (at the camera, at the far plane, and far off the view without overflowing), nothing drawn
// for nodes at infinity or NaN, and the same image whether drawn at once or in two bands.

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

// The image of points (xyz each, blue) with the lines between nodes drawn on it, as the view
// draws it: at once, or in two bands split at row split.
struct Drawing {
    PointSplatter points;
    LineSplatter lines;

    const PointSplatter::Image &draw(const std::vector<float> &pointXyz,
                                     const std::vector<float> &nodes,
                                     const std::vector<std::uint32_t> &edges,
                                     const PointSplatter::Params &params, int split = -1)
    {
        points.setColours(std::vector<std::uint32_t>(pointXyz.size() / 3, 0xffe02020u));
        const QRect area =
            lines.project(nodes.data(), static_cast<int>(nodes.size() / 3), edges, params);
        PointSplatter::Image &image =
            points.prepare(pointXyz.data(), static_cast<int>(pointXyz.size() / 3), params, area);
        const auto band = [&](int rowBegin, int rowEnd) {
            points.drawRows(params, rowBegin, rowEnd);
            lines.draw(image, kOpaqueRed, 1.0f, params, rowBegin, rowEnd);
        };
        if (split < 0) {
            band(0, image.height);
        } else {
            band(0, split);
            band(split, image.height);
        }
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

// The view's columns (or rows, across) that hold any of a line's ink.
std::vector<int> inkedColumns(const PointSplatter::Image &image, bool rows = false)
{
    std::vector<int> found;
    for (int i = 0; i < 200; ++i)
        for (int j = 0; j < 200; ++j)
            if (alphaOf(rows ? pixelAt(image, j, i) : pixelAt(image, i, j)) > 0) {
                found.push_back(i);
                break;
            }
    return found;
}

} // namespace

class TestLineSplatter : public QObject {
    Q_OBJECT

private slots:
    void aLineIsOnePixelOfInkAcrossInItsColour_data()
    {
        QTest::addColumn<std::vector<float>>("nodes");
        QTest::addColumn<bool>("steep");
        // From about (60, 100) to (140, 92), and from about (100, 60) to (108, 140).
        QTest::newRow("shallow") << std::vector<float>{-0.5f, 0, 0, 0.5f, 0.1f, 0} << false;
        QTest::newRow("shallow, backwards")
            << std::vector<float>{0.5f, 0.1f, 0, -0.5f, 0, 0} << false;
        QTest::newRow("steep") << std::vector<float>{0, 0.5f, 0, 0.1f, -0.5f, 0} << true;
        QTest::newRow("steep, backwards") << std::vector<float>{0.1f, -0.5f, 0, 0, 0.5f, 0} << true;
    }
    void aLineIsOnePixelOfInkAcrossInItsColour()
    {
        // Every column (row, for a steep line) it crosses holds one pixel's worth of red between
        // two pixels across, and nothing lies farther off.
        QFETCH(std::vector<float>, nodes);
        QFETCH(bool, steep);
        Drawing d;
        const PointSplatter::Image &image = d.draw({}, nodes, {0, 1}, lookingAtTheOrigin());
        QVERIFY(std::max(image.width, image.height) > 70 &&
                std::min(image.width, image.height) < 20);
        for (int i = 65; i <= 135; ++i) {
            int ink = 0, across = 0;
            for (int j = 80; j <= 120; ++j) {
                const std::uint32_t p = steep ? pixelAt(image, j, i) : pixelAt(image, i, j);
                if (alphaOf(p) == 0) continue;
                ++across;
                ink += alphaOf(p);
                QCOMPARE(int(p & 0xff), alphaOf(p)); // premultiplied red
                QCOMPARE(int((p >> 8) & 0xffff), 0);
            }
            QVERIFY2(across >= 1 && across <= 2, qPrintable(QString::number(i)));
            QVERIFY2(std::abs(ink - 255) <= 2,
                     qPrintable(QStringLiteral("%1: %2").arg(i).arg(ink)));
        }
    }

    void aFartherLineIsFoggedTowardsTheBackground()
    {
        // 7 from the eye, fog from 5 to 10 at strength 0.5: a fifth of the way to white.
        Drawing d;
        const PointSplatter::Image &image =
            d.draw({}, {-0.5f, 0.01f, -3, 0.5f, 0.01f, -3}, {0, 1}, lookingAtTheOrigin());
        int checked = 0;
        for (int y = 95; y <= 105; ++y) {
            const std::uint32_t p = pixelAt(image, 100, y);
            const double a = alphaOf(p);
            if (a < 128) continue;
            QVERIFY(std::abs((p & 0xff) / a - 1.0) < 0.02);
            QVERIFY2(std::abs(((p >> 8) & 0xff) / a - 0.2) < 0.02,
                     qPrintable(QString::number(p, 16)));
            QVERIFY(std::abs(((p >> 16) & 0xff) / a - 0.2) < 0.02);
            ++checked;
        }
        QCOMPARE(checked, 1);
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
        const std::vector<float> nodes = {0, 0, 0, 1, 0, 8};
        for (const std::vector<std::uint32_t> &edge : {std::vector<std::uint32_t>{0, 1}, {1, 0}}) {
            Drawing d;
            const std::vector<int> columns =
                inkedColumns(d.draw({}, nodes, edge, lookingAtTheOrigin()));
            QCOMPARE(static_cast<int>(columns.size()), 100);
            QCOMPARE(columns.front(), 100);
        }
    }

    void aLineIsCutAtTheFarPlane()
    {
        // From the origin (4 from the eye) to 24 from it; the far plane is at 10, where the line
        // is at x = 0.9, pixel 128.5. Uncut, it would reach pixel 139.6.
        Drawing d;
        const std::vector<int> columns =
            inkedColumns(d.draw({}, {0, 0, 0, 3, 0, -20}, {0, 1}, lookingAtTheOrigin()));
        QVERIFY(!columns.empty());
        QCOMPARE(columns.front(), 100);
        QVERIFY2(columns.back() >= 127 && columns.back() <= 129,
                 qPrintable(QString::number(columns.back())));
    }

    void linesFarOffTheViewDrawTheirVisiblePart()
    {
        // A line across the view at y = 0, in front of the camera (at 0.2), with ends a million
        // times the view's width off: drawn from edge to edge.
        Drawing across;
        const std::vector<int> rows = inkedColumns(
            across.draw({}, {-1e6f, 0, 3.8f, 1e6f, 0, 3.8f}, {0, 1}, lookingAtTheOrigin()), true);
        QCOMPARE(rows, (std::vector<int>{99, 100}));
        QCOMPARE(static_cast<int>(inkedColumns(across.points.image()).size()), 200);
        // Ends so far off that their difference overflows a float: the visible part is too small
        // a share of the line to be found, but nothing undefined happens (the sanitizer build
        // checks the conversions) and nothing is drawn off its row.
        Drawing overflowing;
        const std::vector<int> anyRows =
            inkedColumns(overflowing.draw({}, {-1.5e35f, 0, 3.8f, 1.5e35f, 0, 3.8f}, {0, 1},
                                          lookingAtTheOrigin()),
                         true);
        for (const int row : anyRows)
            QVERIFY(row == 99 || row == 100);
        // From the origin to a point far up and to the right: the top-right quarter only.
        Drawing diagonal;
        const PointSplatter::Image &image =
            diagonal.draw({}, {0, 0, 0, 1e30f, 1e30f, 0}, {0, 1}, lookingAtTheOrigin());
        QVERIFY(alphaOf(pixelAt(image, 150, 49)) > 0 || alphaOf(pixelAt(image, 150, 50)) > 0);
        QCOMPARE(alphaOf(pixelAt(image, 50, 150)), 0);
    }

    void nodesAtInfinityOrNaNDrawNothing()
    {
        Drawing d;
        const PointSplatter::Params params = lookingAtTheOrigin();
        const float inf = std::numeric_limits<float>::infinity();
        const float nan = std::numeric_limits<float>::quiet_NaN();
        const std::vector<float> nodes = {0, 0, 0, inf, 0, 0, nan, 0, 0, 0, -inf, 3e38f};
        // Each bad node joined to the origin, plus an edge to a node that does not exist.
        const std::vector<std::uint32_t> edges = {0, 1, 0, 2, 0, 3, 0, 9};
        QCOMPARE(d.lines.project(nodes.data(), 4, edges, params), QRect());
        // With a point: the point's image alone.
        Drawing pointAlone;
        QVERIFY(d.draw({0, 0, 0}, nodes, edges, params).pixels ==
                pointAlone.draw({0, 0, 0}, {}, {}, params).pixels);
        Drawing linesAlone;
        QCOMPARE(linesAlone.draw({}, nodes, edges, params).width, 0);
    }

    void twoBandsDrawWhatOnePassDraws()
    {
        // Points and lines crossing every split row: the same bytes whether drawn at once or in
        // two bands (the view draws the second on another thread).
        std::vector<float> points, nodes;
        std::vector<std::uint32_t> edges;
        std::uint32_t seed = 12345;
        const auto next = [&seed] {
            seed = seed * 1664525u + 1013904223u;
            return static_cast<float>(seed >> 8) / 16777216.0f - 0.5f;
        };
        for (int i = 0; i < 300; ++i)
            for (int c = 0; c < 3; ++c)
                points.push_back(next());
        for (int i = 0; i < 200; ++i) {
            for (int c = 0; c < 6; ++c)
                nodes.push_back(next() * 1.6f);
            edges.push_back(2 * i);
            edges.push_back(2 * i + 1);
        }
        const PointSplatter::Params params = lookingAtTheOrigin();
        Drawing once;
        const PointSplatter::Image &whole = once.draw(points, nodes, edges, params);
        QVERIFY(whole.height > 100);
        for (const int split : {1, 37, whole.height / 2, whole.height - 1}) {
            Drawing banded;
            const PointSplatter::Image &parts = banded.draw(points, nodes, edges, params, split);
            QVERIFY2(parts.pixels == whole.pixels, qPrintable(QString::number(split)));
            QVERIFY(parts.depth == whole.depth);
        }
    }
};

QTEST_APPLESS_MAIN(TestLineSplatter)
#include "tst_linesplatter.moc"
