// The Tensors page under xvfb-run: the book's cells drawn with their attributes, a typed cell that
// changes the picture, a broken cell that keeps it, hover, the real-world data's footprints, and
// batches along the samples axis, linked to the MNIST page. Uses the embedded MNIST sample.

#include "common/celltabsdriver.h"
#include "ui/common/cellrunner.h"
#include "ui/common/codepanel.h"
#include "ui/common/examplelist.h"
#include "ui/common/tensorview.h"
#include "ui/mnist/mnistpage.h"
#include "ui/mnist/slicestate.h"
#include "ui/shell/appcontext.h"
#include "ui/shell/datastore.h"
#include "ui/shell/mainwindow.h"
#include "ui/tensors/batchtab.h"
#include "ui/tensors/realdatatab.h"
#include "ui/tensors/tensorcelltab.h"
#include "ui/tensors/tensorspage.h"

#include <QElapsedTimer>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTest>
#include <memory>

using namespace ui;

class TestTensorsPage : public QObject {
    Q_OBJECT
    std::unique_ptr<DataStore> m_store;
    std::unique_ptr<AppContext> m_context;
    std::unique_ptr<TensorsPage> m_page;
    CellTabsDriver m_driver;

private slots:
    void initTestCase()
    {
        m_store = std::make_unique<DataStore>();
        m_context = std::make_unique<AppContext>(m_store.get());
        m_page = std::make_unique<TensorsPage>(m_context.get());
        m_page->resize(1280, 800);
        m_driver.attach(m_page.get());
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
        m_driver.settle();
    }

    void theBooksMatrixIsDrawnWithItsAttributes()
    {
        TensorCellTab *tab = m_page->tensorTab();
        QCOMPARE(tab->view()->shape(), (std::vector<std::int64_t>{3, 5}));
        QCOMPARE(tab->attributesText(),
                 QStringLiteral("x.ndim 2 · x.shape (3, 5) · x.dtype int64 · "
                                "x.nbytes 120 · x.strides (40, 8)"));
        QCOMPARE(m_page->codePanel()->resultText(), QStringLiteral("2")); // x.ndim
        QVERIFY(!m_page->codePanel()->resultIsError());
        QCOMPARE(tab->view()->axisLabel(0), QStringLiteral("axis 0 · 3"));
    }

    void everyExampleDrawsItsTensor_data()
    {
        QTest::addColumn<int>("row");
        QTest::addColumn<std::vector<std::int64_t>>("shape");
        QTest::addColumn<QString>("attributes");
        QTest::newRow("scalar") << 0 << std::vector<std::int64_t>{}
                                << QStringLiteral("x.ndim 0 · x.shape () · x.dtype int64 · "
                                                  "x.nbytes 8 · x.strides ()");
        QTest::newRow("vector") << 1 << std::vector<std::int64_t>{5}
                                << QStringLiteral("x.ndim 1 · x.shape (5,) · x.dtype int64 · "
                                                  "x.nbytes 40 · x.strides (8,)");
        QTest::newRow("rank 3") << 3 << std::vector<std::int64_t>{3, 3, 5}
                                << QStringLiteral("x.ndim 3 · x.shape (3, 3, 5) · x.dtype int64 · "
                                                  "x.nbytes 360 · x.strides (120, 40, 8)");
        QTest::newRow("rank 5") << 5 << std::vector<std::int64_t>{2, 3, 2, 3, 4}
                                << QStringLiteral("x.ndim 5 · x.shape (2, 3, 2, 3, 4) · x.dtype "
                                                  "int64 · x.nbytes 1152 · x.strides (576, 192, "
                                                  "96, 32, 8)");
        QTest::newRow("float32") << 6 << std::vector<std::int64_t>{3, 4}
                                 << QStringLiteral("x.ndim 2 · x.shape (3, 4) · x.dtype float32 · "
                                                   "x.nbytes 48 · x.strides (16, 4)");
        // A transpose is a view: the strides swap, nothing moves.
        QTest::newRow("transposed") << 7 << std::vector<std::int64_t>{3, 2}
                                    << QStringLiteral("x.ndim 2 · x.shape (3, 2) · x.dtype int64 · "
                                                      "x.nbytes 48 · x.strides (8, 24)");
        QTest::newRow("digit") << 8 << std::vector<std::int64_t>{28, 28}
                               << QStringLiteral("digit.ndim 2 · digit.shape (28, 28) · "
                                                 "digit.dtype uint8 · digit.nbytes 784 · "
                                                 "digit.strides (28, 1)");
    }

