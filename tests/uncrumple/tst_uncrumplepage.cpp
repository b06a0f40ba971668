// The Uncrumple page under a real OpenGL context (xvfb-run + Mesa): the view draws the points in
// their class colours, picking a layer shows that layer's outputs, the passages play through their
// three phases, dragging orbits, the wheel zooms, right-drag pans, double-click resets, hovering
// names a point, training a few epochs separates the crumpled sheets, Step trains exactly one
// epoch, nested spheres come with the width-3 warning and its width-4 fix. Where no GL context can
// be made, the test exits with 77, which CTest reports as skipped.

#include "common/clipping.h"
#include "common/gltestmain.h"
#include "ui/common/codepanel.h"
#include "ui/common/glcheck.h"
#include "ui/common/palette.h"
#include "ui/common/playhead.h"
#include "ui/shell/appcontext.h"
#include "ui/shell/datastore.h"
#include "ui/shell/mainwindow.h"
#include "ui/train/curvechart.h"
#include "ui/train/trainsession.h"
#include "ui/uncrumple/layerprobelist.h"
#include "ui/uncrumple/manifoldview.h"
#include "ui/uncrumple/uncrumplecontrols.h"
#include "ui/uncrumple/uncrumplepage.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QMouseEvent>
#include <QPushButton>
#include <QSignalSpy>
#include <QSurfaceFormat>
#include <QTest>
#include <QWheelEvent>
#include <cmath>
#include <cstdio>
#include <memory>
#include <set>

using namespace ui;

namespace {

void sendMouse(QWidget *w, QEvent::Type type, QPointF pos, Qt::MouseButton button,
               Qt::MouseButtons buttons, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QMouseEvent event(type, pos, w->mapToGlobal(pos), button, buttons, modifiers);
    QApplication::sendEvent(w, &event);
}

void drag(QWidget *w, QPointF from, QPointF to, Qt::MouseButton button,
          Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    sendMouse(w, QEvent::MouseButtonPress, from, button, button, modifiers);
    for (int i = 1; i <= 5; ++i)
        sendMouse(w, QEvent::MouseMove, from + (to - from) * (i / 5.0), Qt::NoButton, button,
                  modifiers);
    sendMouse(w, QEvent::MouseButtonRelease, to, button, Qt::NoButton, modifiers);
}

// Whether a pixel near p is close to colour c (the sprites are shaded, so loosely).
bool colourNear(const QImage &image, QPoint p, const QColor &c)
{
    for (int dy = -3; dy <= 3; ++dy)
        for (int dx = -3; dx <= 3; ++dx) {
            const QPoint q = p + QPoint(dx, dy);
            if (!image.rect().contains(q)) continue;
            const QColor got = image.pixelColor(q);
            // Same hue family: the channel order of c is kept.
            const int dr = got.red() - c.red(), dg = got.green() - c.green(),
                      db = got.blue() - c.blue();
            if (dr * dr + dg * dg + db * db < 90 * 90) return true;
        }
    return false;
}

} // namespace

class TestUncrumplePage : public QObject {
    Q_OBJECT

private slots:
    void init()
    {
        m_store = std::make_unique<DataStore>();
        m_context = std::make_unique<AppContext>(m_store.get());
        m_page = std::make_unique<UncrumplePage>(m_context.get());
        m_page->resize(1280, 800);
        m_page->show();
        m_page->activateWindow();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
        QVERIFY(QTest::qWaitForWindowActive(m_page.get()));
        QTRY_VERIFY(m_page->view()->framesDrawn() > 0);
        QVERIFY2(m_page->view()->glError().isEmpty(), qPrintable(m_page->view()->glError()));
    }
    void cleanup()
    {
        m_page.reset();
        m_context.reset();
        m_store.reset();
    }

    void startsWithTheSheetsAndTheirLayers()
    {
        // Two crumpled sheets, 2,000 points, 3 -> Dense(3, tanh) x3 -> Dense(2, softmax).
        QCOMPARE(m_page->view()->pointCount(), 2000);
        QCOMPARE(m_page->scene().dims(), 3);
        QCOMPARE(m_page->scene().layers(), 4);
        QCOMPARE(m_page->layerList()->count(), 5);
        QCOMPARE(m_page->playhead()->phaseCount(), 12);
        QVERIFY(m_page->codePanel()->code().contains(QStringLiteral("Dense(3")));
        QVERIFY(m_page->codePanel()->code().contains(QStringLiteral("softmax")));
        // The probe, once per stage; the input's crumpled sheets are not linearly separable.
        QTRY_COMPARE(static_cast<int>(m_page->layerList()->accuracies().size()), 5);
        QVERIFY(m_page->layerList()->accuracies().front() < 0.97);
    }

