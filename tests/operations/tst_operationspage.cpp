// The Operations page under xvfb-run: element-wise x + y and relu from the cell, the book's timing
// experiment run live, broadcasting's two steps and an incompatible pair, the box diagram stepped
// element by element, the shape calculator, reshapes and a transpose animated, and the link to the
// Geometry page.

#include "common/celltabsdriver.h"
#include "ui/common/cellrunner.h"
#include "ui/common/codepanel.h"
#include "ui/common/examplelist.h"
#include "ui/common/playhead.h"
#include "ui/common/tensorview.h"
#include "ui/operations/broadcasttab.h"
#include "ui/operations/elementwisetab.h"
#include "ui/operations/operationspage.h"
#include "ui/operations/producttab.h"
#include "ui/operations/reshapetab.h"
#include "ui/operations/reshapeview.h"
#include "ui/shell/appcontext.h"
#include "ui/shell/datastore.h"
#include "ui/shell/mainwindow.h"

#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>
#include <memory>

using namespace ui;

class TestOperationsPage : public QObject {
    Q_OBJECT
    std::unique_ptr<DataStore> m_store;
    std::unique_ptr<AppContext> m_context;
    std::unique_ptr<OperationsPage> m_page;
    CellTabsDriver m_driver;

private slots:
    void initTestCase()
    {
        m_store = std::make_unique<DataStore>();
        m_context = std::make_unique<AppContext>(m_store.get());
        m_page = std::make_unique<OperationsPage>(m_context.get());
        m_driver.attach(m_page.get());
        m_page->resize(1280, 800);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
        m_driver.settle();
    }

    void elementwiseDrawsTheSumAndItsRelu()
    {
        ElementwiseTab *tab = m_page->elementwiseTab();
        const auto relu = tab->reluView()->tensor();
        QVERIFY(relu.has_value());
        QCOMPARE(relu->shape(), (std::vector<std::int64_t>{2, 4}));
        // z = x + y = [[2, -1, -0.5, 0], [1, 1, -3, 1]]; relu clamps the negatives to 0.
        const double expected[] = {2, 0, 0, 0, 1, 1, 0, 1};
        for (int i = 0; i < 8; ++i)
            QCOMPARE(relu->flatAt(i), expected[i]);
        QCOMPARE(tab->sumView()->tensor()->flatAt(6), -3.0);
        // An edited y changes the picture.
        m_driver.type(QStringLiteral("x = np.array([[-1., 2.]])\ny = np.array([[3., -5.]])"));
        QCOMPARE(tab->reluView()->tensor()->flatAt(0), 2.0);
        QCOMPARE(tab->reluView()->tensor()->flatAt(1), 0.0);
    }

