// The Train page's first-layer weights (ui/train/weightgrid.h): each tile is its unit's picture
// in the diverging map, also for weights that are zero or not finite, and a new copy of the same
// network (twice a second while training) repaints the pictures, not the captions and the note.

#include "ui/common/palette.h"
#include "ui/train/weightgrid.h"

#include "common/paintcheck.h"

#include <QImage>
#include <QPaintEvent>
#include <QScreen>
#include <QTest>
#include <cmath>
#include <limits>
#include <memory>
#include <vector>

using ui::WeightGrid;

namespace {

// 784 inputs (a 28 x 28 picture) into `units` ReLU units, Glorot-initialized from a seed, and
// the weights then multiplied by the seed: each seed's scale has other numbers.
std::shared_ptr<core::nn::Sequential> model(int units, std::uint64_t seed)
{
    auto m = std::make_shared<core::nn::Sequential>(
        784, std::vector<core::nn::DenseSpec>{{units, core::nn::Activation::Relu}});
    m->initialize(seed);
    for (float &w : m->mutableKernel(0))
        w *= static_cast<float>(seed);
    return m;
}

} // namespace

class TestWeightGrid : public QObject {
    Q_OBJECT

private slots:
    void tilesAreTheUnitsPictures()
    {
        auto m = model(70, 7);
        const std::span<float> k = m->mutableKernel(0);
        for (int p = 0; p < 784; ++p)
            k[static_cast<std::size_t>(p * 70 + 3)] = 0.0f; // unit 3: all zero
        k[100 * 70 + 4] = std::numeric_limits<float>::quiet_NaN();
        k[101 * 70 + 4] = std::numeric_limits<float>::infinity();
        k[102 * 70 + 4] = 2.0f; // unit 4's largest finite weight
        for (int p = 0; p < 784; ++p)
            k[static_cast<std::size_t>(p * 70 + 5)] = 0.0f; // unit 5: tiny, a denormal largest
        k[200 * 70 + 5] = 1e-39f;
        k[201 * 70 + 5] = -5e-40f;
        WeightGrid grid;
        grid.setModel(m);
        QCOMPARE(grid.unitCount(), 70);
        QCOMPARE(grid.tileCount(), 64);
        // The tiles are made in the kernel's memory order, the single units column by column:
        // both must give the same picture.
        const QImage tiles = grid.tiles();
        for (int u = 0; u < grid.tileCount(); ++u)
            QVERIFY2(tiles.copy((u % 8) * 29, (u / 8) * 29, 28, 28) == grid.unitImage(u),
                     qPrintable(QStringLiteral("tile %1").arg(u)));
        const QRgb white = ui::palette::diverging(0.0f, 1.0f);
        const QImage zero = grid.unitImage(3);
        for (int p = 0; p < 784; ++p)
            QCOMPARE(zero.pixel(p % 28, p / 28), white);
        // Not finite: white, and the scale of the unit is infinite, so every finite weight is
        // white too: what a diverged run shows.
        const QImage diverged = grid.unitImage(4);
        QCOMPARE(diverged.pixel(100 % 28, 100 / 28), white);
        QCOMPARE(diverged.pixel(102 % 28, 102 / 28), white);
        // A unit of tiny weights is scaled like any other (255 / 1e-39 overflows a float).
        const QImage tiny = grid.unitImage(5);
        QCOMPARE(tiny.pixel(200 % 28, 200 / 28), ui::palette::positive().rgb());
        QCOMPARE(tiny.pixel(0, 0), white);
        // A unit's largest weight is at full colour, its sign deciding the hue.
        const auto kernel = m->kernel(0);
        int strongest = 0;
        for (int p = 1; p < 784; ++p)
            if (std::fabs(kernel(p, 9)) > std::fabs(kernel(strongest, 9))) strongest = p;
        QCOMPARE(grid.unitImage(9).pixel(strongest % 28, strongest / 28),
                 kernel(strongest, 9) > 0 ? ui::palette::positive().rgb()
                                          : ui::palette::negative().rgb());
    }

    void theNoteShortensInsteadOfBeingCut()
    {
        WeightGrid grid;
        grid.setModel(model(64, 1));
        grid.resize(1100, 400);
        QVERIFY2(grid.note().contains(QStringLiteral("Glorot")), qPrintable(grid.note()));
        // About the Weights tab of a 1280 x 800 window: a narrow column beside the large unit.
        grid.resize(720, 364);
        QVERIFY2(!grid.note().contains(QStringLiteral("Glorot")), qPrintable(grid.note()));
        // Not nothing: a shorter wording fits (the last choice, nothing, is for no fit at all).
        QVERIFY(!grid.note().isEmpty());
        grid.resize(600, 364); // no room for a column at all
        QCOMPARE(grid.note(), QString());
    }

    void aNewCopyRepaintsOnlyTheWeights()
    {
        WeightGrid grid;
        grid.resize(1100, 400); // the tiles and the large unit are at most 341 pixels high
        grid.setModel(model(64, 1));
        grid.show();
        QVERIFY(QTest::qWaitForWindowExposed(&grid));
        QTest::qWait(50);
        testing::PaintRects painted;
        grid.installEventFilter(&painted);
        // Training's copies: the tiles and the large unit (the left half) are painted, the
        // note beside them is not, and the screen shows what a full paint shows.
        for (std::uint64_t seed = 2; seed < 5; ++seed) {
            painted.rects.clear(); // grab() paints too
            grid.setModel(model(64, seed));
            QTRY_VERIFY(!painted.rects.empty());
            const QRect area = painted.rects.back();
            painted.rects.clear();
            QVERIFY2(area.left() <= 6 && area.right() < grid.width() * 2 / 3,
                     qPrintable(QStringLiteral("%1, %2 to %3")
                                    .arg(area.left())
                                    .arg(area.right())
                                    .arg(grid.width())));
            QVERIFY(testing::screenShowsAFullPaint(grid));
        }
        // Another network: everything (the captions name the units).
        painted.rects.clear();
        grid.setModel(model(32, 5));
        QTRY_VERIFY(!painted.rects.empty());
        QCOMPARE(painted.rects.back(), grid.rect());
        QVERIFY(testing::screenShowsAFullPaint(grid));
        grid.selectUnit(7);
        QVERIFY(testing::screenShowsAFullPaint(grid));
    }
};

QTEST_MAIN(TestWeightGrid)
#include "test_weightgrid.moc"
