// Where the vectors' labels go (issue 13): never on a tick number, another label or a box; home
// (just beyond the tip) when it is free; near the tip otherwise; the same answer for the same
// input.

#include "ui/geometry/labelplacement.h"

#include <QTest>
#include <cmath>
#include <numbers>

using ui::LabelPlace;
using ui::LabelRequest;
using ui::LabelRoom;

namespace {

const QRectF kArea(0, 0, 800, 600);

// A label of `size` at tip, its arrow pointing at `degrees` (counter-clockwise from the right,
// as on paper; the screen's y points down), home as labelBeside() puts it.
LabelRequest request(QPointF tip, double degrees, QSizeF size = {120, 20}, double gap = 10)
{
    const double a = degrees * std::numbers::pi / 180;
    const QPointF d(std::cos(a), -std::sin(a));
    return {tip, d, gap, ui::labelBeside(tip, d, gap, size)};
}

// How far the rectangle is from p (0 when p is inside).
double distance(const QRectF &r, const QPointF &p)
{
    const double dx = std::max({r.left() - p.x(), 0.0, p.x() - r.right()});
    const double dy = std::max({r.top() - p.y(), 0.0, p.y() - r.bottom()});
    return std::hypot(dx, dy);
}

bool overlapsAny(const QRectF &r, const std::vector<QRectF> &others)
{
    return std::any_of(others.begin(), others.end(),
                       [&](const QRectF &o) { return r.intersects(o); });
}

} // namespace

class TestLabelPlacement : public QObject {
    Q_OBJECT
private slots:
    void homeWhenFree()
    {
        const LabelRequest label = request({400, 300}, 45);
        const auto placed = ui::placeLabels({label}, {kArea, {}, {}});
        QCOMPARE(placed.size(), std::size_t(1));
        QCOMPARE(placed[0].rect, label.preferred);
        QCOMPARE(placed[0].candidate, 0);
        QVERIFY(placed[0].free);
    }

    void homeIsBeyondTheTip()
    {
        // Right and above for an arrow up and to the right; left of the tip for one to the left.
        const QRectF upRight = request({400, 300}, 45).preferred;
        QVERIFY(upRight.left() > 400 && upRight.bottom() < 300);
        const QRectF left = request({400, 300}, 180).preferred;
        QVERIFY(left.right() < 400 && left.top() < 300 && left.bottom() > 300);
    }

    void aTickOnTheHomeMovesTheLabel_data()
    {
        QTest::addColumn<double>("degrees");
        for (const double degrees : {0.0, 30.0, 75.0, 90.0, 135.0, 180.0, 225.0, 270.0, 315.0})
            QTest::addRow("%g°", degrees) << degrees;
    }

    void aTickOnTheHomeMovesTheLabel()
    {
        // The defect: "T(v₁ + v₂)" just beyond its tip, where the y axis' tick "3" is.
        QFETCH(double, degrees);
        const LabelRequest label = request({400, 300}, degrees, {250, 22});
        const QPointF home = label.preferred.center();
        std::vector<QRectF> ticks{QRectF(home - QPointF(5, 9), QSizeF(10, 18))};
        // And a row of tick numbers along an axis through the tip, every 80 pixels.
        for (double x = 0; x < 800; x += 80)
            ticks.emplace_back(x - 5, 300 + 4, 10, 18);
        QVERIFY(overlapsAny(label.preferred, ticks));

        const auto placed = ui::placeLabels({label}, {kArea, ticks, {}});
        QVERIFY(placed[0].free);
        QVERIFY(placed[0].candidate > 0);
        QVERIFY(!overlapsAny(placed[0].rect, ticks));
        QCOMPARE(placed[0].rect.size(), label.preferred.size());
        QVERIFY(kArea.contains(placed[0].rect));
        // Still beside its own tip, not somewhere else on the plane.
        QVERIFY(distance(placed[0].rect, label.tip) <= label.gap + 2 * 22 + 1e-9);
    }