    void everyExampleDrawsItsTensor()
    {
        QFETCH(int, row);
        QFETCH(std::vector<std::int64_t>, shape);
        QFETCH(QString, attributes);
        m_driver.choose(m_page->tensorTab()->examples(), row);
        QCOMPARE(m_page->codePanel()->code(), m_page->tensorTab()->examples()->cellAt(row));
        QVERIFY2(!m_page->codePanel()->resultIsError(),
                 qPrintable(m_page->codePanel()->resultText()));
        QCOMPARE(m_page->tensorTab()->view()->shape(), shape);
        QCOMPARE(m_page->tensorTab()->attributesText(), attributes);
    }

    void aTypedCellChangesTheShapeAndTheDrawing()
    {
        m_driver.type(QStringLiteral("y = np.zeros((2, 7), dtype=\"uint8\") + 255\ny.shape"));
        TensorView *view = m_page->tensorTab()->view();
        QCOMPARE(view->shape(), (std::vector<std::int64_t>{2, 7}));
        QVERIFY(m_page->tensorTab()->attributesText().startsWith(
            QStringLiteral("y.ndim 2 · y.shape (2, 7) · y.dtype uint8")));
        QCOMPARE(m_page->codePanel()->resultText(), QStringLiteral("(2, 7)"));
        // Hover a cell: its index tuple and value.
        const TensorLayout layout = view->layout();
        const int cell = layout.cellOf({1, 3});
        QVERIFY(cell >= 0);
        QTest::mouseMove(view, layout.cells()[cell].rect.center().toPoint());
        QTRY_COMPARE(view->hoverText(), QStringLiteral("y[1, 3] = 255"));
    }

    void aBrokenCellShowsPythonsErrorAndKeepsThePicture()
    {
        m_driver.type(QStringLiteral("z = np.array([[1, 2, 3], [4, 5, 6]])"));
        QCOMPARE(m_page->tensorTab()->view()->shape(), (std::vector<std::int64_t>{2, 3}));
        m_driver.type(QStringLiteral("z + np.ones((4,))"));
        QVERIFY(m_page->codePanel()->resultIsError());
        QCOMPARE(m_page->codePanel()->resultText(),
                 QStringLiteral("line 1: ValueError: operands could not be broadcast together "
                                "with shapes (2,3) (4,) "));
        QCOMPARE(m_page->tensorTab()->view()->shape(), (std::vector<std::int64_t>{2, 3}));
        m_driver.type(QStringLiteral("w = np.array([1, 2"));
        QVERIFY(m_page->codePanel()->resultIsError());
        QVERIFY2(m_page->codePanel()->resultText().contains(QStringLiteral("SyntaxError")),
                 qPrintable(m_page->codePanel()->resultText()));
        QCOMPARE(m_page->tensorTab()->view()->shape(), (std::vector<std::int64_t>{2, 3}));
    }

    void aCellTooLargeForMemoryIsRefusedAtOnce()
    {
        m_driver.type(QStringLiteral("np.zeros((100000, 100000, 100000))"));
        QCOMPARE(m_page->codePanel()->resultText(),
                 QStringLiteral("line 1: numpy.core._exceptions._ArrayMemoryError: Unable to "
                                "allocate 7.11 PiB for an array with shape (100000, 100000, "
                                "100000) and data type float64"));
    }

    void oddArraysAreDrawnOrExplainedNeverACrash()
    {
        TensorView *view = m_page->tensorTab()->view();
        // Rank 6: past the drawings (once an IndexError thrown out of a paint).
        m_driver.type(QStringLiteral("x = np.zeros((0, 2, 2, 2, 2, 2))\nx"));
        QVERIFY(!view->tensor());
        view->repaint();
        // Empty, with huge other axes: summarised at once (once a loop over millions of rows).
        m_driver.type(QStringLiteral("x = np.zeros((4000, 4000, 0))\nx"));
        QCOMPARE(view->shape(), (std::vector<std::int64_t>{4000, 4000, 0}));
        QElapsedTimer clock;
        clock.start();
        view->repaint();
        QTest::mouseMove(view, view->rect().center());
        QVERIFY2(clock.elapsed() < 500, qPrintable(QString::number(clock.elapsed())));
        m_driver.type(QStringLiteral("x = np.array([1.5, np.nan, -np.inf])\nx"));
        view->repaint();
    }

