// The window shell: the embedded sample at start, data folders that fail to load without losing the
// current data, the page list, presentation mode, and settings that survive a restart.

#include "common/clipping.h"
#include "core/data/mnist.h"
#include "ui/common/gldriver.h"
#include "ui/shell/appcontext.h"
#include "ui/shell/datastore.h"
#include "ui/shell/mainwindow.h"
#include "ui/shell/page.h"
#include "ui/shell/pageregistry.h"
#include "ui/shell/statusline.h"
#include "ui/shell/windowsettings.h"

#include <QApplication>
#include <QFile>
#include <QFontMetricsF>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPen>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>

using namespace ui;

// The four MNIST file names in dir, each holding a zip header instead of IDX.
static bool writeBrokenMnistFiles(const QTemporaryDir &dir)
{
    for (const std::string_view name : core::kMnistFileNames) {
        QFile f(dir.filePath(QString::fromLatin1(name.data(), qsizetype(name.size()))));
        if (!f.open(QIODevice::WriteOnly) || f.write("PK\x03\x04 not idx") < 0) return false;
    }
    return true;
}

class TestShell : public QObject {
    Q_OBJECT
private slots:
    void cleanupTestCase()
    {
        // The GL pages shown here loaded Mesa's driver: kept loaded, its own leaks at exit stay
        // named for LeakSanitizer's suppressions (see ui/common/gldriver.h).
        keepGlDriverLoaded();
    }

    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // QSettings go to a throw-away place
        QApplication::setOrganizationName(QStringLiteral("uncrumple-test"));
        QApplication::setApplicationName(QStringLiteral("test_shell"));
    }

    void startsWithTheEmbeddedSample()
    {
        DataStore store;
        QCOMPARE(QString::fromStdString(store.data()->origin), QStringLiteral("embedded sample"));
        QCOMPARE(store.data()->trainImages.shape(), (core::Shape{core::kSampleTrainCount, 28, 28}));
        QCOMPARE(store.data()->testLabels.data<std::uint8_t>()[0],
                 std::uint8_t{8}); // test_labels[800]
        QVERIFY(store.statusText().contains(QStringLiteral("Embedded sample")));
        QVERIFY(store.statusText().contains(QStringLiteral("scripts/fetch-mnist")));
    }

    void aBrokenFolderKeepsTheCurrentData()
    {
        DataStore store;
        QTemporaryDir dir;
        QVERIFY(writeBrokenMnistFiles(dir));
        QSignalSpy failed(&store, &DataStore::loadFailed);
        QSignalSpy changed(&store, &DataStore::dataChanged);
        QVERIFY(store.loadDirectory(dir.path()));
        QVERIFY(failed.wait(5000));
        QVERIFY(failed.first().first().toString().contains(QStringLiteral("bad magic number")));
        QCOMPARE(changed.count(), 0);
        QCOMPARE(QString::fromStdString(store.data()->origin), QStringLiteral("embedded sample"));
        QVERIFY(!store.isLoading());
    }

    void aFolderWithoutFilesIsRefusedAtOnce()
    {
        DataStore store;
        QTemporaryDir dir;
        QSignalSpy failed(&store, &DataStore::loadFailed);
        QVERIFY(!store.loadDirectory(dir.path()));
        QCOMPARE(failed.count(), 1);
        QVERIFY(failed.first().first().toString().contains(
            QStringLiteral("does not hold the four MNIST files")));
    }

    void pagesAndPresentationMode()
    {
        DataStore store;
        AppContext context(&store);
        MainWindow window(&context);
        QVERIFY(MainWindow::pageIds().contains(QStringLiteral("mnist")));
        QVERIFY(!window.showPage(QStringLiteral("no-such-page")));
        QVERIFY(window.showPage(QStringLiteral("mnist")));
        QCOMPARE(window.currentPageId(), QStringLiteral("mnist"));
        QVERIFY(window.currentPage() != nullptr);
        QCOMPARE(window.findChild<QListWidget *>(QStringLiteral("pageList"))->count(),
                 static_cast<int>(MainWindow::pageIds().size()));

        const double before = QApplication::font().pointSizeF();
        context.setPresentationMode(true);
        QCOMPARE(QApplication::font().pointSizeF(), before * AppContext::kPresentationScale);
        QCOMPARE(context.scale(), AppContext::kPresentationScale);
        context.setPresentationMode(false);
        QCOMPARE(QApplication::font().pointSizeF(), before);
    }

    void pageNamesInAnyCase_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("id");
        QTest::newRow("Train") << QStringLiteral("Train") << QStringLiteral("train");
        QTest::newRow("TRAIN") << QStringLiteral("TRAIN") << QStringLiteral("train");
        QTest::newRow("MNIST") << QStringLiteral("MNIST") << QStringLiteral("mnist");
        QTest::newRow("Mnist") << QStringLiteral("Mnist") << QStringLiteral("mnist");
        QTest::newRow("spaces") << QStringLiteral(" mnist ") << QStringLiteral("mnist");
    }

    void pageNamesInAnyCase()
    {
        QFETCH(QString, name);
        QFETCH(QString, id);
        DataStore store;
        AppContext context(&store);
        MainWindow window(&context);
        QVERIFY(window.showPage(name));
        QCOMPARE(window.currentPageId(), id);
        QCOMPARE(window.page(name), window.currentPage());
    }

    void pageIndexByIdOrTitle()
    {
        const int geometry =
            static_cast<int>(MainWindow::pageIds().indexOf(QStringLiteral("geometry")));
        QVERIFY(geometry >= 0);
        QCOMPARE(pageIndex(QStringLiteral("GEOMETRY")), geometry);
        QCOMPARE(pageIndex(QStringLiteral("Geometry")), geometry);
        QCOMPARE(pageIndex(QStringLiteral("geometr")), -1);
        QCOMPARE(pageIndex(QString()), -1);
    }

    void presentationScalesTheMnistPagesOwnFonts()
    {
        DataStore store;
        AppContext context(&store);
        MainWindow window(&context);
        QVERIFY(window.showPage(QStringLiteral("mnist")));
        Page *page = window.currentPage();
        auto *edit = page->findChild<QLineEdit *>(QStringLiteral("sliceEdit"));
        auto *attributes = page->findChild<QPlainTextEdit *>(QStringLiteral("attributes"));
        auto *values = page->findChild<QPlainTextEdit *>(QStringLiteral("valuesView"));
        auto *code = page->findChild<QPlainTextEdit *>(QStringLiteral("codeText"));
        QVERIFY(edit && attributes && values && code);
        const QList<QWidget *> widgets = {edit, attributes, values, code};
        QList<double> before;
        for (QWidget *w : widgets)
            before << w->font().pointSizeF();
        const double documentBefore = attributes->document()->defaultFont().pointSizeF();
        // Every glyph as wide as every other (QFontInfo::fixedPitch() says false for Noto Sans
        // Mono, which fontconfig lists as dual-width, though its letters are all one width).
        const QFontMetricsF metrics(edit->font());
        QCOMPARE(metrics.horizontalAdvance(QLatin1Char('i')),
                 metrics.horizontalAdvance(QLatin1Char('M')));

        context.setPresentationMode(true);
        QCoreApplication::processEvents(); // the application font reaches widgets by events
        for (int i = 0; i < widgets.size(); ++i)
            QVERIFY2(std::abs(widgets[i]->font().pointSizeF() -
                              before[i] * AppContext::kPresentationScale) < 0.01,
                     qPrintable(widgets[i]->objectName() +
                                QStringLiteral(": %1 -> %2 (parent %3)")
                                    .arg(before[i])
                                    .arg(widgets[i]->font().pointSizeF())
                                    .arg(widgets[i]->parentWidget()->font().pointSizeF())));
        // What a QPlainTextEdit draws is its document's font, not the widget's.
        QCOMPARE(attributes->document()->defaultFont().pointSizeF(),
                 documentBefore * AppContext::kPresentationScale);
        // The expression stays larger than the text around it.
        QVERIFY(edit->font().pointSizeF() > page->font().pointSizeF());

        context.setPresentationMode(false);
        QCoreApplication::processEvents();
        for (int i = 0; i < widgets.size(); ++i)
            QCOMPARE(widgets[i]->font().pointSizeF(), before[i]);
        QCOMPARE(attributes->document()->defaultFont().pointSizeF(), documentBefore);
    }

    void theMnistPageFitsA1024x640ProjectorInPresentationMode()
    {
        DataStore store;
        AppContext context(&store);
        MainWindow window(&context);
        QVERIFY(window.showPage(QStringLiteral("mnist")));
        context.setPresentationMode(true);
        QCoreApplication::processEvents();
        // Wider than the screen, the window's right side (the code) would be off the projector.
        window.resize(1024, 640);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY2(window.width() <= 1024 && window.height() <= 640,
                 qPrintable(QStringLiteral("%1x%2").arg(window.width()).arg(window.height())));
        auto *edit = window.currentPage()->findChild<QLineEdit *>(QStringLiteral("sliceEdit"));
        QVERIFY(edit->width() > edit->fontMetrics().horizontalAdvance(
                                    QStringLiteral("train_images[:, 7:-7, 7:-7]")));
        context.setPresentationMode(false);
    }

    void theMnistPageFitsProjectorsInPresentationMode_data()
    {
        QTest::addColumn<QSize>("projector");
        QTest::newRow("1280 x 800") << QSize(1280, 800);
        QTest::newRow("1024 x 768") << QSize(1024, 768);
    }
    void theMnistPageFitsProjectorsInPresentationMode()
    {
        // The window keeps the projector's size and no control sticks out of it.
        QFETCH(QSize, projector);
        DataStore store;
        AppContext context(&store);
        MainWindow window(&context);
        window.resize(projector);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.showPage(QStringLiteral("mnist")));
        context.setPresentationMode(true);
        QTest::qWait(100);
        QCOMPARE(window.size(), projector);
        const QStringList clipped = testing::clippedWidgets(&window);
        context.setPresentationMode(false);
        QVERIFY2(clipped.isEmpty(), qPrintable(clipped.join(QLatin1Char('\n'))));
    }

    void theCellPagesFitProjectorsInPresentationMode_data()
    {
        QTest::addColumn<QString>("page");
        QTest::addColumn<QSize>("projector");
        for (const char *page : {"tensors", "operations", "gradient"}) {
            QTest::newRow(qPrintable(QStringLiteral("%1 1280 x 800").arg(page)))
                << QString::fromLatin1(page) << QSize(1280, 800);
            QTest::newRow(qPrintable(QStringLiteral("%1 1024 x 768").arg(page)))
                << QString::fromLatin1(page) << QSize(1024, 768);
        }
    }
    void theCellPagesFitProjectorsInPresentationMode()
    {
        // Every tab: the window keeps the projector's size, nothing sticks out, no tab is hidden
        // behind the tab bar's scroll arrows.
        QFETCH(QString, page);
        QFETCH(QSize, projector);
        DataStore store;
        AppContext context(&store);
        MainWindow window(&context);
        window.resize(projector);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.showPage(page));
        context.setPresentationMode(true);
        auto *tabs = window.currentPage()->findChild<QTabWidget *>();
        QVERIFY(tabs);
        for (int i = 0; i < tabs->count(); ++i) {
            tabs->setCurrentIndex(i);
            QTest::qWait(100);
            if (window.size() != projector) {
                // Name what makes the window wider: the widest minimum sizes under the page.
                QStringList wide;
                for (QWidget *w : window.currentPage()->findChildren<QWidget *>())
                    if (w->minimumSizeHint().width() > projector.width() / 4)
                        wide << QStringLiteral("%1 %2: %3")
                                    .arg(QString::fromLatin1(w->metaObject()->className()),
                                         w->objectName())
                                    .arg(w->minimumSizeHint().width());
                qWarning("%s", qPrintable(wide.join(QLatin1Char('\n'))));
            }
            QCOMPARE(window.size(), projector);
            const QStringList clipped = testing::clippedWidgets(&window);
            QVERIFY2(clipped.isEmpty(), qPrintable(clipped.join(QLatin1Char('\n'))));
            const QTabBar *bar = tabs->tabBar();
            for (int t = 0; t < bar->count(); ++t)
                QVERIFY2(bar->rect().contains(bar->tabRect(t)),
                         qPrintable(QStringLiteral("tab %1 ('%2') is outside the bar")
                                        .arg(t)
                                        .arg(bar->tabText(t))));
        }
        context.setPresentationMode(false);
    }

    void aFailedLoadKeepsItsWholeReasonInReach()
    {
        DataStore store;
        AppContext context(&store);
        MainWindow window(&context);
        QTemporaryDir dir;
        QVERIFY(writeBrokenMnistFiles(dir));
        QSignalSpy failed(&store, &DataStore::loadFailed);
        QVERIFY(store.loadDirectory(dir.path()));
        QVERIFY(failed.wait(5000));
        const QString reason = failed.first().first().toString();
        QVERIFY(reason.contains(dir.path()));

        auto *line = window.findChild<StatusLine *>(QStringLiteral("dataStatus"));
        QVERIFY(line);
        // The line keeps the file and the reason, not the folder; the rest is one step away.
        QVERIFY2(line->text().contains(QStringLiteral("train-images-idx3-ubyte: bad magic number")),
                 qPrintable(line->text()));
        QVERIFY(!line->text().contains(dir.path()));
        QVERIFY(line->toolTip().contains(reason));
        QVERIFY(line->details().contains(reason));
        QVERIFY(!line->detailsButton()->isHidden());
        line->detailsButton()->click();
        auto *box = line->findChild<QMessageBox *>(QStringLiteral("statusDetailsBox"));
        QVERIFY(box && box->isVisible());
        QVERIFY(!box->isModal());
        QVERIFY(box->text().contains(reason));
        box->close();

        // Narrow: the text is elided with an ellipsis, never cut mid-word without one.
        window.resize(700, 500);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(line->shownText().endsWith(QChar(0x2026)));
        QVERIFY(line->fontMetrics().horizontalAdvance(line->shownText()) <= line->width());
    }

    void settingsSurviveARestart()
    {
        DataStore store;
        AppContext context(&store);
        const QString last = MainWindow::pageIds().last();
        {
            MainWindow window(&context);
            window.showPage(last);
            context.setPresentationMode(true);
            window.saveSettings();
        }
        context.setPresentationMode(false);
        MainWindow again(&context);
        again.restoreSettings();
        QCOMPARE(again.currentPageId(), last);
        QVERIFY(context.presentationMode());
        context.setPresentationMode(false);
    }

    // The settings file is read before anything is on screen: whatever it holds, the window
    // starts, on its first page, at its default size, and says nothing is wrong.
    void settingsHoldingAVariantAreNotOurs()
    {
        // QSettings turns @Variant(...) into the type its bytes name as soon as its section is
        // read; the settings fuzzer's QPen claimed a billion dashes. Ours never hold one.
        {
            QSettings s;
            s.clear();
            s.setValue(QStringLiteral("window/page"), QStringLiteral("geometry"));
            s.setValue(QStringLiteral("window/pen"), QPen(Qt::red));
        }
        QVERIFY(readWindowSettings(QSettings()).page.isEmpty());
        {
            QSettings s;
            s.remove(QStringLiteral("window/pen"));
        }
        QCOMPARE(readWindowSettings(QSettings()).page, QStringLiteral("geometry"));
        QSettings().clear();
    }

    // Qt 6.4's QMainWindow::restoreState trusts a dock area's index in the bytes: the fuzzer's
    // edited state wrote past the end of QDockAreaLayout::docks. The window has no tool bars or
    // docks, so no state is restored, and none is saved.
    void aSavedWindowStateIsNeverRestored()
    {
        const QSettings crashing(QStringLiteral(UNCRUMPLE_CRASHING_STATE), QSettings::IniFormat);
        const QByteArray state = crashing.value(QStringLiteral("window/state")).toByteArray();
        QVERIFY(state.size() > 100);
        {
            QSettings s;
            s.clear();
            s.setValue(QStringLiteral("window/state"), state);
            s.setValue(QStringLiteral("window/page"), QStringLiteral("train"));
        }
        DataStore store;
        AppContext context(&store);
        {
            MainWindow window(&context);
            window.restoreSettings();
            QCOMPARE(window.currentPageId(), QStringLiteral("train"));
            window.saveSettings();
        }
        QVERIFY(!QSettings().contains(QStringLiteral("window/state")));
        QVERIFY(QSettings().contains(QStringLiteral("window/geometry")));
        QSettings().clear();
    }

    void brokenSettingsAreIgnored()
    {
        DataStore store;
        AppContext context(&store);
        {
            QSettings s;
            s.setValue(QStringLiteral("window/geometry"), QVariantList{1, 2, 3});
            s.setValue(QStringLiteral("window/state"), QByteArray(1 << 20, '\x01'));
            s.setValue(QStringLiteral("window/presentation"), QStringLiteral("banana"));
            s.setValue(QStringLiteral("window/page"), QString(1000, QLatin1Char('x')));
        }
        const WindowSettings read = readWindowSettings(QSettings());
        QVERIFY(read.geometry.isEmpty());
        QVERIFY(!read.presentation);
        QVERIFY(read.page.isEmpty());
        MainWindow window(&context);
        window.restoreSettings();
        QCOMPARE(window.currentPageId(), MainWindow::pageIds().first());
        QCOMPARE(window.size(), QSize(1280, 800));
        QVERIFY(!context.presentationMode());
        {
            QSettings s;
            s.setValue(QStringLiteral("window/geometry"), QByteArray("\x01\xd9\xd0\xcb garbage"));
            s.setValue(QStringLiteral("window/state"), QStringLiteral("not a state"));
            s.setValue(QStringLiteral("window/presentation"), 7);
            s.setValue(QStringLiteral("window/page"), QStringLiteral(" Train "));
        }
        MainWindow again(&context);
        again.restoreSettings();
        QCOMPARE(again.size(), QSize(1280, 800));
        QCOMPARE(again.currentPageId(), QStringLiteral("train"));
        QVERIFY(!context.presentationMode());
        QSettings().clear();
    }
};

QTEST_MAIN(TestShell)
#include "test_shell.moc"