    void labelsAtOneTipDoNotOverlap_data()
    {
        QTest::addColumn<int>("count");
        QTest::newRow("two") << 2;
        QTest::newRow("five") << 5;
    }

    void labelsAtOneTipDoNotOverlap()
    {
        // v₁ and v₂ ending at the same point (or T mapping both there).
        QFETCH(int, count);
        std::vector<LabelRequest> labels;
        for (int i = 0; i < count; ++i)
            labels.push_back(request({400, 300}, 60, {100 + 20.0 * i, 20}));
        const auto placed = ui::placeLabels(labels, {kArea, {}, {}});
        QCOMPARE(placed.size(), labels.size());
        QCOMPARE(placed[0].candidate, 0); // the first keeps its home
        for (std::size_t i = 0; i < placed.size(); ++i) {
            QVERIFY(placed[i].free);
            for (std::size_t j = 0; j < i; ++j)
                QVERIFY2(!placed[i].rect.intersects(placed[j].rect),
                         qPrintable(QStringLiteral("%1 and %2").arg(i).arg(j)));
        }
    }

    void anotherArrowsTipStaysVisible()
    {
        // v₂ ends where v₁'s label would go: the label moves so that v₂'s handle can be seen.
        const LabelRequest v1 = request({400, 300}, 0);
        const LabelRequest v2 = request(v1.preferred.center(), 90, {30, 20});
        const auto placed = ui::placeLabels({v1, v2}, {kArea, {}, {}});
        QVERIFY(placed[0].free && placed[1].free);
        QVERIFY(placed[0].candidate > 0);
        QVERIFY(distance(placed[0].rect, v2.tip) >= 0.7 * v2.gap);
        QVERIFY(distance(placed[1].rect, v1.tip) >= 0.7 * v1.gap);
    }

    void ticksComeBeforeTips()
    {
        // Ticks on every side of a tip but one, where another arrow ends: a label may hide a
        // tip, never a tick number.
        const LabelRequest label = request({400, 300}, 90, {40, 20});
        const LabelRequest other = request({400, 330}, 270, {40, 20});
        std::vector<QRectF> ticks;
        for (const QRectF &r : ui::labelCandidates(label, kArea))
            if (!r.contains(other.tip)) ticks.push_back(r.adjusted(15, 5, -15, -5));
        const auto placed = ui::placeLabels({label}, {kArea, ticks, {}});
        QVERIFY(placed[0].free);
        const auto withOther = ui::placeLabels({label, other}, {kArea, ticks, {}});
        QVERIFY(withOther[0].free);
        QVERIFY(!overlapsAny(withOther[0].rect, ticks));
        QVERIFY(withOther[0].rect.contains(other.tip));
    }

    void boxesAreAvoided()
    {
        // The det readout over the top-left corner and the caption over the top-right one.
        const std::vector<QRectF> boxes{QRectF(10, 10, 300, 50), QRectF(590, 10, 200, 40)};
        const std::vector<LabelRequest> labels{request({150, 70}, 90), request({700, 60}, 60)};
        const auto placed = ui::placeLabels(labels, {kArea, {}, boxes});
        for (const LabelPlace &p : placed) {
            QVERIFY(p.free);
            QVERIFY(!overlapsAny(p.rect, boxes));
        }
    }

    void keptInsideTheArea()
    {
        // A tip in the top-right corner: the home would stick out; the label is moved in.
        const LabelRequest label = request({795, 5}, 45);
        QVERIFY(!kArea.contains(label.preferred));
        for (const QRectF &r : ui::labelCandidates(label, kArea))
            QVERIFY(kArea.contains(r));
        QVERIFY(kArea.contains(ui::placeLabels({label}, {kArea, {}, {}})[0].rect));
    }

