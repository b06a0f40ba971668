// The Gradient page's ready-made losses, run as the page runs them (core::cell::Session): each
// curve's and each surface's derivative by the engine's autodiff against central differences at
// points across the range drawn, and the batched evaluation the pictures use against one point at
// a time.

#include "core/cell/session.h"
#include "core/gradient/lossexamples.h"
#include "core/gradient/tapefunctions.h"

#include <QTest>
#include <cmath>

using namespace core;

namespace {

bool near(double a, double b, double tolerance)
{
    return std::abs(a - b) <= tolerance * std::max(1.0, std::abs(b));
}

std::shared_ptr<const cell::RecordedTape> tapeOf(cell::Session &session, const char *cellText)
{
    const cell::CellResult r = session.run(cellText);
    if (!r.ok()) qWarning("%s", r.error->text().c_str());
    return session.tape("tape");
}

} // namespace

class TestLossExamples : public QObject {
    Q_OBJECT
private slots:
    void everyCurvesSlopeMatchesFiniteDifferences()
    {
        for (const auto &e : gradient::curveExamples()) {
            cell::Session session;
            const auto tape = tapeOf(session, e.cell);
            QVERIFY2(tape, e.title);
            const gradient::TapeCurve curve(*tape, "y", "x");
            QVERIFY2(curve.isElementwise(e.lo, e.hi), e.title);
            const auto sample = curve.sample(e.lo, e.hi, 9);
            for (std::size_t i = 0; i < sample.xs.size(); ++i) {
                const double x = sample.xs[i];
                const auto [y, slope] = curve.at(x);
                QVERIFY2(near(sample.ys[i], y, 1e-12), e.title);
                QVERIFY2(near(sample.slopes[i], slope, 1e-12), e.title);
                QVERIFY2(near(slope, curve.finiteDifference(x), 1e-5),
                         qPrintable(QStringLiteral("%1 at x = %2: %3 vs %4")
                                        .arg(e.title)
                                        .arg(x)
                                        .arg(slope)
                                        .arg(curve.finiteDifference(x))));
            }
        }
    }

    void everySurfacesGradientMatchesFiniteDifferences()
    {
        for (const auto &e : gradient::surfaceExamples()) {
            cell::Session session;
            const auto tape = tapeOf(session, e.cell);
            QVERIFY2(tape, e.title);
            const gradient::TapeSurface surface(*tape, "loss", "w");
            QVERIFY2(surface.isElementwise(e.lo0, e.lo1), e.title);
            const auto grid = surface.grid(e.lo0, e.hi0, e.lo1, e.hi1, 5, 5);
            for (int j = 0; j < 5; ++j)
                for (int i = 0; i < 5; ++i) {
                    const double w0 = e.lo0 + (e.hi0 - e.lo0) * i / 4;
                    const double w1 = e.lo1 + (e.hi1 - e.lo1) * j / 4;
                    const auto p = surface.at(w0, w1);
                    QVERIFY2(near(grid[static_cast<std::size_t>(j * 5 + i)], p.loss, 1e-12),
                             e.title);
                    const auto [d0, d1] = surface.finiteDifference(w0, w1);
                    QVERIFY2(near(p.gradient[0], d0, 1e-5) && near(p.gradient[1], d1, 1e-5),
                             qPrintable(QStringLiteral("%1 at (%2, %3): (%4, %5) vs (%6, %7)")
                                            .arg(e.title)
                                            .arg(w0)
                                            .arg(w1)
                                            .arg(p.gradient[0])
                                            .arg(p.gradient[1])
                                            .arg(d0)
                                            .arg(d1)));
                }
        }
    }

    void aSumOverWIsNotElementwise()
    {
        cell::Session session;
        const auto tape = tapeOf(session, "import tensorflow as tf\nw = tf.Variable([1.0, 2.0])\n"
                                          "with tf.GradientTape() as tape:\n"
                                          "    loss = tf.reduce_sum(w**2)\n"
                                          "grad = tape.gradient(loss, w)");
        QVERIFY(tape);
        const gradient::TapeSurface surface(*tape, "loss", "w");
        QVERIFY(!surface.isElementwise(1.0, 2.0));
        // One point at a time, the grid is right: loss = w0² + w1².
        const auto grid = surface.grid(-1, 1, -1, 1, 3, 3, true);
        QCOMPARE(grid[0], 2.0);
        QCOMPARE(grid[4], 0.0);
    }
};

QTEST_APPLESS_MAIN(TestLossExamples)
#include "test_lossexamples.moc"