    void theBooksTimingExperimentRunsLive()
    {
        ElementwiseTab *tab = m_page->elementwiseTab();
        QSignalSpy done(tab, &ElementwiseTab::timingFinished);
        tab->timeButton()->click();
        QVERIFY(!tab->timeButton()->isEnabled()); // one experiment at a time, off the GUI thread
        QVERIFY(done.wait(60000));
        QVERIFY(tab->timing().has_value());
        const auto t = *tab->timing();
        QCOMPARE(t.repetitions, 1000);
        QVERIFY(t.sameResult);
        QVERIFY(t.vectorisedSeconds > 0 && t.naiveSeconds > t.vectorisedSeconds);
        const QString text = tab->timingText();
        QVERIFY2(text.contains(QStringLiteral("2.45 s")) && text.contains(QStringLiteral("0.02 s")),
                 qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("%1 s").arg(t.naiveSeconds, 0, 'f', 2)));
        QVERIFY(tab->timeButton()->isEnabled());
    }

    void broadcastingPlaysNumPysTwoSteps()
    {
        m_driver.showTab(OperationsPage::BroadcastIndex);
        BroadcastTab *tab = m_page->broadcastTab();
        m_driver.choose(tab->examples(), 0); // (3, 4) + (4,)
        QCOMPARE(tab->yView()->shape(), (std::vector<std::int64_t>{4}));
        tab->playhead()->seek(1.0);
        QCOMPARE(tab->yView()->shape(), (std::vector<std::int64_t>{1, 4})); // step 1: axis added
        QVERIFY(tab->caption().contains(QStringLiteral("Step 1")));
        tab->playhead()->seek(2.0);
        QCOMPARE(tab->yView()->shape(), (std::vector<std::int64_t>{3, 4})); // step 2: repeated
        QCOMPARE(tab->yView()->tensor()->at(std::vector<std::int64_t>{2, 1}), 20.0);
        QVERIFY(!tab->resultView()->tensor());
        tab->playhead()->seek(3.0);
        QCOMPARE(tab->resultView()->tensor()->at(std::vector<std::int64_t>{2, 3}), 51.0);
        // The book's (64, 3, 32, 10) with (32, 10): z is the cell's np.maximum(x, y).
        m_driver.choose(tab->examples(), 2);
        tab->playhead()->seek(1.0);
        QCOMPARE(tab->yView()->shape(), (std::vector<std::int64_t>{1, 1, 32, 10}));
        tab->playhead()->seek(3.0);
        QCOMPARE(tab->resultView()->shape(), (std::vector<std::int64_t>{64, 3, 32, 10}));
        const auto x = *tab->xView()->tensor(); // stretched views at step 3 still read x and y
        const std::vector<std::int64_t> at{5, 1, 7, 3};
        QCOMPARE(tab->resultView()->tensor()->at(at),
                 std::max(x.at(at), tab->yView()->tensor()->at(at)));
    }

    void incompatibleShapesShowNumPysMessageAndTheAxis()
    {
        BroadcastTab *tab = m_page->broadcastTab();
        m_driver.choose(tab->examples(), 4); // (3, 4) + (3,)
        QVERIFY(m_page->codePanel()->resultIsError());
        QCOMPARE(m_page->codePanel()->resultText(),
                 QStringLiteral("line 3: ValueError: operands could not be broadcast together "
                                "with shapes (3,4) (3,) "));
        QVERIFY2(tab->caption().contains(QStringLiteral("axis 1 of x (length 4) meets axis 0 "
                                                        "of y (length 3)")),
                 qPrintable(tab->caption()));
        QVERIFY(!tab->resultView()->tensor());
    }

    void theProductIsSteppedElementByElement()
    {
        m_driver.showTab(OperationsPage::ProductIndex);
        ProductTab *tab = m_page->productTab();
        m_driver.choose(tab->examples(), 2); // (3, 4) · (4, 2)
        QCOMPARE(tab->playhead()->phaseCount(), 6);
        tab->playhead()->seek(3.0); // z[1, 1]
        QCOMPARE(tab->caption(),
                 QStringLiteral("<b>z[1, 1]</b> = x[1, :] · y[:, 1] = 4·1 + 5·3 + 6·5 + 7·7 = "
                                "<b>98</b>"));
        QCOMPARE(tab->resultView()->tensor()->at(std::vector<std::int64_t>{2, 1}), 162.0);
        m_driver.choose(tab->examples(), 1); // matrix · vector
        QCOMPARE(tab->playhead()->phaseCount(), 3);
        m_driver.choose(tab->examples(), 3); // mismatch
        QVERIFY(tab->caption().contains(
            QStringLiteral("shapes (3,4) and (3,) not aligned: 4 (dim 1) != 3 (dim 0)")));
    }

    void emptyProductsAreSaidNotComputed()
    {
        ProductTab *tab = m_page->productTab();
        // (3, 4) . (4, 0) once divided by zero; (0, 4) . (4, 2) read past the arrays.
        m_driver.type(QStringLiteral("x = np.ones((3, 4))\ny = np.ones((4, 0))\nz = np.dot(x, y)"));
        QVERIFY2(tab->caption().contains(QStringLiteral("is empty")), qPrintable(tab->caption()));
        m_driver.type(QStringLiteral("x = np.ones((0, 4))\ny = np.ones((4, 2))\nz = np.dot(x, y)"));
        QVERIFY(tab->caption().contains(QStringLiteral("is empty")));
        m_driver.type(QStringLiteral("x = np.ones((3, 0))\ny = np.ones((0, 2))\nz = np.dot(x, y)"));
        QVERIFY2(tab->caption().contains(QStringLiteral("an empty sum")),
                 qPrintable(tab->caption()));
    }

    void theShapeCalculatorFollowsNumPysRule()
    {
        ProductTab *tab = m_page->productTab();
        tab->shapeA()->setText(QStringLiteral("(2, 3, 4, 5)"));
        tab->shapeB()->setText(QStringLiteral("(5,)"));
        QVERIFY(tab->calculatorResult().contains(QStringLiteral("(2, 3, 4)")));
        tab->shapeB()->setText(QStringLiteral("(5, 6)"));
        QVERIFY(tab->calculatorResult().contains(QStringLiteral("(2, 3, 4, 6)")));
        tab->shapeB()->setText(QStringLiteral("(4, 6)"));
        QVERIFY2(tab->calculatorResult().contains(
                     QStringLiteral("shapes (2,3,4,5) and (4,6) not aligned: 5 (dim 3) != 4 "
                                    "(dim 0)")),
                 qPrintable(tab->calculatorResult()));
        tab->shapeB()->setText(QStringLiteral("(five,)"));
        QVERIFY(tab->calculatorResult().startsWith(QStringLiteral("Write each shape")));
    }

    void reshapesKeepRowMajorOrderAndTransposesCross()
    {
        m_driver.showTab(OperationsPage::ReshapeIndex);
        ReshapeTab *tab = m_page->reshapeTab();
        m_driver.choose(tab->examples(), 0);
        QCOMPARE(tab->view()->stageCount(), 3);
        QCOMPARE(tab->stagesText(), QStringLiteral("x (3, 2), strides (16, 8) → y (6, 1), strides "
                                                   "(8, 8) → z (2, 3), strides (24, 8)"));
        // Element 3.0 (memory place 3) goes from x[1, 1] to y[3, 0], half way at t = 0.5.
        ReshapeView *view = tab->view();
        const QRectF from = view->layoutFor({3, 2}).cells()[3].rect;
        const QRectF to = view->layoutFor({6, 1}).cells()[3].rect;
        QCOMPARE(view->elementRect(3, 0.0), from);
        QCOMPARE(view->elementRect(3, 1.0), to);
        QCOMPARE(view->elementRect(3, 0.5).center(), (from.center() + to.center()) / 2);
        tab->playhead()->seek(2.0);
        QCOMPARE(view->shape(), (std::vector<std::int64_t>{2, 3}));

        // A transpose: x[0, 1] (memory place 1) becomes y[1, 0]; the strides swap.
        m_driver.choose(tab->examples(), 2);
        QCOMPARE(view->keyOf(1, {1, 0}), 1);
        QCOMPARE(view->keyOf(0, {0, 1}), 1);
        m_driver.choose(tab->examples(), 3);
        QCOMPARE(tab->stagesText(),
                 QStringLiteral("x (300, 20), strides (160, 8) → y (20, 300), strides (8, 160)"));
        QCOMPARE(m_page->codePanel()->resultText(), QStringLiteral("(160, 8) (8, 160)\n(20, 300)"));
        // A reshape of a transposed view is a copy: its elements follow the view's row-major
        // order: y is [0, 3, 1, 4, 2, 5], so 4 (memory place 4, at x[1, 1]) goes to y[3].
        m_driver.type(QStringLiteral("x = np.arange(6).reshape((2, 3)).T\ny = x.reshape((6,))"));
        QCOMPARE(view->stageCount(), 2);
        QCOMPARE(view->keyOf(1, {3}), 4); // y[3] is x[1, 1], 4 in memory
        QCOMPARE(view->keyOf(1, {1}), 3); // y[1] is x[0, 1], 3 in memory
        m_driver.choose(tab->examples(), 4);
        QCOMPARE(m_page->codePanel()->resultText(),
                 QStringLiteral("line 2: ValueError: cannot reshape array of size 6 into shape "
                                "(4,newaxis)"));
        QCOMPARE(tab->view()->stageCount(), 2); // the last good stages stay
    }

    void theGeometricReadingOpensTheGeometryPage()
    {
        MainWindow window(m_context.get());
        window.showPage(QStringLiteral("operations"));
        auto *page = qobject_cast<OperationsPage *>(window.currentPage());
        QVERIFY(page);
        auto *link =
            page->productTab()->side()->findChild<QPushButton *>(QStringLiteral("geometryLink"));
        QVERIFY(link);
        link->click();
        QCOMPARE(window.currentPageId(), QStringLiteral("geometry"));
    }
};

QTEST_MAIN(TestOperationsPage)
#include "tst_operationspage.moc"