    void drawsPointsInTheirClassColours()
    {
        ManifoldView *view = m_page->view();
        const QImage frame = view->grabFramebuffer();
        // Some points of each class show in its colour where the camera puts them.
        int found[2] = {0, 0};
        const auto &data = m_page->scene().data();
        for (int i = 0; i < 200; ++i) {
            const float *p = data.points.row(i);
            QPointF pixel;
            if (!view->camera().toPixel(QVector3D(p[0], p[1], p[2]), &pixel)) continue;
            const QPoint device = (pixel * frame.devicePixelRatio()).toPoint();
            const int label = data.labels[static_cast<std::size_t>(i)];
            if (colourNear(frame, device, palette::digit(label))) ++found[label];
        }
        QVERIFY2(found[0] > 20 && found[1] > 20,
                 qPrintable(QStringLiteral("%1 %2").arg(found[0]).arg(found[1])));
    }

    void drawsTheLattice()
    {
        // The lattice's lines are in the picture (drawn on the CPU with the points): taking the
        // lattice away changes thousands of pixels, and only makes pixels lighter.
        ManifoldView *view = m_page->view();
        const QImage with = view->grabFramebuffer().convertToFormat(QImage::Format_RGB32);
        view->setLattice(LatticeTopology{}, 0);
        const QImage without = view->grabFramebuffer().convertToFormat(QImage::Format_RGB32);
        QCOMPARE(with.size(), without.size());
        int changed = 0, lightened = 0;
        for (int y = 0; y < with.height(); ++y)
            for (int x = 0; x < with.width(); ++x) {
                const QRgb a = with.pixel(x, y), b = without.pixel(x, y);
                if (a == b) continue;
                ++changed;
                if (qGray(a) > qGray(b) + 2) ++lightened; // by the lattice
            }
        QVERIFY2(changed > 5000, qPrintable(QString::number(changed)));
        QVERIFY2(lightened < changed / 100, qPrintable(QString::number(lightened)));
    }

    void pickingALayerShowsItsOutputs()
    {
        QSignalSpy clicked(m_page->layerList(), &LayerProbeList::stageClicked);
        LayerProbeList *list = m_page->layerList();
        // Row 2 ("layer 2"): the header line, then rows of equal height.
        const int header = list->fontMetrics().height() + 4;
        const int rowHeight = (list->height() - header) / list->count();
        QTest::mouseClick(list, Qt::LeftButton, {}, QPoint(20, header + rowHeight * 2 + 3));
        QCOMPARE(clicked.count(), 1);
        QCOMPARE(m_page->playhead()->time(), 6.0);
        QCOMPARE(m_page->currentStage(), 2);
        // The view holds layer 2's output for every point (width 3: drawn as it is).
        const auto &stage = m_page->scene().stack().stage(2);
        QCOMPARE(stage.cols(), 3);
        ManifoldView *view = m_page->view();
        view->update();
        QVERIFY(!view->grabFramebuffer().isNull());
        QCOMPARE(view->pointCount(), static_cast<int>(stage.rows()));
        // The lattice is drawn with fewer segments than it is sampled with where it is straight:
        // at the input, where every line is straight, one segment a line.
        const int sampled = static_cast<int>(m_page->scene().edges().size() / 2);
        QVERIFY(view->drawnLatticeSegments() > 0 && view->drawnLatticeSegments() < sampled);
        m_page->showStage(0);
        view->update();
        QVERIFY(!view->grabFramebuffer().isNull());
        QCOMPARE(view->drawnLatticeSegments() * 31, sampled);
        m_page->showStage(2);
        view->update();
        QVERIFY(!view->grabFramebuffer().isNull());
        QPointF hoverAt;
        QVERIFY(view->camera().toPixel(QVector3D(stage(7, 0), stage(7, 1), stage(7, 2)), &hoverAt));
        // Hovering there names a point of layer 2 with its class.
        sendMouse(view, QEvent::MouseMove, hoverAt, Qt::NoButton, Qt::NoButton);
        QVERIFY(view->hoveredPoint() >= 0);
        QVERIFY(view->hoverText().contains(QStringLiteral("class")));
        QVERIFY(view->hoverText().contains(QStringLiteral("layer 2")));
    }

