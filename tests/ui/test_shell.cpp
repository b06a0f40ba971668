// The window shell: the embedded sample at start, data folders that fail to load without losing the
// current data, the page list, presentation mode, and settings that survive a restart.

#include "core/data/mnist.h"
#include "ui/shell/appcontext.h"
#include "ui/shell/datastore.h"
#include "ui/shell/mainwindow.h"
#include "ui/shell/page.h"

#include <QApplication>
#include <QFile>
#include <QListWidget>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace ui;

class TestShell : public QObject {
    Q_OBJECT
private slots:
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
        for (const char *name : {"train-images-idx3-ubyte", "train-labels-idx1-ubyte",
                                 "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"}) {
            QFile f(dir.filePath(QString::fromLatin1(name)));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("PK\x03\x04 not idx");
        }
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
};

QTEST_MAIN(TestShell)
#include "test_shell.moc"
