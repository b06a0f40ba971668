// The Gradient page under xvfb-run: the derivative of each curve by the engine's autodiff against
// finite differences, dragging x and taking a step, descent paths that converge, crawl and
// diverge, dragging the start, mini-batch noise and the cell's batch gradient against the page's,
// backpropagation's graph against the engine's tape, and the book's GradientTape listings.

#include "common/celltabsdriver.h"
#include "core/gradient/lossexamples.h"
#include "ui/common/examplelist.h"
#include "ui/common/playhead.h"
#include "ui/common/tensorview.h"
#include "ui/gradient/backproptab.h"
#include "ui/gradient/contourview.h"
#include "ui/gradient/curveview.h"
#include "ui/gradient/derivativetab.h"
#include "ui/gradient/descenttab.h"
#include "ui/gradient/gradientpage.h"
#include "ui/gradient/graphview.h"
#include "ui/gradient/minibatchtab.h"
#include "ui/gradient/tapetab.h"
#include "ui/shell/appcontext.h"
#include "ui/shell/datastore.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QTest>
#include <cmath>
#include <memory>

using namespace ui;

namespace {

bool near(double a, double b, double tolerance)
{
    return std::abs(a - b) <= tolerance * std::max(1.0, std::abs(b));
}

// The number in the cell's line `name = tf.Variable(NUMBER)`.
double variableIn(const QString &cell, const QString &name)
{
    const QRegularExpression line(QStringLiteral("^%1 = tf\\.Variable\\(([-0-9.e]+)\\)$")
                                      .arg(QRegularExpression::escape(name)),
                                  QRegularExpression::MultilineOption);
    const auto match = line.match(cell);
    return match.hasMatch() ? match.captured(1).toDouble() : NAN;
}

} // namespace

class TestGradientPage : public QObject {
    Q_OBJECT
    std::unique_ptr<DataStore> m_store;
    std::unique_ptr<AppContext> m_context;
    std::unique_ptr<GradientPage> m_page;
    CellTabsDriver m_driver;

