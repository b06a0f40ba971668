// The Train and Uncrumple pages' line chart (ui/train/curvechart.h): curves drawn where their
// values are, a frame painted once and not at each new point (the point of the chart: the
// Train page redraws 12.5 times a second while training), labels inside the chart at every
// size, and diverged values (NaN, infinity, 1e300) drawn without harm.

#include "ui/train/curvechart.h"

#include "common/paintcheck.h"

#include <QImage>
#include <QPaintEvent>
#include <QScreen>
#include <QTest>
#include <cmath>
#include <limits>
#include <memory>
#include <utility>
#include <vector>

using ui::ChartLayout;
using ui::ChartTick;
using ui::CurveChart;

namespace {

QList<QPointF> flatLine(double y, int n = 11)
{
    QList<QPointF> points;
    for (int i = 0; i < n; ++i)
        points.append({double(i), y});
    return points;
}

bool near(QColor a, QColor b)
{
    return std::abs(a.red() - b.red()) < 40 && std::abs(a.green() - b.green()) < 40 &&
           std::abs(a.blue() - b.blue()) < 40;
}

// A 400 x 250 loss chart over epochs 0 to 10 and losses 0 to 1, with one curve (index 0).
std::unique_ptr<CurveChart> lossChart(const QColor &colour, qreal width)
{
    auto chart = std::make_unique<CurveChart>(QStringLiteral("Loss"), QStringLiteral("epoch"),
                                              QStringLiteral("loss"));
    chart->addCurve(QStringLiteral("train"), colour, width);
    chart->resize(400, 250);
    chart->setXRange(0, 10, 1);
    chart->setYExtent(0, 1);
    return chart;
}

} // namespace

class TestCurveChart : public QObject {
    Q_OBJECT

private slots:
    void curvesAreDrawnWhereTheirValuesAre()
    {
        const auto owner = lossChart(Qt::red, 3.0);
        CurveChart &chart = *owner;
        const int red = 0;
        chart.setCurve(red, flatLine(0.5));
        const QImage image = chart.grab().toImage();
        const QPoint on = chart.toPixel({5.0, 0.5}).toPoint();
        QVERIFY2(near(image.pixelColor(on), Qt::red), qPrintable(image.pixelColor(on).name()));
        const QPoint off = chart.toPixel({5.0, 0.8}).toPoint();
        QVERIFY(!near(image.pixelColor(off), Qt::red));
        // A new value moves the line.
        chart.setCurve(red, flatLine(0.8));
        const QImage moved = chart.grab().toImage();
        QVERIFY(near(moved.pixelColor(off), Qt::red));
        QVERIFY(!near(moved.pixelColor(on), Qt::red));
        // And the mapping goes both ways.
        const QPointF back = chart.toValue(chart.toPixel({3.0, 0.25}));
        QVERIFY(std::abs(back.x() - 3.0) < 1e-9 && std::abs(back.y() - 0.25) < 1e-9);
    }

    void newPointsDoNotRepaintTheFrame()
    {
        const auto owner = lossChart(Qt::blue, 1.0);
        CurveChart &chart = *owner;
        const int curve = 0;
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        chart.repaint();
        const int frames = chart.framesPainted();
        QVERIFY(frames >= 1);
        for (int i = 1; i <= 20; ++i) {
            chart.setCurve(curve, flatLine(0.5 + 0.01 * i, i + 1));
            chart.setYExtent(0, 0.9 + 0.001 * i); // the same round axis, 0 to 1
            chart.repaint();
        }
        QCOMPARE(chart.framesPainted(), frames);
        QCOMPARE(chart.yMax(), 1.0);
        // A range past the round ticks relabels the axis: the frame is painted again, once.
        chart.setYExtent(0, 2.7);
        chart.repaint();
        QCOMPARE(chart.framesPainted(), frames + 1);
        QVERIFY(chart.yMax() >= 2.7);
    }

