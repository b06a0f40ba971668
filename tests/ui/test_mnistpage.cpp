// The MNIST page as a user drives it: counts and attributes, typing slices, errors, the label
// filter, dragging the crop rectangle, batches, preprocessing, export. Runs on the full data set.

#include "core/data/mnist.h"
#include "ui/common/codepanel.h"
#include "ui/mnist/batchpanel.h"
#include "ui/mnist/digitgridmodel.h"
#include "ui/mnist/digitview.h"
#include "ui/mnist/flattenstrip.h"
#include "ui/mnist/mnistpage.h"
#include "ui/mnist/sliceeditor.h"
#include "ui/mnist/slicestate.h"
#include "ui/shell/appcontext.h"
#include "ui/shell/datastore.h"

#include <QComboBox>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTest>
#include <memory>

using namespace ui;

class TestMnistPage : public QObject {
    Q_OBJECT
    std::unique_ptr<DataStore> m_store;
    std::unique_ptr<AppContext> m_context;
    std::unique_ptr<MnistPage> m_page;

    // Pastes text over the slice editor's contents, as a user would.
    void type(const QString &text)
    {
        QLineEdit *edit = m_page->sliceEditor()->lineEdit();
        edit->selectAll();
        edit->insert(text);
        QCoreApplication::processEvents(); // let layouts settle as they would on screen
    }

private slots:
    void initTestCase()
    {
        m_store = std::make_unique<DataStore>();
        m_context = std::make_unique<AppContext>(m_store.get());
        const QString dir = QString::fromStdString(core::defaultMnistDir().string());
        QSignalSpy loaded(m_store.get(), &DataStore::dataChanged);
        if (!m_store->loadDirectory(dir))
            QFAIL(qPrintable(
                QStringLiteral("full MNIST not found in %1: run scripts/fetch-mnist first")
                    .arg(dir)));
        QVERIFY(loaded.wait(10000));
        m_page = std::make_unique<MnistPage>(m_context.get());
        m_page->resize(1280, 760);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    }

    void attributesAsTheNotebookPrintsThem()
    {
        const QString text = m_page->attributesText();
        QVERIFY(text.contains(QStringLiteral(">>> train_images.ndim\n3\n")));
        QVERIFY(text.contains(QStringLiteral(">>> train_images.shape\n(60000, 28, 28)\n")));
        QVERIFY(text.contains(QStringLiteral(">>> train_images.dtype\ndtype('uint8')\n")));
        QVERIFY(text.contains(QStringLiteral(">>> len(train_labels)\n60000\n")));
        QVERIFY(text.contains(
            QStringLiteral(">>> train_labels\narray([5, 0, 4, ..., 5, 6, 8], dtype=uint8)\n")));
        QVERIFY(text.contains(QStringLiteral(">>> test_images.shape\n(10000, 28, 28)\n")));
        QVERIFY(text.contains(QStringLiteral(">>> len(test_labels)\n10000\n")));
        QVERIFY(text.contains(
            QStringLiteral(">>> test_labels\narray([7, 2, 1, ..., 4, 5, 6], dtype=uint8)\n")));
    }

    void gridHoldsEveryDigit()
    {
        type(QStringLiteral("train_images"));
        QCOMPARE(m_page->gridModel()->rowCount(), 60000);
        QVERIFY(m_page->gridSummary().startsWith(QStringLiteral("60,000 images")));
        m_page->gridView()->scrollToBottom(); // must not stall: thumbnails are drawn on demand
        QTest::qWait(50);
        const QModelIndex last = m_page->gridModel()->index(59999);
        QCOMPARE(last.data(DigitGridModel::LabelRole).toInt(), 8);
        QCOMPARE(last.data(DigitGridModel::ImageRole).value<QImage>().size(), QSize(28, 28));
    }

    void typingASliceUpdatesShapeAndGrid()
    {
        type(QStringLiteral("train_images[10:100, 7:-7, ::2]"));
        QCOMPARE(m_page->sliceEditor()->resultText(),
                 QStringLiteral("shape (90, 14, 14)   dtype uint8"));
        QCOMPARE(m_page->gridModel()->rowCount(), 90);
        const QModelIndex first = m_page->gridModel()->index(0);
        QCOMPARE(first.data(DigitGridModel::SourceIndexRole).toLongLong(), 10LL);
        QCOMPARE(first.data(DigitGridModel::ImageRole).value<QImage>().size(), QSize(14, 14));
        QVERIFY(m_page->codePanel()->code().contains(
            QStringLiteral("my_slice = train_images[10:100, 7:-7, ::2]")));
        QVERIFY(m_page->codePanel()->code().contains(QStringLiteral("# (90, 14, 14)")));
    }