    QString code() const { return m_page->codePanel()->code(); }

private slots:
    void initTestCase()
    {
        m_store = std::make_unique<DataStore>();
        m_context = std::make_unique<AppContext>(m_store.get());
        m_page = std::make_unique<GradientPage>(m_context.get());
        m_driver.attach(m_page.get());
        m_page->resize(1280, 800);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
        // The classroom's keys (Space, the arrows) need the window to be the active one.
        m_page->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_page.get()));
        m_driver.settle();
    }

    void theFirstCurvesSlopeIsTheEnginesAutodiff()
    {
        DerivativeTab *tab = m_page->derivativeTab();
        const auto r = tab->reading();
        QVERIFY(r.has_value());
        // y = x² − 2x + 2 at x = 3: y = 5, y' = 2x − 2 = 4.
        QCOMPARE(r->x, 3.0);
        QVERIFY(near(r->y, 5.0, 1e-6));
        QVERIFY(near(r->slope, 4.0, 1e-6));
        QVERIFY(near(r->finiteDifference, 4.0, 1e-4));
        QVERIFY(tab->readoutText().contains(QStringLiteral("tape.gradient(y, x)")));
    }

    void everyCurveMatchesFiniteDifferences_data()
    {
        QTest::addColumn<int>("row");
        for (int i = 0; i < static_cast<int>(core::gradient::curveExamples().size()); ++i)
            QTest::newRow(core::gradient::curveExamples()[static_cast<std::size_t>(i)].title) << i;
    }
    void everyCurveMatchesFiniteDifferences()
    {
        QFETCH(int, row);
        DerivativeTab *tab = m_page->derivativeTab();
        m_driver.choose(tab->examples(), row);
        const auto r = tab->reading();
        QVERIFY(r.has_value());
        // float32 variables: the engine's slope and the float64 estimate agree to about 1e-4.
        QVERIFY2(near(r->slope, r->finiteDifference, 2e-4),
                 qPrintable(QStringLiteral("%1 vs %2").arg(r->slope).arg(r->finiteDifference)));
    }

    void takingAStepMovesXAgainstTheSlope()
    {
        DerivativeTab *tab = m_page->derivativeTab();
        m_driver.choose(tab->examples(), 0);
        QTest::mouseClick(tab->stepButton(), Qt::LeftButton);
        m_driver.settle();
        // x = 3 − 0.25 · 4 = 2, where the slope is 2.
        QCOMPARE(variableIn(code(), QStringLiteral("x")), 2.0);
        QVERIFY(near(tab->reading()->x, 2.0, 1e-9));
        QVERIFY(near(tab->reading()->slope, 2.0, 1e-6));
    }

    void draggingXRewritesTheCell()
    {
        DerivativeTab *tab = m_page->derivativeTab();
        CurveView *view = tab->view();
        const QPoint at = view->toPixel(0.5, 0).toPoint();
        QTest::mousePress(view, Qt::LeftButton, {}, QPoint(at.x() + 100, view->height() / 2));
        QTest::mouseMove(view, QPoint(at.x(), view->height() / 2));
        // While dragging, the tangent follows from the recorded tape, before any cell runs.
        QVERIFY(std::abs(tab->reading()->x - 0.5) < 0.05);
        QTest::mouseRelease(view, Qt::LeftButton, {}, QPoint(at.x(), view->height() / 2));
        m_driver.settle();
        const double x = variableIn(code(), QStringLiteral("x"));
        QVERIFY2(std::abs(x - 0.5) < 0.05, qPrintable(code()));
        QVERIFY(near(tab->reading()->slope, 2 * x - 2, 1e-5));
    }

    void aCurveThatIsNotElementwiseIsDrawnPointByPoint()
    {
        DerivativeTab *tab = m_page->derivativeTab();
        // tf.reduce_sum over x of shape (401,) would sum the whole curve into one number.
        m_driver.type(QStringLiteral("import tensorflow as tf\nx = tf.Variable(1.5)\n"
                                     "with tf.GradientTape() as tape:\n"
                                     "    y = tf.reduce_sum(x**2)\n"
                                     "slope = tape.gradient(y, x)"));
        QVERIFY(near(tab->reading()->y, 2.25, 1e-6));
        QVERIFY(near(tab->reading()->finiteDifference, 3.0, 1e-4));
    }

    void anXFarOutIsRefusedNotHung()
    {
        DerivativeTab *tab = m_page->derivativeTab();
        m_driver.type(QStringLiteral("import tensorflow as tf\nx = tf.Variable(1e16)\n"
                                     "with tf.GradientTape() as tape:\n    y = x**2\n"
                                     "slope = tape.gradient(y, x)"));
        QVERIFY(tab->findChild<QLabel *>(QStringLiteral("derivativeReadout"))
                    ->text()
                    .contains(QStringLiteral("too far out")));
        tab->view()->grab(); // paints without hanging
        m_driver.choose(tab->examples(), 1);
        QVERIFY(near(tab->reading()->x, 1.8, 1e-6));
    }

    void aCellWithoutATapeSaysWhatIsMissing()
    {
        m_driver.type(QStringLiteral("import tensorflow as tf\nx = tf.Variable(1.0)"));
        // The picture stays, and the caption says what to add.
        QVERIFY(m_page->derivativeTab()->reading().has_value());
        m_driver.type(QStringLiteral("x = tf.Variable("));
        QVERIFY(m_page->derivativeTab()->reading().has_value());
    }

    void descentOnTheBowlConverges()
    {
        m_driver.showTab(1);
        DescentTab *tab = m_page->descentTab();
        m_driver.choose(tab->examples(), 0);
        // float32, as the cell's tf.Variable holds it.
        QVERIFY(near(tab->start()->x(), -1.6, 1e-6) && near(tab->start()->y(), 1.2, 1e-6));
        for (int i = 0; i < DescentTab::kOptimizers; ++i) {
            const auto &path = tab->path(i);
            QVERIFY2(!path.diverged(), qPrintable(DescentTab::optimizerName(i)));
            QVERIFY2(path.losses.back() < 0.05 * path.losses.front(),
                     qPrintable(DescentTab::optimizerName(i)));
        }
        // SGD's first step: w − 0.1 · ∇loss, ∇loss = (2·w0, 4·w1) = (−3.2, 4.8).
        const auto &sgd = tab->path(0);
        QVERIFY(near(sgd.points[1].x(), -1.6 + 0.32, 1e-6));
        QVERIFY(near(sgd.points[1].y(), 1.2 - 0.48, 1e-6));
    }

    void tooLargeARateDivergesAndStops()
    {
        DescentTab *tab = m_page->descentTab();
        tab->chooseRate(2);
        const auto &sgd = tab->path(0);
        QVERIFY(sgd.diverged());
        for (const auto &p : sgd.points)
            QVERIFY(std::isfinite(p.x()) && std::isfinite(p.y()));
        QVERIFY(tab->outcomeText().contains(QStringLiteral("diverged")));
        // Adam's step is bounded by the rate: it does not diverge.
        QVERIFY(!tab->path(3).diverged());
        tab->chooseRate(0);
        // Too small: SGD crawls, far from the bottom after its steps.
        QVERIFY(tab->path(0).losses.back() > 0.2 * tab->path(0).losses.front());
        tab->chooseRate(1);
    }

    void switchingAnOptimizerOffRemovesItsPath()
    {
        DescentTab *tab = m_page->descentTab();
        tab->optimizerBox(3)->setChecked(false);
        QVERIFY(tab->path(3).points.empty());
        QVERIFY(!tab->outcomeText().contains(QStringLiteral("Adam")));
        tab->optimizerBox(3)->setChecked(true);
        QVERIFY(!tab->path(3).points.empty());
    }

    void draggingTheStartRewritesTheCell()
    {
        DescentTab *tab = m_page->descentTab();
        ContourView *map = tab->map();
        const QPoint at = map->toPixel(QPointF(1.0, -1.0)).toPoint();
        QTest::mousePress(map, Qt::LeftButton, {}, at);
        QTest::mouseRelease(map, Qt::LeftButton, {}, at);
        m_driver.settle();
        QVERIFY2(
            code().contains(QRegularExpression(QStringLiteral(
                "w = tf\\.Variable\\(\\[(0\\.9\\d*|1\\.0\\d*), -(0\\.9\\d*|1\\.0\\d*)\\]\\)"))),
            qPrintable(code()));
        QVERIFY(std::abs(tab->start()->x() - 1.0) < 0.05);
    }

    void everySurfaceDraws_data()
    {
        QTest::addColumn<int>("row");
        for (int i = 0; i < static_cast<int>(core::gradient::surfaceExamples().size()); ++i)
            QTest::newRow(core::gradient::surfaceExamples()[static_cast<std::size_t>(i)].title)
                << i;
    }
    void everySurfaceDraws()
    {
        QFETCH(int, row);
        DescentTab *tab = m_page->descentTab();
        m_driver.choose(tab->examples(), row);
        QVERIFY(tab->start().has_value());
        for (int i = 0; i < DescentTab::kOptimizers; ++i)
            QVERIFY(!tab->path(i).points.empty());
    }

    void aSlowLossIsNotDrawnOnTheWindowsThread()
    {
        DescentTab *tab = m_page->descentTab();
        // A product of (1000, 1000) matrices in the loss: each evaluation takes tens of ms, and
        // the surface needs thousands of them.
        m_driver.type(QStringLiteral("import tensorflow as tf\nimport numpy as np\n"
                                     "big = np.ones((1000, 1000))\nw = tf.Variable([1.0, 1.0])\n"
                                     "with tf.GradientTape() as tape:\n"
                                     "    loss = w[0]**2 + w[1]**2 + tf.reduce_sum(big @ big) * 0\n"
                                     "grad = tape.gradient(loss, w)"));
        const QString caption = tab->findChild<QLabel *>(QStringLiteral("descentCaption"))->text();
        QVERIFY2(caption.contains(QStringLiteral("ms to evaluate")), qPrintable(caption));
        m_driver.choose(tab->examples(), 0);
        QVERIFY(!tab->path(0).points.empty());
    }

    void aLossSummedOverWIsDrawnPointByPoint()
    {
        DescentTab *tab = m_page->descentTab();
        m_driver.type(QStringLiteral("import tensorflow as tf\nw = tf.Variable([1.0, -1.0])\n"
                                     "with tf.GradientTape() as tape:\n"
                                     "    loss = tf.reduce_sum(w**2)\n"
                                     "grad = tape.gradient(loss, w)"));
        const QString caption = tab->findChild<QLabel *>(QStringLiteral("descentCaption"))->text();
        QVERIFY2(caption.contains(QStringLiteral("loss")) &&
                     !caption.contains(QStringLiteral("cannot")),
                 qPrintable(caption));
        // Under the start, the map shows the loss there (2), not the grid's sum.
        QVERIFY(near(tab->map()->lossAt(QPointF(1.0, -1.0)), 2.0, 1e-6));
        m_driver.choose(tab->examples(), 0);
    }

    void momentumEscapesTheLocalMinimum()
    {
        DescentTab *tab = m_page->descentTab();
        m_driver.choose(tab->examples(), 3);
        // SGD stays in the dip near its start; momentum reaches a lower one.
        QVERIFY(tab->path(1).losses.back() < tab->path(0).losses.back() - 0.3);
    }

    void miniBatchGradientsAreTheCellsAndGetNoisierWhenSmaller()
    {
        m_driver.showTab(2);
        MiniBatchTab *tab = m_page->miniBatchTab();
        QVERIFY(tab->cellGradient().has_value() && tab->pageGradient().has_value());
        // float32 in the cell, float64 in the page.
        QVERIFY(near(tab->cellGradient()->x(), tab->pageGradient()->x(), 1e-4));
        QVERIFY(near(tab->cellGradient()->y(), tab->pageGradient()->y(), 1e-4));
        QVERIFY(!tab->sgd().path.points.empty());
        QVERIFY(tab->fullBatch().losses.back() < tab->fullBatch().losses.front());

        tab->chooseBatchSize(1);
        m_driver.settle();
        QVERIFY(code().contains(QStringLiteral("batch_size = 1\n")));
        const QString one = tab->captionText();
        tab->chooseBatchSize(128);
        m_driver.settle();
        QVERIFY(near(tab->cellGradient()->x(), tab->pageGradient()->x(), 1e-4));
        QVERIFY(one != tab->captionText());
    }

    void backpropagationMatchesTheEngine()
    {
        m_driver.showTab(3);
        BackpropTab *tab = m_page->backpropTab();
        QVERIFY(tab->graph().has_value());
        QCOMPARE(tab->graph()->value("loss_val"), 3.0);
        QCOMPARE(tab->graph()->gradient("w"), 2.0);
        QCOMPARE(tab->graph()->gradient("b"), 1.0);
        QVERIFY(tab->engineGradients().has_value());
        QCOMPARE(tab->engineGradients()->first, 2.0);
        QCOMPARE(tab->engineGradients()->second, 1.0);
        QVERIFY(tab->comparisonText().contains(QStringLiteral("The same numbers")));

        tab->playhead()->seekEnd();
        QVERIFY(tab->stepText().contains(QStringLiteral("Backward")));
        // The classroom's keys on the focused graph: Home, then → steps one phase.
        tab->view()->setFocus();
        QTest::keyClick(tab->view(), Qt::Key_Home);
        QCOMPARE(tab->playhead()->time(), 0.0);
        QTest::keyClick(tab->view(), Qt::Key_Right);
        QTRY_COMPARE(tab->playhead()->time(), 1.0);
        QVERIFY(tab->stepText().contains(QStringLiteral("step 1 of 13")));
        tab->playhead()->seek(0);
        QVERIFY(tab->stepText().contains(QStringLiteral("Play")));

        // b = −5 puts x2 = 1 below y_true: the loss's slope turns, and both agree on −2.
        auto *b = tab->side()->findChild<QDoubleSpinBox *>(QStringLiteral("input_b"));
        QVERIFY(b);
        b->setValue(-5);
        emit b->editingFinished();
        m_driver.settle();
        QVERIFY(code().contains(QStringLiteral("b = tf.Variable(-5.0)")));
        QCOMPARE(tab->graph()->gradient("w"), -2.0);
        QCOMPARE(tab->engineGradients()->first, -2.0);
        QCOMPARE(tab->engineGradients()->second, -1.0);
    }

    void theBooksListingsRun()
    {
        m_driver.showTab(4);
        TapeTab *tab = m_page->tapeTab();
        m_driver.choose(tab->examples(), 0);
        QCOMPARE(tab->pairCount(), 1);
        QCOMPARE(tab->gradientView(0)->tensor()->flatAt(0), 2.0);
        m_driver.choose(tab->examples(), 1);
        QCOMPARE(tab->gradientView(0)->tensor()->shape(), (std::vector<std::int64_t>{2, 2}));
        for (int i = 0; i < 4; ++i)
            QCOMPARE(tab->gradientView(0)->tensor()->flatAt(i), 2.0);
        m_driver.choose(tab->examples(), 2);
        QCOMPARE(tab->pairCount(), 2);
        QCOMPARE(tab->gradientView(1)->tensor()->shape(), (std::vector<std::int64_t>{2}));
        QCOMPARE(tab->gradientView(1)->tensor()->flatAt(0), 2.0); // db: the sum over x's 2 rows
    }
};

QTEST_MAIN(TestGradientPage)
#include "tst_gradientpage.moc"