    void aNewPointRepaintsOnlyItsStrip()
    {
        // While training the page hands the chart the whole curve 12.5 times a second, of which
        // only the newest points are new: only the strip they (and the line to them) cover is
        // painted and sent to the screen, and the screen then shows what a full paint shows.
        const auto owner = lossChart(Qt::darkGreen, 2.0);
        CurveChart &chart = *owner;
        QList<QPointF> points;
        for (int i = 0; i <= 40; ++i)
            points.append({i * 0.1, 0.5 + 0.3 * std::sin(i * 0.7)});
        chart.setCurve(0, points);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        QTest::qWait(50);
        testing::PaintRects painted;
        chart.installEventFilter(&painted);
        for (int i = 41; i <= 60; ++i) {
            points.append({i * 0.1, 0.5 + 0.3 * std::sin(i * 0.7)});
            chart.setCurve(0, points);
            QTRY_VERIFY(!painted.rects.empty());
            const QRect strip = painted.rects.back();
            painted.rects.clear();
            const QPointF from = chart.toPixel(points[i - 1]), to = chart.toPixel(points[i]);
            QVERIFY2(strip.left() <= from.x() - 2 && strip.right() >= to.x() + 2,
                     qPrintable(QStringLiteral("strip %1-%2 misses %3-%4")
                                    .arg(strip.left())
                                    .arg(strip.right())
                                    .arg(from.x())
                                    .arg(to.x())));
            QVERIFY(strip.width() < chart.layout().plot.width() / 8);
        }
        // The same points again: nothing to paint.
        chart.setCurve(0, points);
        QTest::qWait(30);
        QVERIFY(painted.rects.empty());
        chart.removeEventFilter(&painted);
        // What the screen shows is a full paint's picture, also when a far point moves (the line
        // from the point before it must go too).
        QVERIFY(testing::screenShowsAFullPaint(chart));
        const QList<QPointF> sparse = {{0, 0.2}, {3, 0.4}, {6, 0.3}, {9, 0.9}};
        chart.setCurve(0, sparse);
        QVERIFY(testing::screenShowsAFullPaint(chart));
        QList<QPointF> moved = sparse;
        moved.back() = {9, 0.1};
        chart.setCurve(0, moved);
        QVERIFY(testing::screenShowsAFullPaint(chart));
        // A narrow repaint between points (a closing tooltip's) draws the lines that cross it
        // from the points on both sides, though only a few of the curve's points are drawn.
        for (const double x : {1.5, 4.0, 7.5}) {
            const int column = qRound(chart.toPixel({x, 0.0}).x());
            chart.repaint(QRect(column - 3, 0, 6, chart.height()));
            QVERIFY2(testing::screenShowsAFullPaint(chart),
                     qPrintable(QStringLiteral("at x = %1").arg(x)));
        }
    }

    void aChartWithoutAnXSpanDrawsEveryPoint()
    {
        // All x map to the plot's left edge: every point's line is drawn there, also of points
        // whose x lies outside the (empty) range.
        const auto owner = lossChart(Qt::darkGreen, 2.0);
        CurveChart &chart = *owner;
        chart.setXRange(0, 0, 1);
        chart.setCurve(0, {{-1, 0.2}, {-0.5, 0.8}, {0, 0.5}});
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        const QPointF low = chart.toPixel({-1, 0.3}); // on the line from 0.2 to 0.8
        const QImage image = chart.grab().toImage();
        QVERIFY(near(image.pixelColor(qRound(low.x()), qRound(low.y())), Qt::darkGreen));
    }

