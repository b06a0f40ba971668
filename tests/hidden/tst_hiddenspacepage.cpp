// The Hidden space page under xvfb-run: the pixels and the hidden layer of the book's network in
// 3D, the probe beside them, following the shared training session (AppContext::mnistTraining),
// and its keys. Uses the full MNIST when scripts/fetch-mnist has installed it, else the embedded
// sample.

#include "common/gltestmain.h"
#include "core/data/mnist.h"
#include "ui/hidden/hiddenspacepage.h"
#include "ui/shell/appcontext.h"
#include "ui/shell/datastore.h"
#include "ui/train/trainpage.h"
#include "ui/train/trainrecipe.h"
#include "ui/train/trainsession.h"
#include "ui/train/weightgrid.h"
#include "ui/uncrumple/layerprobelist.h"
#include "ui/uncrumple/manifoldview.h"

#include <QPushButton>
#include <QSignalSpy>
#include <memory>

using namespace ui;

class TestHiddenSpacePage : public QObject {
    Q_OBJECT
    std::unique_ptr<DataStore> m_store;
    std::unique_ptr<AppContext> m_context;
    std::unique_ptr<HiddenSpacePage> m_page;

    TrainSession *session() const { return m_context->mnistTraining(); }

private slots:
    void initTestCase()
    {
        m_store = std::make_unique<DataStore>();
        const QString dir = QString::fromStdString(core::defaultMnistDir().string());
        if (core::hasMnistFiles(core::defaultMnistDir())) {
            QSignalSpy loaded(m_store.get(), &DataStore::dataChanged);
            QVERIFY(m_store->loadDirectory(dir));
            QVERIFY(loaded.wait(20000));
        }
        m_context = std::make_unique<AppContext>(m_store.get());
        m_page = std::make_unique<HiddenSpacePage>(m_context.get());
        m_page->resize(1280, 800);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
        m_page->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_page.get()));
    }

    void thePixelsAreShownBeforeAnyNetwork()
    {
        QTRY_VERIFY_WITH_TIMEOUT(m_page->pixelProbe().has_value(), 20000);
        QVERIFY(!m_page->hiddenProbe());
        const int shown = m_page->shownDigits();
        QCOMPARE(shown, m_store->data()->isFullSet ? 2000 : shown);
        // A linear classifier on the pixels: far above chance (10%), far from perfect.
        QVERIFY2(*m_page->pixelProbe() > 0.5 && *m_page->pixelProbe() < 0.95,
                 qPrintable(QString::number(*m_page->pixelProbe())));
        QVERIFY(m_page->statusText().startsWith(QStringLiteral("No network yet")));
        QVERIFY(m_page->trainButton()->isEnabled());
        m_page->showStage(HiddenSpacePage::Pixels);
        QCOMPARE(m_page->view()->pointCount(), shown);
        QCOMPARE(m_page->stages()->current(), 0);
    }

    void theHiddenLayerFollowsTheSharedSession()
    {
        // An untrained network (the book's, fresh weights) given to the shared session.
        auto fresh = std::make_shared<core::nn::Sequential>(core::nn::Sequential::bookMnist());
        fresh->initialize(7);
        QSignalSpy views(m_page.get(), &HiddenSpacePage::viewsChanged);
        session()->setModel(fresh, QStringLiteral("rmsprop"));
        QTRY_VERIFY_WITH_TIMEOUT(m_page->hiddenProbe().has_value(), 20000);
        const double untrained = *m_page->hiddenProbe();
        QVERIFY(m_page->statusText().contains(QStringLiteral("Dense(512, relu)")));

        // The book's recipe started from the page (the session is the shared one), stopped
        // after its first epoch to keep the test short.
        QSignalSpy epochs(session(), &TrainSession::epochEnded);
        QTest::mouseClick(m_page->trainButton(), Qt::LeftButton);
        QVERIFY(session()->isTraining());
        QVERIFY(!m_page->trainButton()->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(epochs.count() >= 1, 300000);
        session()->stop();
        QTRY_VERIFY_WITH_TIMEOUT(!session()->isTraining(), 120000);
        QVERIFY(m_page->trainButton()->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(
            !m_page->isComputing() && m_page->hiddenProbe() != std::optional(untrained), 20000);
        // Trained, the digits part: a linear classifier separates them better in the hidden
        // layer than in the pixels, and better than in the untrained one.
        QVERIFY2(*m_page->hiddenProbe() > *m_page->pixelProbe() &&
                     *m_page->hiddenProbe() > untrained,
                 qPrintable(QStringLiteral("hidden %1, untrained %2, pixels %3")
                                .arg(*m_page->hiddenProbe())
                                .arg(untrained)
                                .arg(*m_page->pixelProbe())));
        QVERIFY(views.count() >= 2);
    }

    void theTrainPageDrivesTheSameSession()
    {
        // The app's Train page (the first on a context) trains what this page shows. Made after
        // this page's run (pages are made when first shown), it shows that run's network.
        TrainPage train(m_context.get());
        QCOMPARE(train.session(), session());
        QVERIFY(session()->model());
        QCOMPARE(train.weights()->unitCount(), 512);
        QVERIFY(!train.showsPreviousModel());
        TrainPage second(m_context.get()); // a second window's: a run of its own
        QVERIFY(second.session() != session());
    }

    void aPageNotShownWaitsUntilShown()
    {
        // Training has the cores: a page not on screen computes nothing until it is shown.
        HiddenSpacePage other(m_context.get());
        auto fresh = std::make_shared<core::nn::Sequential>(core::nn::Sequential::bookMnist());
        fresh->initialize(11);
        session()->setModel(fresh, QStringLiteral("rmsprop"));
        QTest::qWait(300);
        QVERIFY(!other.isComputing());
        QVERIFY(!other.pixelProbe() && !other.hiddenProbe());
        QVERIFY(!other.isSettled());
        other.resize(900, 600);
        other.show();
        QTRY_VERIFY_WITH_TIMEOUT(other.hiddenProbe().has_value() && other.isSettled(), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(m_page->isSettled(), 20000);
    }

    void keysAndTheListPickTheSpace()
    {
        m_page->activated();
        QTest::keyClick(m_page->view(), Qt::Key_Right);
        QCOMPARE(m_page->shownStage(), HiddenSpacePage::Hidden);
        QTest::keyClick(m_page->view(), Qt::Key_Left);
        QCOMPARE(m_page->shownStage(), HiddenSpacePage::Pixels);
        emit m_page->stages()->stageClicked(1);
        QCOMPARE(m_page->shownStage(), HiddenSpacePage::Hidden);
        QCOMPARE(m_page->view()->pointCount(), m_page->shownDigits());
        QVERIFY(!m_page->view()->grabFramebuffer().isNull());
    }
};

UNCRUMPLE_GL_TEST_MAIN(TestHiddenSpacePage)

#include "tst_hiddenspacepage.moc"