    void errorsPointAtTheProblemAndKeepTheResult_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("syntax")
            << "train_images[10:100"
            << "column 20: invalid syntax: expected ']' to close the '[' at column 13";
        QTest::newRow("bounds") << "train_images[0, 30]"
                                << "index 30 is out of bounds for axis 1 with size 28";
        QTest::newRow("name") << "train_image[0]"
                              << "name 'train_image' is not defined";
        QTest::newRow("too many")
            << "train_images[0, 0, 0, 0]"
            << "too many indices for array: array is 3-dimensional, but 4 were indexed";
    }
    void errorsPointAtTheProblemAndKeepTheResult()
    {
        QFETCH(QString, text);
        QFETCH(QString, message);
        type(QStringLiteral("train_images[10:100]"));
        QCOMPARE(m_page->gridModel()->rowCount(), 90);
        type(text);
        QVERIFY2(m_page->sliceEditor()->errorText().startsWith(message),
                 qPrintable(m_page->sliceEditor()->errorText()));
        QCOMPARE(m_page->gridModel()->rowCount(), 90); // the last good result stays
        // And the code shows that result, not the failing text beside the old shape.
        const QString code = m_page->codePanel()->code();
        QVERIFY2(code.contains(QStringLiteral("my_slice = train_images[10:100]\n")),
                 qPrintable(code));
        QVERIFY2(code.contains(QStringLiteral("my_slice.shape  # (90, 28, 28)")), qPrintable(code));
        QVERIFY2(!code.contains(QStringLiteral("my_slice = %1\n").arg(text)), qPrintable(code));
        type(QStringLiteral("train_images[10:100]"));
        QVERIFY(m_page->sliceEditor()->errorText().isEmpty());
    }

    void labelFilter()
    {
        type(QStringLiteral("train_images"));
        m_page->labelFilter()->setCurrentIndex(m_page->labelFilter()->findData(7));
        QCOMPARE(m_page->gridModel()->rowCount(), 6265);
        for (int row : {0, 100, 6264})
            QCOMPARE(m_page->gridModel()->index(row).data(DigitGridModel::LabelRole).toInt(), 7);
        QVERIFY(
            m_page->codePanel()->code().contains(QStringLiteral("my_slice[train_labels == 7]")));
        m_page->labelFilter()->setCurrentIndex(0);
        QCOMPARE(m_page->gridModel()->rowCount(), 60000);
    }

    void draggingTheCropRewritesTheSlice()
    {
        type(QStringLiteral("train_images[:, 7:-7, 7:-7]"));
        m_page->selectResult(4);
        DigitView *view = m_page->digitView();
        QVERIFY(view->crop().has_value());
        QCOMPARE(view->crop()->left, 7);
        // Grab the left edge and move it two pixels to the left.
        const QRectF px = view->pixelRect(14, 7);
        const QPoint from(qRound(px.left()), qRound(px.center().y()));
        const QPoint to(qRound(px.left() - 2 * px.width()), from.y());
        QTest::mousePress(view, Qt::LeftButton, {}, from);
        QTest::mouseMove(view, to);
        QTest::mouseRelease(view, Qt::LeftButton, {}, to);
        QTRY_COMPARE(m_page->sliceState()->text(), QStringLiteral("train_images[:, 7:-7, 5:-7]"));
        QCOMPARE(m_page->sliceEditor()->lineEdit()->text(),
                 QStringLiteral("train_images[:, 7:-7, 5:-7]"));
        QCOMPARE(m_page->sliceState()->shapeText(), QStringLiteral("(60000, 14, 16)"));
        QCOMPARE(m_page->selectedResult(), 4); // the same digit stays large
    }

    // With a step the crop shows the rows and columns kept: ::2 veils every other column inside
    // the rectangle, as it veils what lies outside it.
    void aStepVeilsTheColumnsItDrops()
    {
        DigitView *view = m_page->digitView();
        auto pixel = [view](const QImage &shot, int row, int col) {
            const QPointF at = view->pixelRect(row, col).center() * shot.devicePixelRatio();
            return shot.pixelColor(at.toPoint());
        };
        type(QStringLiteral("train_images[0, :, :]"));
        QImage shot = view->grab().toImage();
        const QColor white = pixel(shot, 0, 0); // MNIST's top row is blank
        QCOMPARE(pixel(shot, 0, 1), white);
        type(QStringLiteral("train_images[0, :, ::2]"));
        QCOMPARE(m_page->sliceState()->shapeText(), QStringLiteral("(28, 14)"));
        QVERIFY(view->crop() && view->crop()->keepsCol(26) && !view->crop()->keepsCol(27));
        shot = view->grab().toImage();
        QCOMPARE(pixel(shot, 0, 0), white);                         // kept
        QVERIFY(pixel(shot, 0, 1).lightness() < white.lightness()); // dropped by the step
        QCOMPARE(pixel(shot, 0, 2), white);
        QCOMPARE(pixel(shot, 1, 1), pixel(shot, 0, 1)); // every row of a dropped column
        type(QStringLiteral("train_images[0, 1::3, ::-2]"));
        const CropRect c = *view->crop();
        QVERIFY(c.keepsRow(1) && !c.keepsRow(2) && c.keepsRow(4) && !c.keepsRow(0));
        QVERIFY(c.keepsCol(27) && !c.keepsCol(26) && c.keepsCol(1) && !c.keepsCol(0));
    }

    // A result with no images (labels): the large view and the strip both say no digit.
    void noDigitLeavesNoStaleStrip()
    {
        type(QStringLiteral("train_images[10]"));
        QCOMPARE(m_page->flattenStrip()->values().size(), 784);
        type(QStringLiteral("train_labels[:10]"));
        QVERIFY(m_page->digitView()->titleFor(1000).isEmpty());
        QCOMPARE(m_page->flattenStrip()->values().size(), 0);
        QCOMPARE(m_page->flattenStrip()->captionLines().value(0),
                 QStringLiteral("No digit selected"));
    }

    void aNarrowDigitViewDropsTheLabelFirst()
    {
        type(QStringLiteral("train_images[:, 7:-7, 7:-7]"));
        m_page->selectResult(0);
        DigitView *view = m_page->digitView();
        QFont bold = view->font();
        bold.setBold(true);
        const QFontMetricsF fm(bold);
        const QString full = QStringLiteral("train_images[0]   label 5");
        QCOMPARE(view->titleFor(1000), full);
        QCOMPARE(view->titleFor(fm.horizontalAdvance(full) - 10),
                 QStringLiteral("train_images[0]"));
        QVERIFY(view->titleFor(fm.horizontalAdvance(QStringLiteral("train_images[0]")) / 2)
                    .endsWith(QChar(0x2026))); // then it is cut
    }

    void hoverTellsThePixel()
    {
        type(QStringLiteral("train_images[4]"));
        DigitView *view = m_page->digitView();
        QSignalSpy hovered(view, &DigitView::hovered);
        const QPoint at = view->pixelRect(14, 7).center().toPoint();
        // From outside the image: Qt drops a move to where the last mouse event already was.
        QTest::mouseMove(view, QPoint(1, 1));
        QTest::mouseMove(view, at);
        // The move reaches the widget through the X server (a warped pointer): on a busy machine
        // it may come after mouseMove returns.
        QTRY_VERIFY_WITH_TIMEOUT(!hovered.isEmpty() && hovered.last().at(1).toInt() == 7, 5000);
        QCOMPARE(hovered.last().at(0).toInt(), 14);
        QCOMPARE(hovered.last().at(1).toInt(), 7);
        QCOMPARE(hovered.last().at(2).toDouble(),
                 252.0); // train_images[4][14][7], printed by NumPy
    }

    void batchesIncludingTheLastShortOne()
    {
        BatchPanel *batches = m_page->batchPanel();
        type(QStringLiteral("train_images"));
        batches->setBatch(128, 3);
        QCOMPARE(m_page->sliceState()->text(), QStringLiteral("train_images[384:512]"));
        QCOMPARE(m_page->sliceState()->shapeText(), QStringLiteral("(128, 28, 28)"));
        QVERIFY(m_page->codePanel()->code().contains(
            QStringLiteral("batch = train_images[128 * n:128 * (n + 1)]")));
        QCOMPARE(batches->batchCount(), 469);
        batches->setBatch(128, 468);
        QCOMPARE(m_page->sliceState()->shapeText(), QStringLiteral("(96, 28, 28)"));
        QCOMPARE(m_page->gridModel()->rowCount(), 96);
    }

    void valuesAreShownAsNumPyPrintsThem()
    {
        type(QStringLiteral("test_labels[:10]"));
        auto *values = m_page->findChild<QPlainTextEdit *>(QStringLiteral("valuesView"));
        QVERIFY(values && values->isVisible());
        QCOMPARE(values->toPlainText(),
                 QStringLiteral("array([7, 2, 1, 0, 4, 1, 4, 9, 5, 9], dtype=uint8)"));
        QCOMPARE(m_page->setSelector()->currentIndex(), 1); // the page follows the set
    }

    void preprocessingOfTheSelectedDigit()
    {
        type(QStringLiteral("train_images[4]"));
        const core::Tensor &x = m_page->flattenStrip()->values();
        QCOMPARE(x.shape(), (core::Shape{784}));
        QCOMPARE(x.dtype(), core::DType::Float32);
        QCOMPARE(x.data<float>()[14 * 28 + 7], 252.0f / 255.0f);
        float maxValue = 0;
        for (int i = 0; i < 784; ++i)
            maxValue = std::max(maxValue, x.data<float>()[i]);
        QVERIFY(maxValue <= 1.0f && maxValue > 0.9f);
    }

    void stripTitleAndNumbersFit_data()
    {
        QTest::addColumn<int>("width");
        QTest::addColumn<double>("scale");
        // The strip's width at 1024x640 and 1280x800, normal and in presentation mode, and wide.
        QTest::newRow("470, presentation") << 470 << 1.5;
        QTest::newRow("620, presentation") << 620 << 1.5;
        QTest::newRow("470") << 470 << 1.0;
        QTest::newRow("1200, presentation") << 1200 << 1.5;
    }

    void stripTitleAndNumbersFit()
    {
        QFETCH(int, width);
        QFETCH(double, scale);
        FlattenStrip strip;
        QFont f = strip.font();
        f.setPointSizeF(f.pointSizeF() * scale);
        strip.setFont(f);
        strip.resize(width, strip.sizeHint().height());
        const QString caption =
            QStringLiteral("(train_images.reshape((60000, 784)).astype(\"float32\") / 255)[59999]");
        type(QStringLiteral("train_images[59999]"));
        strip.setDigit(m_page->sliceState()->sourceDigit(0), caption);

        const QStringList lines = strip.captionLines();
        QVERIFY(lines.size() <= 2);
        QCOMPARE(lines.join(QString()).remove(QLatin1Char(' ')),
                 QString(caption).remove(QLatin1Char(' '))); // whole, nothing elided
        for (const QString &line : lines) {
            QVERIFY2(strip.fontMetrics().horizontalAdvance(line) <= width - 20, qPrintable(line));
            QVERIFY(line.count(QLatin1Char('(')) >= line.count(QLatin1Char(')')) - 1);
        }
        if (lines.size() == 2) QVERIFY(lines[1].startsWith(QLatin1Char('.')));

        const QList<QRectF> labels = strip.axisLabelRects();
        QCOMPARE(labels.size(), 5); // 0, 196, 392, 588, 784
        for (const QRectF &r : labels)
            QVERIFY2(
                QRectF(strip.rect()).contains(r),
                qPrintable(QStringLiteral("%1..%2 in %3").arg(r.left()).arg(r.right()).arg(width)));
        QVERIFY(labels.last().right() > labels.first().right()); // still in order
    }

    void switchingSetKeepsTheSlice()
    {
        type(QStringLiteral("train_images[:, 14:, 14:]"));
        m_page->setSelector()->setCurrentIndex(1);
        emit m_page->setSelector()->activated(1);
        QCOMPARE(m_page->sliceState()->text(), QStringLiteral("test_images[:, 14:, 14:]"));
        QCOMPARE(m_page->gridModel()->rowCount(), 10000);
    }

    void exports()
    {
        type(QStringLiteral("train_images[10:100, 7:-7, 7:-7]"));
        const QImage digit = m_page->exportImage();
        QCOMPARE(digit.size(), QSize(640, 640));
        const QImage slice = m_page->sliceImage();
        // 20 columns x 5 rows of 14x14 images drawn at 2x, with 1-pixel gaps.
        QCOMPARE(slice.size(), QSize(20 * 29 + 1, 5 * 29 + 1));
    }
};

QTEST_MAIN(TestMnistPage)
#include "test_mnistpage.moc"