    void labelsStayInsideTheChartAtEverySize_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::addColumn<double>("top");
        for (QSize s : {QSize(200, 110), QSize(300, 140), QSize(640, 320), QSize(1200, 700)}) {
            QTest::addRow("%dx%d small", s.width(), s.height()) << s << 1.0;
            QTest::addRow("%dx%d large", s.width(), s.height()) << s << 12345.0;
        }
    }

    void labelsStayInsideTheChartAtEverySize()
    {
        QFETCH(QSize, size);
        QFETCH(double, top);
        CurveChart chart(QStringLiteral("Accuracy per batch"), QStringLiteral("epoch"),
                         QStringLiteral("accuracy"));
        chart.addCurve(QStringLiteral("raw"), Qt::gray, 1.0);
        chart.addCurve(QStringLiteral("smoothed"), Qt::blue, 2.0);
        chart.resize(size);
        chart.setXRange(0, 1000, 100);
        chart.setYExtent(0, top);
        const ChartLayout &l = chart.layout();
        const QRectF whole(0, 0, size.width(), size.height());
        QVERIFY(whole.contains(l.plot));
        QVERIFY(l.plot.top() >= l.title.bottom());
        QVERIFY(l.yTicks.size() >= 2 && l.yTicks.size() <= 6);
        QVERIFY(l.yMin <= 0.0 && l.yMax >= top);
        const QFontMetricsF fm(chart.font());
        for (const ChartTick &t : l.yTicks) {
            const double width = fm.horizontalAdvance(t.label);
            QVERIFY2(
                width <= l.plot.left() - ui::kChartMargin,
                qPrintable(QStringLiteral("%1 wider than %2").arg(t.label).arg(l.plot.left())));
        }
        for (const ChartTick &t : l.xTicks) {
            const double x = chart.toPixel({t.value, 0.0}).x();
            const double half = fm.horizontalAdvance(t.label) / 2;
            QVERIFY2(x - half >= 0 && x + half <= size.width(), qPrintable(t.label));
        }
        // The bottom labels (and the x title where there is room) fit under the plot.
        const double under = (l.xTitleShown ? 2 : 1) * fm.height() + ui::kChartTickLength;
        QVERIFY(l.plot.bottom() + under <= size.height());
    }

    void xTicksAreWholeMultiplesOfTheInterval()
    {
        CurveChart chart(QStringLiteral("Loss per epoch"), QStringLiteral("epoch"),
                         QStringLiteral("loss"));
        chart.resize(400, 250);
        chart.setXRange(0.5, 5.5, 1);
        QStringList labels;
        for (const ChartTick &t : chart.layout().xTicks)
            labels << t.label;
        QCOMPARE(labels.join(QLatin1Char(' ')), QStringLiteral("1 2 3 4 5"));
        // A thousand epochs at an interval of one: thinned, not a thousand labels.
        chart.setXRange(0, 1000, 1);
        QVERIFY(chart.layout().xTicks.size() <= 201);
        // A degenerate range draws no ticks rather than looping.
        chart.setXRange(1, 1, 0);
        QVERIFY(chart.layout().xTicks.empty());
        chart.setXRange(0, std::numeric_limits<double>::infinity(), 1);
        QVERIFY(chart.layout().xTicks.empty());
    }

    void divergedValuesAreDrawnWithoutHarm()
    {
        CurveChart chart(QStringLiteral("Loss"), QStringLiteral("epoch"), QStringLiteral("loss"));
        const int curve = chart.addCurve(QStringLiteral("train"), Qt::red, 2.5, true);
        chart.resize(400, 250);
        chart.setXRange(0, 6, 1);
        chart.setYExtent(0, 1);
        const double nan = std::numeric_limits<double>::quiet_NaN();
        const double inf = std::numeric_limits<double>::infinity();
        chart.setCurve(curve,
                       {{0, 0.5}, {1, 0.4}, {2, nan}, {3, inf}, {4, 1e300}, {5, 0.3}, {6, -1e300}});
        const QImage image = chart.grab().toImage();
        QVERIFY(!image.isNull());
        QVERIFY(near(image.pixelColor(chart.toPixel({0.5, 0.45}).toPoint()), Qt::red));
        // Hover finds the finite points and only them.
        QVERIFY(chart.describeAt({1, 0.4}).contains(QStringLiteral("0.4")));
        QVERIFY(chart.describeAt({2, 0.5}).isEmpty());
        QVERIFY(chart.describeAt({nan, nan}).isEmpty());
    }

    void aNewXRangeOrCurveRepaintsTheFrame()
    {
        // From 32 to 33 epochs the ticks stay 0, 10, 20, 30 but move: the cached frame must not.
        CurveChart chart(QStringLiteral("Training"), QStringLiteral("epoch"),
                         QStringLiteral("loss"));
        chart.addCurve(QStringLiteral("loss"), Qt::red, 2.0);
        chart.resize(400, 250);
        chart.setXRange(0, 32, 10);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        chart.repaint();
        const double before = chart.toPixel({30.0, 0.0}).x();
        const int frames = chart.framesPainted();
        chart.setXRange(0, 33, 10);
        chart.repaint();
        QCOMPARE(chart.framesPainted(), frames + 1);
        QVERIFY(chart.toPixel({30.0, 0.0}).x() < before);
        // A curve added after the first paint gets its key in the title.
        chart.addCurve(QStringLiteral("accuracy"), Qt::green, 2.0);
        chart.repaint();
        QCOMPARE(chart.framesPainted(), frames + 2);
    }

    void absurdRangesStillLayOut()
    {
        CurveChart chart(QStringLiteral("Loss"), QStringLiteral("epoch"), QStringLiteral("loss"));
        const int curve = chart.addCurve(QStringLiteral("train"), Qt::red, 2.5, true);
        chart.resize(300, 160);
        const double nan = std::numeric_limits<double>::quiet_NaN();
        // Past 2^53 steps, or past the doubles' range: no hang, no endless ticks.
        chart.setXRange(0, 1e300, 1e-10);
        QVERIFY(chart.layout().xTicks.size() <= 201);
        chart.setXRange(1e16, 1e16 + 10, 1);
        QVERIFY(chart.layout().xTicks.size() <= 201);
        chart.setXRange(0, 10, 1);
        for (auto [low, high] :
             std::vector<std::pair<double, double>>{{-1e308, 1e308},
                                                    {0, std::numeric_limits<double>::max()},
                                                    {0, 1e-22},
                                                    {1e15, 1e15 + 1e-3},
                                                    {nan, 1},
                                                    {5, 5},
                                                    {3, -3}}) {
            chart.setYExtent(low, high);
            const ChartLayout &l = chart.layout();
            QVERIFY2(std::isfinite(l.yMin) && std::isfinite(l.yMax) && l.yMin < l.yMax,
                     qPrintable(QStringLiteral("%1 %2").arg(low).arg(high)));
            QVERIFY(l.yTicks.size() >= 2 && l.yTicks.size() <= 6);
            for (const ChartTick &t : l.yTicks)
                QVERIFY(!t.label.contains(QStringLiteral("nan")));
        }
        // Points with NaN x are left out of lines, markers and hover.
        chart.setYExtent(0, 1);
        chart.setCurve(curve, {{0, 0.5}, {nan, 0.5}, {2, 0.5}});
        QVERIFY(!chart.grab().toImage().isNull());
        QVERIFY(chart.describeAt({2, 0.5}).contains(QStringLiteral("0.5")));
    }

    void hoverNamesTheNearestPointAndItsCurve()
    {
        CurveChart chart(QStringLiteral("Accuracy per epoch"), QStringLiteral("epoch"),
                         QStringLiteral("accuracy"));
        chart.addCurve(QStringLiteral("train"), Qt::blue, 2.5, true);
        const int test = chart.addCurve(QStringLiteral("test"), Qt::red, 2.5, true);
        chart.resize(400, 250);
        chart.setXRange(0.5, 3.5, 1);
        chart.setYExtent(0.9, 1.0);
        chart.setCurve(0, {{1, 0.92}, {2, 0.95}, {3, 0.97}});
        chart.setCurve(test, {{1, 0.96}, {2, 0.97}, {3, 0.975}});
        chart.setDescriber([](int c, int, QPointF p) {
            return QStringLiteral("%1 %2 %3").arg(c).arg(p.x()).arg(p.y());
        });
        QCOMPARE(chart.describeAt({2, 0.969}), QStringLiteral("1 2 0.97"));
        QCOMPARE(chart.describeAt({1, 0.921}), QStringLiteral("0 1 0.92"));
        // Far from every point: nothing.
        QVERIFY(chart.describeAt({2.5, 0.9}).isEmpty());
    }
};

QTEST_MAIN(TestCurveChart)
#include "test_curvechart.moc"