    void theDataSetIsReadOnlyInCells()
    {
        // Every page shares the MNIST arrays: a cell may read them, not write into them.
        m_driver.type(QStringLiteral("before = train_images[0].sum()\ntrain_images[0] = 255"));
        QCOMPARE(m_page->codePanel()->resultText(),
                 QStringLiteral("line 2: ValueError: assignment destination is read-only"));
        m_driver.type(QStringLiteral("train_images[0].sum() - before"));
        QCOMPARE(m_page->codePanel()->resultText(), QStringLiteral("0"));
        m_driver.type(
            QStringLiteral("mine = train_images[:2].copy()\nmine[0] = 255\nmine[0].sum()"));
        QCOMPARE(m_page->codePanel()->resultText(), QStringLiteral("199920"));
    }

    void realWorldDataShowsTheBooksFootprints()
    {
        m_page->tabs()->setCurrentIndex(TensorsPage::RealDataTabIndex);
        m_driver.settle();
        RealDataTab *tab = m_page->realDataTab();
        const int video = tab->examples()->count() - 1;
        m_driver.choose(tab->examples(), video);
        QCOMPARE(tab->view()->shape(), (std::vector<std::int64_t>{4, 240, 144, 256, 3}));
        QVERIFY(!tab->view()->tensor()); // drawn as a shape: nothing allocated
        QCOMPARE(tab->view()->axisLabel(1), QStringLiteral("frames · 240"));
        const QString footprint = tab->footprintText();
        QVERIFY2(footprint.contains(QStringLiteral("106,168,320 values")), qPrintable(footprint));
        QVERIFY2(footprint.contains(QStringLiteral("float32: 405 MB (424,673,280 bytes)")),
                 qPrintable(footprint));
        QVERIFY(footprint.contains(QStringLiteral("uint8: 101 MB (106,168,320 bytes)")));
        // The cell checks the book's number in NumPy.
        QCOMPARE(m_page->codePanel()->resultText(), QStringLiteral("405.0"));
        m_driver.choose(tab->examples(), 0);
        QCOMPARE(tab->view()->axisLabel(0), QStringLiteral("samples · 100,000"));
    }

    void batchesFollowTheSamplesAxis()
    {
        m_page->tabs()->setCurrentIndex(TensorsPage::BatchTabIndex);
        BatchTab *tab = m_page->batchTab();
        tab->batchIndex()->setValue(3);
        m_driver.settle();
        QCOMPARE(m_page->codePanel()->code(),
                 QStringLiteral("n = 3\nbatch = train_images[128 * n:128 * (n + 1)]\nbatch.shape"));
        QCOMPARE(tab->batchShape(), QStringLiteral("(128, 28, 28)"));
        // The embedded sample has 800 training digits: the last batch, 6, is short.
        QCOMPARE(tab->batchIndex()->maximum(), 6);
        tab->batchIndex()->setValue(6);
        m_driver.settle();
        QCOMPARE(tab->batchShape(), QStringLiteral("(32, 28, 28)"));
        // n's range follows the batch size.
        tab->batchSize()->setValue(100);
        QCOMPARE(tab->batchIndex()->maximum(), 7);
        tab->batchSize()->setValue(128);
        QCOMPARE(tab->batchIndex()->maximum(), 6);
    }

    void aBatchOpensOnTheMnistPage()
    {
        MainWindow window(m_context.get());
        window.showPage(QStringLiteral("tensors"));
        auto *page = qobject_cast<TensorsPage *>(window.currentPage());
        QVERIFY(page);
        page->tabs()->setCurrentIndex(TensorsPage::BatchTabIndex);
        page->batchTab()->batchIndex()->setValue(2);
        auto *open = page->batchTab()->side()->findChild<QPushButton *>();
        QVERIFY(open);
        open->click();
        QCOMPARE(window.currentPageId(), QStringLiteral("mnist"));
        auto *mnist = qobject_cast<MnistPage *>(window.currentPage());
        QVERIFY(mnist);
        QCOMPARE(mnist->sliceState()->text(), QStringLiteral("train_images[256:384]"));
    }
};

QTEST_MAIN(TestTensorsPage)
#include "tst_tensorspage.moc"
