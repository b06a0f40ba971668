// Focus mode (issue 13): F shows the current page's picture alone, full screen; C or the mouse at
// the right edge slides the controls and the code in, and they go again; the stepping keys work
// there; Escape gives back the window as it was. On every page, at 1280 x 800 and 1024 x 768, in
// presentation mode too.

#include "common/gltestmain.h"
#include "ui/common/glcheck.h"
#include "ui/common/playhead.h"
#include "ui/geometry/geometrypage.h"
#include "ui/shell/appcontext.h"
#include "ui/shell/datastore.h"
#include "ui/shell/mainwindow.h"
#include "ui/shell/page.h"
#include "ui/shell/pageregistry.h"
#include "ui/shell/sidedrawer.h"
#include "ui/uncrumple/uncrumplepage.h"

#include <QApplication>
#include <QListWidget>
#include <QMenuBar>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QSurfaceFormat>
#include <QTest>
#include <cstdio>
#include <memory>

using namespace ui;

class TestFocusMode : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void everyPageShowsItsPictureAlone_data();
    void everyPageShowsItsPictureAlone();
    void theMouseAtTheEdgeBringsTheControls();
    void steppingKeysWorkInFocusMode();
    void switchingPagesKeepsFocusMode();
    void theCommandLineStartsInFocusMode();

private:
    // F, C and Escape as a person presses them: with the keyboard focus on the page list, where
    // a letter is no text.
    void press(Qt::Key key)
    {
        if (auto *list = m_window->findChild<QListWidget *>(QStringLiteral("pageList"));
            list->isVisible())
            list->setFocus();
        QTest::keyClick(m_window.get(), key);
        // Full screen or back maps the window anew: without a window manager nothing gives it
        // the keyboard again, as one would.
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    }
    // A page's first GL view makes Qt create the window anew, which is then no longer the active
    // one under Xvfb (no window manager to give it back): activate it, as a click would.
    bool show(const QString &page)
    {
        if (!m_window->showPage(page)) return false;
        m_window->activateWindow();
        return QTest::qWaitForWindowActive(m_window.get());
    }
    bool waitForDrawer(double shown)
    {
        return QTest::qWaitFor([&] {
            const Page *p = m_window->currentPage();
            return p && p->drawer() && p->drawer()->shown() == shown;
        });
    }

    std::unique_ptr<DataStore> m_store;
    std::unique_ptr<AppContext> m_context;
    std::unique_ptr<MainWindow> m_window;
};

void TestFocusMode::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    qputenv("UNCRUMPLE_DATA_DIR", "/nonexistent"); // the embedded sample: quick and the same
}

void TestFocusMode::init()
{
    m_store = std::make_unique<DataStore>();
    m_context = std::make_unique<AppContext>(m_store.get());
    m_window = std::make_unique<MainWindow>(m_context.get());
    m_window->resize(1280, 800);
    m_window->show();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
}

void TestFocusMode::cleanup()
{
    m_context->setPresentationMode(false); // the application's font is shared by every test
    m_window.reset();
    m_context.reset();
    m_store.reset();
}

void TestFocusMode::everyPageShowsItsPictureAlone_data()
{
    QTest::addColumn<QString>("page");
    QTest::addColumn<QSize>("size");
    QTest::addColumn<bool>("presentation");
    for (const auto &spec : pageSpecs())
        for (const QSize size : {QSize(1280, 800), QSize(1024, 768)})
            for (const bool presentation : {false, true})
                QTest::addRow("%s %dx%d%s", qPrintable(spec.id), size.width(), size.height(),
                              presentation ? " presentation" : "")
                    << spec.id << size << presentation;
}

void TestFocusMode::everyPageShowsItsPictureAlone()
{
    QFETCH(QString, page);
    QFETCH(QSize, size);
    QFETCH(bool, presentation);
    m_window->resize(size);
    m_context->setPresentationMode(presentation);
    QVERIFY(show(page));
    Page *p = m_window->currentPage();
    QWidget *column = p->sideColumn();
    QVERIFY(column->isVisible());
    const QRect before = m_window->geometry();

    press(Qt::Key_F);
    QVERIFY(m_window->focusMode());
    QVERIFY(p->focusMode());
    QVERIFY(m_window->isFullScreen());
    QVERIFY(!m_window->menuBar()->isVisible());
    QVERIFY(!m_window->statusBar()->isVisible());
    QVERIFY(!m_window->findChild<QListWidget *>(QStringLiteral("pageList"))->isVisible());
    QTRY_VERIFY(!column->isVisible());
    // The picture has the page's whole width.
    QTRY_COMPARE(p->mainArea()->width(), p->width());

    // C slides the column in at the right edge, whole and inside the window, and the picture
    // makes room for it (a GL picture is a window of its own: nothing can lie over it); C again
    // takes it away.
    press(Qt::Key_C);
    QVERIFY(waitForDrawer(1.0));
    QVERIFY(column->isVisible());
    QCOMPARE(column->geometry().right(), p->width() - 1);
    QTRY_VERIFY(p->mainArea()->mapTo(p, QPoint(p->mainArea()->width(), 0)).x() <=
                column->geometry().left());
    QCOMPARE(column->height(), p->height());
    QVERIFY2(
        column->width() >= column->minimumSizeHint().width() ||
            column->width() >= p->width() * 3 / 5,
        qPrintable(
            QStringLiteral("%1 < %2").arg(column->width()).arg(column->minimumSizeHint().width())));
    QVERIFY(column->width() < p->width());
    press(Qt::Key_C);
    QVERIFY(waitForDrawer(0.0));
    QVERIFY(!column->isVisible());

    // Escape closes an open drawer first, then leaves focus mode.
    press(Qt::Key_C);
    QVERIFY(waitForDrawer(1.0));
    press(Qt::Key_Escape);
    QVERIFY(waitForDrawer(0.0));
    QVERIFY(m_window->focusMode());
    press(Qt::Key_Escape);
    QVERIFY(!m_window->focusMode());
    QVERIFY(!p->focusMode());
    QVERIFY(!m_window->isFullScreen());
    QVERIFY(m_window->menuBar()->isVisible());
    QVERIFY(m_window->statusBar()->isVisible());
    QVERIFY(column->isVisible());
    QCOMPARE(column->parentWidget(), p->findChild<QSplitter *>());
    QTRY_COMPARE(m_window->geometry(), before);
    m_context->setPresentationMode(false);
}