    void playsEveryPassageInThreePhases()
    {
        Playhead *playhead = m_page->playhead();
        // Slow enough that every phase gets a few frames even on a loaded software renderer.
        playhead->setSecondsPerPhase(0.4);
        playhead->seek(0);
        // Every phase is passed through on the way.
        std::set<int> phases;
        connect(playhead, &Playhead::timeChanged, this,
                [&phases](double t) { phases.insert(static_cast<int>(std::floor(t))); });
        const qint64 framesBefore = m_page->view()->framesDrawn();
        m_page->view()->setFocus();
        QTest::keyClick(m_page->view(), Qt::Key_Space);
        QVERIFY(playhead->isMoving());
        QTRY_VERIFY_WITH_TIMEOUT(!playhead->isMoving(), 30000);
        QCOMPARE(playhead->time(), 12.0);
        QVERIFY2(phases.size() >= 12, qPrintable(QString::number(phases.size())));
        QCOMPARE(m_page->currentStage(), 4);
        QVERIFY(m_page->view()->framesDrawn() > framesBefore);
        // The arrow keys step a phase at a time; Home goes back to the input.
        playhead->setSecondsPerPhase(0.05);
        QTest::keyClick(m_page->view(), Qt::Key_Left);
        QTRY_COMPARE_WITH_TIMEOUT(playhead->time(), 11.0, 3000);
        QTest::keyClick(m_page->view(), Qt::Key_Home);
        QCOMPARE(playhead->time(), 0.0);
        QTest::keyClick(m_page->view(), Qt::Key_Right);
        QTRY_COMPARE_WITH_TIMEOUT(playhead->time(), 1.0, 3000);
        // Mid-phase, the points are on their way: at neither end of the linear map.
        playhead->seek(0.5);
        const auto &input = m_page->scene().stack().stage(0);
        const auto &linear = m_page->scene().stack().layer(1).linear;
        const std::vector<float> &drawn = m_page->view()->points();
        double fromInput = 0, fromLinear = 0;
        for (int c = 0; c < 3; ++c) {
            fromInput += std::abs(drawn[static_cast<std::size_t>(c)] - input(0, c));
            fromLinear += std::abs(drawn[static_cast<std::size_t>(c)] - linear(0, c));
        }
        QVERIFY(fromInput > 1e-4 && fromLinear > 1e-4);
        // At the phase's end, exactly x · W.
        playhead->seek(1.0);
        for (int c = 0; c < 3; ++c)
            QCOMPARE(m_page->view()->points()[static_cast<std::size_t>(c)], linear(0, c));
        QCOMPARE(m_page->currentStage(), 0);
    }