    void theArrowsSideComesFirst()
    {
        // After the home: the compass point the arrow points to; last of the 8: the one on its
        // own shaft. Then the label slid along the sides, the arrow's side first; last, the
        // compass points further out.
        const LabelRequest label = request({400, 300}, 0);
        const auto candidates = ui::labelCandidates(label, kArea);
        QCOMPARE(candidates.size(), std::size_t(1 + 8 + 4 * 9 + 2 * 8));
        QVERIFY(candidates[1].left() > 400);                                      // east
        QVERIFY(candidates[8].right() < 400 && candidates[8].contains(380, 300)); // west
        for (std::size_t i = 9; i < 9 + 9; ++i)
            QCOMPARE(candidates[i].left(), 400 + label.gap); // slid along the east side
        const std::size_t further = candidates.size() - 16;
        QVERIFY(distance(candidates[further], label.tip) > distance(candidates[1], label.tip));
        for (std::size_t i = 1; i < further; ++i)
            QVERIFY(std::abs(distance(candidates[i], label.tip) - label.gap) < 1e-9);
    }

    void aLabelFitsBetweenTwoTicks()
    {
        // A label wider than the room beside the y axis: it can only sit between two of its
        // tick numbers, in a band not much taller than itself, just below the tip's height.
        const QRectF area(0, 0, 400, 600);
        const std::vector<QRectF> ticks{QRectF(180, 135, 16, 25), QRectF(180, 202, 16, 25)};
        const LabelRequest label = request({245, 165}, 75, {261, 28}, 15);
        const auto placed = ui::placeLabels({label}, {area, ticks, {}});
        QVERIFY(placed[0].free);
        QVERIFY(placed[0].rect.top() >= 160 && placed[0].rect.bottom() <= 202);
    }

    void noFreePlaceOverlapsLeast()
    {
        // Ticks everywhere around the tip, one of them smaller: the label goes where it covers
        // the least, and says it is not free.
        std::vector<QRectF> ticks;
        for (double x = 0; x < 800; x += 20)
            for (double y = 0; y < 600; y += 20)
                ticks.emplace_back(x, y, 12, 12);
        const LabelRequest label = request({400, 300}, 45, {60, 20});
        const auto placed = ui::placeLabels({label}, {kArea, ticks, {}});
        QVERIFY(!placed[0].free);
        const auto covered = [&](const QRectF &r) {
            double sum = 0;
            for (const QRectF &t : ticks) {
                const QRectF c = r.intersected(t);
                if (!c.isEmpty()) sum += c.width() * c.height();
            }
            return sum;
        };
        for (const QRectF &r : ui::labelCandidates(label, kArea))
            QVERIFY(covered(placed[0].rect) <= covered(r));
    }

    void sameInputSameOutput()
    {
        // No state between frames: a still scene is drawn the same every time, so no flicker.
        std::vector<QRectF> ticks;
        for (double x = 0; x < 800; x += 80)
            ticks.emplace_back(x - 5, 304, 10, 18);
        for (double y = 0; y < 600; y += 80)
            ticks.emplace_back(380, y - 9, 12, 18);
        const std::vector<LabelRequest> labels{
            request({400, 300}, 45, {30, 24}),   request({480, 300}, 0, {30, 24}),
            request({460, 220}, 45, {150, 22}),  request({420, 100}, 80, {250, 22}),
            request({360, 260}, 135, {180, 22}), request({380, 220}, 100, {40, 18})};
        const LabelRoom room{kArea, ticks, {QRectF(10, 10, 300, 50)}};
        const auto first = ui::placeLabels(labels, room);
        for (int run = 0; run < 3; ++run) {
            const auto again = ui::placeLabels(labels, room);
            QCOMPARE(again.size(), first.size());
            for (std::size_t i = 0; i < first.size(); ++i) {
                QCOMPARE(again[i].rect, first[i].rect);
                QCOMPARE(again[i].candidate, first[i].candidate);
            }
        }
        for (std::size_t i = 0; i < first.size(); ++i) {
            QVERIFY(first[i].free);
            QVERIFY(!overlapsAny(first[i].rect, ticks));
        }
    }
};

QTEST_APPLESS_MAIN(TestLabelPlacement)
#include "tst_labelplacement.moc"