void TestFocusMode::theMouseAtTheEdgeBringsTheControls()
{
    QVERIFY(show(QStringLiteral("mnist")));
    press(Qt::Key_F);
    Page *p = m_window->currentPage();
    QTRY_COMPARE(p->mainArea()->width(), p->width());
    QWindow *handle = m_window->windowHandle();
    auto at = [&](int x) { return p->mapTo(m_window.get(), QPoint(x, p->height() / 2)); };
    QTest::mouseMove(handle, at(p->width() / 2));
    QTest::mouseMove(handle, at(p->width() - 1));
    QVERIFY(waitForDrawer(1.0));
    // Moving over the drawer keeps it; going back to the picture sends it away.
    QTest::mouseMove(handle, at(p->width() - p->sideColumn()->width() / 2));
    QTest::qWait(50);
    QVERIFY(p->drawer()->isOpen());
    QTest::mouseMove(handle, at(p->width() / 4));
    QVERIFY(waitForDrawer(0.0));
    // Opened by the key, the drawer stays when the mouse wanders over the picture.
    press(Qt::Key_C);
    QVERIFY(waitForDrawer(1.0));
    QTest::mouseMove(handle, at(10));
    QTest::qWait(50);
    QVERIFY(p->drawer()->isOpen());
}

void TestFocusMode::steppingKeysWorkInFocusMode()
{
    QVERIFY(show(QStringLiteral("geometry")));
    auto *geometry = qobject_cast<GeometryPage *>(m_window->currentPage());
    QVERIFY(geometry);
    press(Qt::Key_F);
    // The drawer opened and closed again: the keys step the picture, not a button in it.
    press(Qt::Key_C);
    QVERIFY(waitForDrawer(1.0));
    press(Qt::Key_C);
    QVERIFY(waitForDrawer(0.0));
    Playhead *playhead = geometry->playhead();
    playhead->seek(0);
    QTest::keyClick(m_window.get(), Qt::Key_End);
    QTRY_VERIFY(playhead->atEnd());
    QTest::keyClick(m_window.get(), Qt::Key_Home);
    QTRY_COMPARE(playhead->time(), 0.0);
    QTest::keyClick(m_window.get(), Qt::Key_Right);
    QTRY_COMPARE(playhead->time(), 1.0);
    QTest::keyClick(m_window.get(), Qt::Key_Space);
    QVERIFY(playhead->isMoving());

    QVERIFY(show(QStringLiteral("uncrumple")));
    auto *uncrumple = qobject_cast<UncrumplePage *>(m_window->currentPage());
    QVERIFY(uncrumple);
    QVERIFY(uncrumple->focusMode());
    uncrumple->playhead()->seek(0);
    QTest::keyClick(m_window.get(), Qt::Key_PageDown);
    QTRY_COMPARE(uncrumple->playhead()->time(), 1.0);
    QTest::keyClick(m_window.get(), Qt::Key_PageUp);
    QTRY_COMPARE(uncrumple->playhead()->time(), 0.0);
}

void TestFocusMode::switchingPagesKeepsFocusMode()
{
    QVERIFY(show(QStringLiteral("mnist")));
    Page *mnist = m_window->currentPage();
    press(Qt::Key_F);
    QVERIFY(mnist->focusMode());
    QTest::keyClick(m_window.get(), Qt::Key_2, Qt::ControlModifier); // Go > the second page
    m_window->activateWindow(); // its GL view made the window anew (see show())
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    Page *second = m_window->currentPage();
    QVERIFY(second != mnist);
    QVERIFY(second->focusMode());
    QVERIFY(!mnist->focusMode());
    QCOMPARE(mnist->sideColumn()->parentWidget(), mnist->findChild<QSplitter *>());
    press(Qt::Key_F);
    QVERIFY(!second->focusMode());
    QVERIFY(!m_window->focusMode());
}

void TestFocusMode::theCommandLineStartsInFocusMode()
{
    // As app/gui.cpp does for --focus: the window shown, then focus mode.
    m_window->setFocusMode(true);
    QVERIFY(m_window->isFullScreen());
    QVERIFY(m_window->currentPage()->focusMode());
    // A page opened later is in focus mode too.
    QVERIFY(show(QStringLiteral("geometry")));
    QVERIFY(m_window->currentPage()->focusMode());
}

UNCRUMPLE_GL_TEST_MAIN(TestFocusMode)

#include "tst_focusmode.moc"