    void dragOrbitsWheelZoomsRightDragPans()
    {
        ManifoldView *view = m_page->view();
        OrbitCamera &camera = view->camera();
        const double yaw = camera.yaw(), pitch = camera.pitch(), distance = camera.distance();
        const QVector3D target = camera.target();
        const QPointF centre(view->width() / 2.0, view->height() / 2.0);
        drag(view, centre, centre + QPointF(100, 40), Qt::LeftButton);
        QVERIFY(std::abs(camera.yaw() - yaw) > 10);
        QVERIFY(std::abs(camera.pitch() - pitch) > 5);
        QWheelEvent wheel(centre, view->mapToGlobal(centre), QPoint(), QPoint(0, 240), Qt::NoButton,
                          Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(view, &wheel);
        QVERIFY(camera.distance() < distance * 0.9);
        drag(view, centre, centre + QPointF(60, 0), Qt::RightButton);
        QVERIFY((camera.target() - target).length() > 1e-3f);
        const QVector3D panned = camera.target();
        drag(view, centre, centre + QPointF(0, 60), Qt::LeftButton, Qt::ShiftModifier);
        QVERIFY((camera.target() - panned).length() > 1e-3f);
        QTest::mouseDClick(view, Qt::LeftButton, {}, centre.toPoint());
        QCOMPARE(camera.yaw(), yaw);
        QCOMPARE(camera.distance(), distance);
        QCOMPARE(camera.target(), target);
        // Auto-rotate turns the scene by itself.
        view->setFocus();
        QTest::keyClick(m_page->view(), Qt::Key_R);
        QVERIFY(view->autoRotate());
        QTRY_VERIFY(std::abs(camera.yaw() - yaw) > 1);
        QTest::keyClick(m_page->view(), Qt::Key_R);
        QVERIFY(!view->autoRotate());
    }

    void trainingSeparatesTheSheets()
    {
        QSignalSpy idle(m_page.get(), &UncrumplePage::trainingIdle);
        m_page->trainEpochs(300);
        QVERIFY(m_page->session()->isTraining());
        // The view stays responsive: an orbit while it trains is immediate.
        const double yaw = m_page->view()->camera().yaw();
        const QPointF centre(m_page->view()->width() / 2.0, m_page->view()->height() / 2.0);
        drag(m_page->view(), centre, centre + QPointF(80, 0), Qt::LeftButton);
        QVERIFY(m_page->view()->camera().yaw() != yaw);
        QVERIFY(idle.wait(120000));
        QCOMPARE(m_page->epochsTrained(), 300);
        QVERIFY2(m_page->accuracy() >= 0.97, qPrintable(QString::number(m_page->accuracy())));
        // The probe climbs: the last hidden layer is linearly separable.
        QTRY_VERIFY(m_page->layerList()->accuracies().size() == 5 &&
                    m_page->layerList()->accuracies()[3] >= 0.97);
        QVERIFY(m_page->layerList()->accuracies()[0] < m_page->layerList()->accuracies()[3]);
    }

    void stepTrainsOneEpoch()
    {
        QSignalSpy idle(m_page.get(), &UncrumplePage::trainingIdle);
        QPushButton *step = m_page->controls()->stepButton();
        step->click();
        QVERIFY(idle.wait(30000));
        QCOMPARE(m_page->epochsTrained(), 1);
        QCOMPARE(m_page->session()->state(), TrainSession::State::Paused);
        step->click();
        QVERIFY(idle.wait(30000));
        QCOMPARE(m_page->epochsTrained(), 2);
        // Reset: fresh weights, nothing trained.
        m_page->controls()->resetButton()->click();
        QCOMPARE(m_page->epochsTrained(), 0);
        QTRY_COMPARE(m_page->session()->state(), TrainSession::State::Idle);
        QCOMPARE(m_page->epochsTrained(), 0);
    }

    void nestedSpheresNeedWidthFour()
    {
        UncrumpleControls *controls = m_page->controls();
        controls->setDataKind(core::manifold::DataKind::Spheres);
        auto *warning = controls->findChild<QLabel *>(QStringLiteral("warning"));
        QVERIFY(warning);
        QVERIFY(warning->isVisible());
        QVERIFY(warning->text().contains(QStringLiteral("cannot untangle")));
        emit warning->linkActivated(QStringLiteral("widen"));
        QVERIFY(!warning->isVisible());
        QCOMPARE(m_page->scene().stack().stage(1).cols(), 4);
        // A 4-wide layer is shown by PCA (the view says so).
        m_page->showStage(1);
        QCOMPARE(m_page->view()->pointCount(), 2000);
    }

    void fitsAProjectorInPresentationMode_data()
    {
        QTest::addColumn<QSize>("projector");
        QTest::newRow("1280 x 800") << QSize(1280, 800);
        QTest::newRow("1024 x 768") << QSize(1024, 768);
    }

    void fitsAProjectorInPresentationMode()
    {
        // In the main window on a projector, after training: the window keeps the screen's size,
        // nothing is clipped, and the curves take the projector's darker colours and thicker
        // lines.
        QFETCH(QSize, projector);
        m_page.reset(); // this test's page lives in the window
        MainWindow window(m_context.get());
        window.resize(projector);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.showPage(QStringLiteral("uncrumple")));
        auto *page = qobject_cast<UncrumplePage *>(window.currentPage());
        QVERIFY(page);
        m_context->setPresentationMode(true);
        QSignalSpy idle(page, &UncrumplePage::trainingIdle);
        page->trainEpochs(3);
        QVERIFY(idle.wait(30000));
        QTest::qWait(100);
        // The form's rows whole: its spin boxes were cut to half their height here.
        QVERIFY2(page->controls()->height() >= page->controls()->minimumSizeHint().height(),
                 qPrintable(QStringLiteral("%1 < %2")
                                .arg(page->controls()->height())
                                .arg(page->controls()->minimumSizeHint().height())));
        QCOMPARE(window.size(), projector);
        const QStringList clipped = testing::clippedWidgets(&window);
        QVERIFY2(clipped.isEmpty(), qPrintable(clipped.join(QStringLiteral("\n"))));
        QCOMPARE(page->curves()->curveColour(0), ui::palette::lossCurve(true));
        QCOMPARE(page->curves()->curveColour(1), ui::palette::accuracyCurve(true));
        QCOMPARE(page->curves()->lineScale(), AppContext::kPresentationScale);
        m_context->setPresentationMode(false);
        QCOMPARE(page->curves()->curveColour(1), ui::palette::accuracyCurve(false));
    }

    void twoDimensionalDataIsFlat()
    {
        m_page->controls()->setDataKind(core::manifold::DataKind::Spirals);
        QCOMPARE(m_page->scene().dims(), 2);
        QCOMPARE(m_page->scene().stack().stage(1).cols(), 2);
        QCOMPARE(m_page->view()->camera().pitch(), 0.0);
        QVERIFY(!m_page->scene().cells().empty());
    }

private:
    std::unique_ptr<DataStore> m_store;
    std::unique_ptr<AppContext> m_context;
    std::unique_ptr<UncrumplePage> m_page;
};

UNCRUMPLE_GL_TEST_MAIN(TestUncrumplePage)

#include "tst_uncrumplepage.moc"
