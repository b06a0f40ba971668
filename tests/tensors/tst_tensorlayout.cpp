// Where a drawn tensor's elements go: every rank from 0 to 5, NumPy's summary of long axes, the
// front layer of a stack over the back ones, and every cell inside the area given.

#include "ui/common/tensorlayout.h"

#include <QTest>

using namespace ui;

class TestTensorLayout : public QObject {
    Q_OBJECT

private slots:
    void longAxesAreSummarisedAsNumPyPrintsThem()
    {
        using E = std::vector<std::int64_t>;
        QCOMPARE(TensorLayout::shownEntries(5, 10), (E{0, 1, 2, 3, 4}));
        QCOMPARE(TensorLayout::shownEntries(60000, 10), (E{0, 1, 2, -1, 59997, 59998, 59999}));
        QCOMPARE(TensorLayout::shownEntries(240, 5), (E{0, 1, -1, 238, 239}));
        QCOMPARE(TensorLayout::shownEntries(4, 3), (E{0, -1, 3}));
        QCOMPARE(TensorLayout::shownEntries(0, 10), E{});
    }

    void everyRankLaysOutItsCellsInsideTheArea_data()
    {
        QTest::addColumn<std::vector<std::int64_t>>("shape");
        QTest::addColumn<int>("cells");
        QTest::addColumn<int>("marks");
        QTest::newRow("scalar") << std::vector<std::int64_t>{} << 1 << 0;
        QTest::newRow("vector") << std::vector<std::int64_t>{5} << 5 << 1;
        QTest::newRow("matrix") << std::vector<std::int64_t>{3, 5} << 15 << 2;
        QTest::newRow("rank 3") << std::vector<std::int64_t>{3, 3, 5} << 45 << 3;
        QTest::newRow("rank 4") << std::vector<std::int64_t>{3, 2, 3, 4} << 72 << 4;
        QTest::newRow("rank 5") << std::vector<std::int64_t>{2, 3, 2, 3, 4} << 144 << 5;
        // (4, 240, 144, 256, 3): axis 0 as 0 ... 3, then 2 + 2 frames, 3 + 3 rows, 3 columns.
        QTest::newRow("video") << std::vector<std::int64_t>{4, 240, 144, 256, 3}
                               << 2 * 2 * 4 * 6 * 3 << 5;
        QTest::newRow("empty") << std::vector<std::int64_t>{0, 3} << 0 << 2;
    }

    void everyRankLaysOutItsCellsInsideTheArea()
    {
        QFETCH(std::vector<std::int64_t>, shape);
        QFETCH(int, cells);
        QFETCH(int, marks);
        const QRectF area(10, 20, 600, 400);
        const TensorLayout layout(shape, area, 16);
        QCOMPARE(static_cast<int>(layout.cells().size()), cells);
        QCOMPARE(static_cast<int>(layout.axisMarks().size()), marks);
        for (const TensorCell &c : layout.cells()) {
            QCOMPARE(static_cast<int>(c.index.size()), static_cast<int>(shape.size()));
            QVERIFY2(area.contains(c.rect), qPrintable(QStringLiteral("cell outside the area")));
            for (std::size_t a = 0; a < shape.size(); ++a)
                QVERIFY(c.index[a] >= 0 && c.index[a] < shape[a]);
        }
        for (const TensorAxisMark &m : layout.axisMarks()) {
            QVERIFY(area.contains(m.from) && area.contains(m.to));
            QVERIFY(m.axis >= 0 && m.axis < static_cast<int>(shape.size()));
        }
    }

    void theFrontLayerOfAStackIsIndexZeroAndCoversTheOthers()
    {
        const TensorLayout layout({3, 3, 5}, QRectF(0, 0, 600, 400), 16);
        // Index 0 is drawn last; its cell (0, 1, 1) covers the back layers there.
        const int front = layout.cellOf({0, 1, 1});
        QVERIFY(front >= 0);
        const QPointF centre = layout.cells()[front].rect.center();
        QCOMPARE(layout.cellAt(centre), front);
        // A back layer peeks out one whole cell above and to the right.
        const QRectF back = layout.cells()[layout.cellOf({1, 0, 4})].rect;
        const QRectF frontCorner = layout.cells()[layout.cellOf({0, 0, 4})].rect;
        QCOMPARE(back.translated(-layout.cellSize(), layout.cellSize()), frontCorner);
        QCOMPARE(layout.cells()[layout.cellAt(back.center())].index,
                 (std::vector<std::int64_t>{1, 0, 4}));
        QCOMPARE(layout.cellAt(QPointF(-5, -5)), -1);
    }

    void aSummarisedAxisShowsItsEllipsis()
    {
        const TensorLayout layout({60000, 28, 28}, QRectF(0, 0, 800, 600), 16);
        QCOMPARE(layout.cellOf({100, 0, 0}), -1); // summarised away
        QVERIFY(layout.cellOf({59999, 27, 27}) >= 0);
        QVERIFY(!layout.ellipses().empty());
    }

    void cellsGrowWithTheAreaUpToTheirCap()
    {
        const TensorLayout small({2, 2}, QRectF(0, 0, 100, 100), 16, 64);
        const TensorLayout large({2, 2}, QRectF(0, 0, 2000, 2000), 16, 64);
        QVERIFY(small.cellSize() < 64);
        QCOMPARE(large.cellSize(), 64.0);
    }
};

QTEST_GUILESS_MAIN(TestTensorLayout)
#include "tst_tensorlayout.moc"
