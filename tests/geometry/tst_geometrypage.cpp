// The Geometry page under a real OpenGL context (xvfb-run + Mesa): the plane draws its grids where
// the chain puts them, a drag moves a vector and updates T(v) live, the animation runs through its
// phases, the keyboard steps, a bad matrix entry loses nothing, undo/redo/reset, export, ReLU
// folding of the point cloud on the GPU. Where no GL context can be made, the test exits with 77,
// which CTest reports as skipped.

#include "common/clipping.h"
#include "common/gltestmain.h"
#include "core/geometry/chain.h"
#include "core/geometry/pointcloud.h"
#include "ui/common/codepanel.h"
#include "ui/common/glcheck.h"
#include "ui/common/numberformat.h"
#include "ui/common/playhead.h"
#include "ui/geometry/chainpanel.h"
#include "ui/geometry/figurepresets.h"
#include "ui/geometry/geometrymodel.h"
#include "ui/geometry/geometrypage.h"
#include "ui/geometry/numberentry.h"
#include "ui/geometry/planeview.h"
#include "ui/geometry/vectorpanel.h"
#include "ui/shell/appcontext.h"
#include "ui/shell/datastore.h"
#include "ui/shell/mainwindow.h"

#include <QApplication>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMouseEvent>
#include <QOffscreenSurface>
#include <QOpenGLContext>
#include <QPalette>
#include <QSignalSpy>
#include <QSurfaceFormat>
#include <QTest>
#include <QToolButton>
#include <QUndoStack>
#include <QWheelEvent>
#include <cstdio>
#include <limits>
#include <memory>
#include <numbers>
#include <utility>

using namespace ui;
using core::geometry::Transform;

Q_DECLARE_METATYPE(core::geometry::Chain)

namespace {

Eigen::Matrix2d mat(double a, double b, double c, double d)
{
    Eigen::Matrix2d m;
    m << a, b, c, d;
    return m;
}

// The most "warped-grid blue" pixel in a 5 by 5 neighbourhood: blue well above red.
int blueness(const QImage &image, QPoint p)
{
    int best = -255;
    for (int dy = -2; dy <= 2; ++dy)
        for (int dx = -2; dx <= 2; ++dx) {
            const QPoint q = p + QPoint(dx, dy);
            if (!image.rect().contains(q)) continue;
            const QColor c = image.pixelColor(q);
            best = std::max(best, c.blue() - c.red());
        }
    return best;
}

void sendMouse(QWidget *w, QEvent::Type type, QPointF pos, Qt::MouseButtons buttons,
               Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    const Qt::MouseButton button = type == QEvent::MouseMove ? Qt::NoButton : Qt::LeftButton;
    QMouseEvent event(type, pos, w->mapToGlobal(pos), button, buttons, modifiers);
    QApplication::sendEvent(w, &event);
}

} // namespace

class TestGeometryPage : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void gridFollowsChain_data();
    void gridFollowsChain();
    void dragUpdatesImage_data();
    void dragUpdatesImage();
    void shiftSnapsToGrid();
    void dragColumnEditsW();
    void hoverShowsCoordinates();
    void playRunsEveryPhase();
    void advanceMovesOnlyAPlayingHead();
    void keyboardSteps();
    void editorFollowsThePlayedStep();
    void badEntryKeepsLastValue();
    void undoRedoReset();
    void exportImageIsThePlane();
    void reluFoldsCloudOnGpu();
    void presentationThickensLines();
    void captionKeepsArrowTipsVisible();
    void chainPanelAddsRemovesReorders();
    void codeFollowsTheChain_data();
    void codeFollowsTheChain();
    void followsDarkPalette();
    void badVectorEntryKeepsVector();
    void hoverFindsCloudPoint();
    void figuresLoadAndPlay();
    void extremeMapsDoNotBreak_data();
    void extremeMapsDoNotBreak();
    void panAndZoom();
    void fitsAProjectorInPresentationMode_data();
    void fitsAProjectorInPresentationMode();
    void labelsNeverCollide_data();
    void labelsNeverCollide();

private:
    // A plain starting point: no vectors, no unit square, no cloud.
    void setChain(const core::geometry::Chain &chain, bool vectors = false);
    QImage frame();
    QPoint pixelOf(const Eigen::Vector2d &world);

    std::unique_ptr<DataStore> m_store;
    std::unique_ptr<AppContext> m_context;
    std::unique_ptr<GeometryPage> m_page;
};

void TestGeometryPage::init()
{
    m_store = std::make_unique<DataStore>();
    m_context = std::make_unique<AppContext>(m_store.get());
    m_page = std::make_unique<GeometryPage>(m_context.get());
    m_page->resize(1200, 800);
    m_page->show();
    m_page->activateWindow();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    // Page shortcuts (Space, arrows) need the window to be the active one.
    QVERIFY(QTest::qWaitForWindowActive(m_page.get()));
    QVERIFY2(m_page->plane()->glError().isEmpty(), qPrintable(m_page->plane()->glError()));
}

void TestGeometryPage::cleanup()
{
    m_page.reset();
    m_context.reset();
    m_store.reset();
}

void TestGeometryPage::setChain(const core::geometry::Chain &chain, bool vectors)
{
    GeometryState s = m_page->model()->state();
    s.chain = chain;
    s.showSquare = false;
    s.showSum = false;
    s.cloud = CloudKind::None;
    if (!vectors) s.vectors.clear();
    m_page->model()->edit(s, QStringLiteral("test"));
    m_page->playhead()->seekEnd();
    m_page->plane()->resetView();
}

QImage TestGeometryPage::frame()
{
    const QImage image = m_page->plane()->grabFramebuffer();
    // UNCRUMPLE_TEST_FRAMES=dir keeps every grabbed frame, to look at when a check fails.
    static int counter = 0;
    if (const QByteArray dir = qgetenv("UNCRUMPLE_TEST_FRAMES"); !dir.isEmpty())
        image.save(
            QStringLiteral("%1/%2-%3.png")
                .arg(QString::fromLocal8Bit(dir), QString::fromLatin1(QTest::currentTestFunction()))
                .arg(counter++));
    return image;
}

// The pixel of a grabbed frame at world: grabFramebuffer() is in device pixels.
QPoint TestGeometryPage::pixelOf(const Eigen::Vector2d &world)
{
    PlaneView *plane = m_page->plane();
    return (plane->camera().toPixel(world) * plane->devicePixelRatioF()).toPoint();
}

void TestGeometryPage::gridFollowsChain_data()
{
    QTest::addColumn<core::geometry::Chain>("chain");
    QTest::newRow("identity") << core::geometry::Chain{};
    QTest::newRow("rotation 30") << core::geometry::Chain{Transform::rotate(std::numbers::pi / 6)};
    QTest::newRow("scaling") << core::geometry::Chain{Transform::scaleBy(1.5, 0.5)};
    QTest::newRow("shear + shift")
        << core::geometry::Chain{Transform::affineMap(mat(1, 0.5, 0, 1), {0.5, -0.5})};
    QTest::newRow("affine + relu")
        << core::geometry::Chain{Transform::affineMap(mat(1, -0.5, 0.5, 1), {0.5, 0.5}, true)};
}

void TestGeometryPage::gridFollowsChain()
{
    QFETCH(core::geometry::Chain, chain);
    setChain(chain);
    const QImage image = frame();
    QCOMPARE(image.size(), m_page->plane()->size() * m_page->plane()->devicePixelRatioF());
    const auto stages = core::geometry::fullStages(chain);
    // Points on the lines x = 1 and y = 1 of the input grid land on a warped (blue) line...
    for (const Eigen::Vector2d &p :
         {Eigen::Vector2d(1.0, 0.3), Eigen::Vector2d(-0.7, 1.0), Eigen::Vector2d(1.0, 1.6)}) {
        const Eigen::Vector2d q = core::geometry::applyStages(stages, p);
        QVERIFY2(blueness(image, pixelOf(q)) > 30,
                 qPrintable(
                     QString("no warped grid at T%1 = %2").arg(formatVector(p), formatVector(q))));
    }
    // ...and the middle of a cell that the map keeps open does not.
    if (!core::geometry::hasRelu(chain)) {
        const Eigen::Vector2d q = core::geometry::applyStages(stages, {1.5, 1.5});
        QVERIFY2(blueness(image, pixelOf(q)) < 10, qPrintable(formatVector(q)));
    }
    // The still background: white or near-white somewhere off every line.
    const QColor corner =
        image.pixelColor(pixelOf(core::geometry::applyStages(stages, {0.25, 0.25})));
    QVERIFY(corner.lightness() > 200);
}

void TestGeometryPage::dragUpdatesImage_data()
{
    QTest::addColumn<core::geometry::Chain>("chain");
    QTest::addColumn<Eigen::Vector2d>("target");
    QTest::newRow("identity") << core::geometry::Chain{} << Eigen::Vector2d(-1.0, 2.0);
    QTest::newRow("rotation 90") << core::geometry::Chain{Transform::rotate(std::numbers::pi / 2)}
                                 << Eigen::Vector2d(1.5, 0.5);
    QTest::newRow("affine + relu")
        << core::geometry::Chain{Transform::affineMap(mat(1, 0, 0, 1), {-1, 0}, true)}
        << Eigen::Vector2d(0.5, -1.0);
}

void TestGeometryPage::dragUpdatesImage()
{
    QFETCH(core::geometry::Chain, chain);
    QFETCH(Eigen::Vector2d, target);
    setChain(chain, true);
    PlaneView *plane = m_page->plane();
    QUndoStack *undo = m_page->model()->undoStack();
    const int steps = undo->count();
    const Eigen::Vector2d start = m_page->model()->state().vectors.at(0);

    const QPointF from = plane->camera().toPixel(start);
    const QPointF to = plane->camera().toPixel(target);
    sendMouse(plane, QEvent::MouseButtonPress, from, Qt::LeftButton);
    // Live: half-way through the drag, T(v) already follows.
    const QPointF middle = (from + to) / 2;
    sendMouse(plane, QEvent::MouseMove, middle, Qt::LeftButton);
    const Eigen::Vector2d halfway = m_page->model()->state().vectors.at(0);
    QVERIFY((halfway - (start + target) / 2).norm() < 0.05);
    const Eigen::Vector2d halfImage = core::geometry::applyStages(plane->stages(), halfway);
    QVERIFY2(m_page->vectorPanel()->imageText(0).contains(formatVector(halfImage)),
             qPrintable(m_page->vectorPanel()->imageText(0)));
    sendMouse(plane, QEvent::MouseMove, to, Qt::LeftButton);
    sendMouse(plane, QEvent::MouseButtonRelease, to, Qt::NoButton);

    const Eigen::Vector2d v = m_page->model()->state().vectors.at(0);
    QVERIFY2((v - target).norm() < 0.02, qPrintable(formatVector(v, 4)));
    const Eigen::Vector2d image = core::geometry::applyStages(core::geometry::fullStages(chain), v);
    QVERIFY2(m_page->vectorPanel()->imageText(0).contains(formatVector(image)),
             qPrintable(m_page->vectorPanel()->imageText(0) + " vs " + formatVector(image)));
    // The whole drag is one undo step.
    QCOMPARE(undo->count(), steps + 1);
    undo->undo();
    QCOMPARE(m_page->model()->state().vectors.at(0), start);
}

void TestGeometryPage::shiftSnapsToGrid()
{
    setChain({}, true);
    PlaneView *plane = m_page->plane();
    const QPointF from = plane->camera().toPixel(m_page->model()->state().vectors.at(0));
    const QPointF to = plane->camera().toPixel({-1.13, 2.91});
    sendMouse(plane, QEvent::MouseButtonPress, from, Qt::LeftButton, Qt::ShiftModifier);
    sendMouse(plane, QEvent::MouseMove, to, Qt::LeftButton, Qt::ShiftModifier);
    sendMouse(plane, QEvent::MouseButtonRelease, to, Qt::NoButton, Qt::ShiftModifier);
    QCOMPARE(m_page->model()->state().vectors.at(0), Eigen::Vector2d(-1.0, 3.0));
}

void TestGeometryPage::dragColumnEditsW()
{
    // A single affine step at its end: the tip of the warped e1 is W·e1 + b, and dragging it
    // sets W's first column.
    const Eigen::Vector2d b(0.5, 0.25);
    setChain({Transform::affineMap(mat(1, 0, 0, 1), b)});
    m_page->selectStep(0);
    PlaneView *plane = m_page->plane();
    const QPointF from = plane->camera().toPixel(Eigen::Vector2d(1, 0) + b);
    const QPointF to = plane->camera().toPixel(Eigen::Vector2d(2, 1) + b);
    sendMouse(plane, QEvent::MouseButtonPress, from, Qt::LeftButton);
    sendMouse(plane, QEvent::MouseMove, to, Qt::LeftButton);
    sendMouse(plane, QEvent::MouseButtonRelease, to, Qt::NoButton);
    const Eigen::Matrix2d W = m_page->model()->state().chain.at(0).W;
    QVERIFY2((W.col(0) - Eigen::Vector2d(2, 1)).norm() < 0.02,
             qPrintable(formatVector(W.col(0), 4)));
    QCOMPARE(W.col(1), Eigen::Vector2d(0, 1));
}

void TestGeometryPage::hoverShowsCoordinates()
{
    setChain({Transform::scaleBy(2, 2)}, true);
    PlaneView *plane = m_page->plane();
    const Eigen::Vector2d v = m_page->model()->state().vectors.at(0);
    sendMouse(plane, QEvent::MouseMove, plane->camera().toPixel(v), Qt::NoButton);
    QVERIFY2(plane->hoverText().contains(formatVector(v, 4)), qPrintable(plane->hoverText()));
    QVERIFY2(plane->hoverText().contains(formatVector(2 * v, 4)), qPrintable(plane->hoverText()));
    sendMouse(plane, QEvent::MouseMove, plane->camera().toPixel({-2.5, -2.5}), Qt::NoButton);
    QVERIFY2(plane->hoverText().contains(QStringLiteral("-2.5")), qPrintable(plane->hoverText()));
}

void TestGeometryPage::playRunsEveryPhase()
{
    setChain({Transform::affineMap(mat(0, -1, 1, 0), {1, 1}, true), Transform::rotate(0.5)}, true);
    Playhead *playhead = m_page->playhead();
    QCOMPARE(playhead->phaseCount(), 4);
    playhead->setSecondsPerPhase(0.5);
    playhead->seek(0);
    QSignalSpy times(playhead, &Playhead::timeChanged);
    QSignalSpy moving(playhead, &Playhead::movingChanged);
    auto *play = m_page->findChild<QToolButton *>(QStringLiteral("play"));
    QVERIFY(play);
    const QString playTip = play->toolTip();
    playhead->play();
    QVERIFY(playhead->isMoving());
    // The button offers Pause while playing (its icon is set when that changes, not each frame).
    QCOMPARE(play->toolTip(), QStringLiteral("Pause (Space)"));
    QTRY_VERIFY_WITH_TIMEOUT(!playhead->isMoving(), 5000);
    QCOMPARE(playhead->time(), 4.0);
    QCOMPARE(play->toolTip(), playTip);
    QVERIFY(times.count() > 4); // it moved through, not jumped (loose: CI machines are busy)
    // Times only increase while playing forward.
    double last = 0;
    for (const auto &args : times) {
        QVERIFY(args.at(0).toDouble() >= last);
        last = args.at(0).toDouble();
    }
    // The plane shows the whole chain at the end.
    const Eigen::Vector2d v = m_page->model()->state().vectors.at(0);
    QVERIFY(
        (core::geometry::applyStages(m_page->plane()->stages(), v) -
         core::geometry::applyStages(core::geometry::fullStages(m_page->model()->state().chain), v))
            .norm() < 1e-12);
}

void TestGeometryPage::advanceMovesOnlyAPlayingHead()
{
    // The benchmarks pace a playing head frame by frame with advance().
    setChain({Transform::rotate(0.5), Transform::scaleBy(2, 1)});
    Playhead *playhead = m_page->playhead();
    QCOMPARE(playhead->phaseCount(), 2);
    playhead->seek(0.5);
    playhead->advance(0.25);
    QCOMPARE(playhead->time(), 0.5);   // still: nothing
    playhead->setSecondsPerPhase(1e9); // its own ticks add nothing measurable
    playhead->play();
    playhead->advance(0.25);
    QVERIFY(qAbs(playhead->time() - 0.75) < 1e-6);
    QVERIFY(playhead->isMoving());
    playhead->advance(std::numeric_limits<double>::quiet_NaN());
    QVERIFY(qAbs(playhead->time() - 0.75) < 1e-6);
    playhead->advance(-1.0); // never backwards against its direction
    QVERIFY(qAbs(playhead->time() - 0.75) < 1e-6);
    playhead->advance(5.0); // not past the end, where it stops
    QCOMPARE(playhead->time(), 2.0);
    QVERIFY(!playhead->isMoving());
    // Stepping back moves it down, to the boundary and no further.
    playhead->stepBack();
    QVERIFY(playhead->isMoving());
    playhead->advance(0.25);
    QVERIFY(qAbs(playhead->time() - 1.75) < 1e-6);
    playhead->advance(5.0);
    QCOMPARE(playhead->time(), 1.0);
    QVERIFY(!playhead->isMoving());
}

void TestGeometryPage::editorFollowsThePlayedStep()
{
    // A rotation, a scaling (one phase each), then W = [[1, 2], [3, 4]] and its shift (two).
    setChain({Transform::rotate(0.5), Transform::scaleBy(2, 1),
              Transform::affineMap(mat(1, 2, 3, 4), {0, 0}, false)});
    m_page->selectStep(0);
    auto *w01 = m_page->findChild<NumberEntry *>(QStringLiteral("w01"));
    QVERIFY(w01);
    Playhead *playhead = m_page->playhead();
    QCOMPARE(playhead->phaseCount(), 4);
    playhead->setSecondsPerPhase(0.8);
    playhead->seek(0);
    playhead->play();
    // While step 2 plays the editor shows step 2, then step 3 and its W.
    QTRY_VERIFY_WITH_TIMEOUT(m_page->selectedStep() == 1 || !playhead->isMoving(), 5000);
    QVERIFY(playhead->isMoving());
    QCOMPARE(m_page->selectedStep(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(m_page->selectedStep(), 2, 5000);
    QVERIFY(w01->isVisible());
    QCOMPARE(w01->value(), 2.0);
    QTRY_VERIFY_WITH_TIMEOUT(!playhead->isMoving(), 5000);
    QCOMPARE(m_page->selectedStep(), 2);
    // A still playhead inside a step selects it too; at a boundary the selection stays.
    playhead->seek(0.5);
    QCOMPARE(m_page->selectedStep(), 0);
    playhead->seek(2.0);
    QCOMPARE(m_page->selectedStep(), 0);
}

void TestGeometryPage::keyboardSteps()
{
    setChain({Transform::affineMap(mat(2, 0, 0, 2), {1, 0}, true)});
    Playhead *playhead = m_page->playhead();
    playhead->setSecondsPerPhase(0.05);
    playhead->seek(0);
    m_page->plane()->setFocus();
    QTest::keyClick(m_page->plane(), Qt::Key_Right);
    QTRY_COMPARE_WITH_TIMEOUT(playhead->time(), 1.0, 3000);
    QTest::keyClick(m_page->plane(), Qt::Key_Right);
    QTRY_COMPARE_WITH_TIMEOUT(playhead->time(), 2.0, 3000);
    QTest::keyClick(m_page->plane(), Qt::Key_Left);
    QTRY_COMPARE_WITH_TIMEOUT(playhead->time(), 1.0, 3000);
    QTest::keyClick(m_page->plane(), Qt::Key_Space);
    QTRY_COMPARE_WITH_TIMEOUT(playhead->time(), 3.0, 3000);
    QTest::keyClick(m_page->plane(), Qt::Key_Home);
    QCOMPARE(playhead->time(), 0.0);
    QTest::keyClick(m_page->plane(), Qt::Key_End);
    QCOMPARE(playhead->time(), 3.0);
}

void TestGeometryPage::badEntryKeepsLastValue()
{
    setChain({Transform::affineMap(mat(1, 0.5, 0, 1), {0, 0})});
    m_page->selectStep(0);
    auto *entry = m_page->findChild<NumberEntry *>(QStringLiteral("w01"));
    QVERIFY(entry);
    auto *message = m_page->findChild<QLabel *>(QStringLiteral("transformError"));
    QVERIFY(message);
    entry->setFocus();
    entry->selectAll();
    QTest::keyClicks(entry, QStringLiteral("1..5"));
    QCOMPARE(entry->text(), QStringLiteral("1..5")); // what was typed stays
    QVERIFY(!entry->isValid());
    QVERIFY(message->isVisibleTo(m_page.get()));
    QVERIFY2(message->text().contains(QStringLiteral("W[0, 1]")), qPrintable(message->text()));
    QVERIFY2(message->text().contains(QStringLiteral("not a number")), qPrintable(message->text()));
    // The step keeps its last valid value (the "1." typed on the way counts as 1).
    QCOMPARE(m_page->model()->state().chain.at(0).W(0, 1), 1.0);
    entry->selectAll();
    QTest::keyClicks(entry, QStringLiteral("-1/4"));
    QVERIFY(entry->isValid());
    QVERIFY(!message->isVisibleTo(m_page.get()));
    QCOMPARE(m_page->model()->state().chain.at(0).W(0, 1), -0.25);
    // One entry, one undo step, however many keystrokes.
    QTest::keyClick(entry, Qt::Key_Return);
    m_page->model()->undoStack()->undo();
    QCOMPARE(m_page->model()->state().chain.at(0).W(0, 1), 0.5);
}

void TestGeometryPage::undoRedoReset()
{
    GeometryModel *model = m_page->model();
    const GeometryState initial = model->state();
    GeometryState s = initial;
    s.chain.push_back(Transform::rotate(1.0));
    model->edit(s, QStringLiteral("add"));
    s.vectors.push_back({3, 3});
    model->edit(s, QStringLiteral("vector"));
    QCOMPARE(model->state().vectors.size(), initial.vectors.size() + 1);
    model->undoStack()->undo();
    QCOMPARE(model->state().vectors.size(), initial.vectors.size());
    model->undoStack()->undo();
    QVERIFY(model->state() == initial);
    model->undoStack()->redo();
    QCOMPARE(model->state().chain.size(), initial.chain.size() + 1);
    model->reset();
    QVERIFY(model->state() == GeometryState::defaults());
    model->undoStack()->undo(); // reset is undoable too
    QCOMPARE(model->state().chain.size(), initial.chain.size() + 1);
}

void TestGeometryPage::exportImageIsThePlane()
{
    const QImage image = m_page->exportImage();
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), m_page->plane()->size() * m_page->plane()->devicePixelRatioF());
}

void TestGeometryPage::reluFoldsCloudOnGpu()
{
    // Moons (blue and orange) moved down-left by (-0.5, -0.5), then ReLU: nothing stays in the
    // open third quadrant, and the folded points pile up on the axes.
    setChain({Transform::affineMap(mat(1, 0, 0, 1), {-0.5, -0.5}, true)});
    GeometryState s = m_page->model()->state();
    s.cloud = CloudKind::Moons;
    s.cloudCount = 100000;
    s.showGrid = false;
    m_page->model()->edit(s, QStringLiteral("cloud"));
    m_page->playhead()->seekEnd();
    const QImage image = frame();
    auto isCloud = [](const QColor &c) { return c.saturation() > 90 && c.lightness() < 200; };
    int inside = 0, onAxes = 0;
    // (Away from x = -0.5 and y = -0.5, where the step's own W·e + b handles are drawn.)
    for (double x = -1.4; x <= -0.7; x += 0.02)
        for (double y = -1.4; y <= -0.7; y += 0.02)
            inside += isCloud(image.pixelColor(pixelOf({x, y})));
    for (double t = 0.1; t <= 1.0; t += 0.05)
        onAxes +=
            isCloud(image.pixelColor(pixelOf({t, 0}))) + isCloud(image.pixelColor(pixelOf({0, t})));
    QCOMPARE(inside, 0);
    QVERIFY2(onAxes > 10, qPrintable(QString::number(onAxes)));
    // Half-way through the ReLU phase the third quadrant is not empty yet.
    m_page->playhead()->seek(2.5);
    const QImage halfway = frame();
    int moving = 0;
    // (The left end of the upper moon, on its way from (-2, -0.75) to (0, 0).)
    for (double x = -1.1; x <= -0.6; x += 0.02)
        for (double y = -0.45; y <= -0.2; y += 0.02)
            moving += isCloud(halfway.pixelColor(pixelOf({x, y})));
    QVERIFY(moving > 0);
}

void TestGeometryPage::presentationThickensLines()
{
    setChain({});
    auto axisWidth = [this] {
        // The ink across the x axis (y = 0), away from arrows and labels: the sum of darkness.
        const QImage image = frame();
        const QPoint p = pixelOf({-2.7, 0});
        double ink = 0;
        for (int dy = -10; dy <= 10; ++dy)
            ink += (255 - image.pixelColor(p + QPoint(0, dy)).lightness()) / 255.0;
        return ink;
    };
    const double normal = axisWidth();
    m_context->setPresentationMode(true);
    const double presenting = axisWidth();
    // Lines scale by AppContext::kPresentationScale (1.5).
    QVERIFY2(presenting > 1.3 * normal,
             qPrintable(QString("%1 vs %2").arg(presenting).arg(normal)));
}

void TestGeometryPage::captionKeepsArrowTipsVisible()
{
    // The "Applied" caption lives in the top-right corner. A vector ending there (on a projector,
    // T(v1 + v2) of the page's own example did) sends it to the bottom-right corner instead.
    for (const bool presenting : {false, true}) {
        m_context->setPresentationMode(presenting);
        setChain({Transform::scaleBy(1, 1)});
        QVERIFY(!frame().isNull());
        const QRectF home = m_page->plane()->captionRect();
        QVERIFY(!home.isEmpty());
        QVERIFY(home.bottom() < m_page->plane()->height() / 2);

        GeometryState s = m_page->model()->state();
        s.vectors = {m_page->plane()->camera().toWorld(home.center())};
        m_page->model()->edit(s, QStringLiteral("test"));
        QVERIFY(!frame().isNull());
        const QRectF caption = m_page->plane()->captionRect();
        QVERIFY(caption.top() > m_page->plane()->height() / 2);
        const Scene &scene = m_page->plane()->scene();
        QVERIFY(!scene.handles.empty());
        for (const Handle &handle : scene.handles)
            QVERIFY(!caption.contains(m_page->plane()->camera().toPixel(handle.world)));
        for (const SceneLabel &label : scene.labels)
            QVERIFY2(!caption.contains(label.at), qPrintable(label.text));
    }
}

void TestGeometryPage::chainPanelAddsRemovesReorders()
{
    setChain({});
    auto *add = m_page->findChild<QToolButton *>(QStringLiteral("addStep"));
    auto *list = m_page->findChild<QListWidget *>(QStringLiteral("chainList"));
    QVERIFY(add && add->menu() && list);
    const auto actions = add->menu()->actions();
    QCOMPARE(actions.size(), 5); // translation, rotation, scaling, affine, affine + ReLU
    actions.at(1)->trigger();    // rotation
    actions.at(0)->trigger();    // translation
    const auto &chain = [this]() -> const core::geometry::Chain & {
        return m_page->model()->state().chain;
    };
    QCOMPARE(chain().size(), std::size_t(2));
    QVERIFY(chain()[0].kind == core::geometry::TransformKind::Rotation);
    QVERIFY(chain()[1].kind == core::geometry::TransformKind::Translation);
    QCOMPARE(list->count(), 2);
    QCOMPARE(m_page->selectedStep(), 1); // the new step is selected
    QCOMPARE(m_page->playhead()->phaseCount(), 2);
    // Adding a step plays it from where the chain was.
    QVERIFY(m_page->playhead()->isMoving() || m_page->playhead()->time() > 1.0);

    // Move the translation up: now it is applied first.
    for (QToolButton *b : m_page->findChildren<QToolButton *>())
        if (b->text() == QStringLiteral("▲")) b->click();
    QVERIFY(chain()[0].kind == core::geometry::TransformKind::Translation);
    QVERIFY(chain()[1].kind == core::geometry::TransformKind::Rotation);
    QCOMPARE(m_page->selectedStep(), 0);
    const Eigen::Vector2d x(1, 0);
    const Eigen::Vector2d moved =
        core::geometry::applyStages(core::geometry::fullStages(chain()), x);
    QVERIFY(
        (moved - core::geometry::rotation(std::numbers::pi / 6).apply(x + Eigen::Vector2d(1, 0.5)))
            .norm() < 1e-12);

    for (QToolButton *b : m_page->findChildren<QToolButton *>())
        if (b->text() == QStringLiteral("Remove")) b->click();
    QCOMPARE(chain().size(), std::size_t(1));
    QVERIFY(chain()[0].kind == core::geometry::TransformKind::Rotation);
    m_page->model()->undoStack()->undo(); // the removal
    m_page->model()->undoStack()->undo(); // the move
    QVERIFY(chain()[0].kind == core::geometry::TransformKind::Rotation);
    QCOMPARE(chain().size(), std::size_t(2));
}

void TestGeometryPage::codeFollowsTheChain_data()
{
    QTest::addColumn<core::geometry::Chain>("chain");
    QTest::addColumn<QStringList>("lines");
    QTest::newRow("rotation") << core::geometry::Chain{Transform::rotate(std::numbers::pi / 6)}
                              << QStringList{"theta = np.radians(30.0)",
                                             "np.cos(theta), -np.sin(theta)", "x = R @ x"};
    QTest::newRow("translation") << core::geometry::Chain{Transform::translate({1, -2})}
                                 << QStringList{"t = np.array([1.0, -2.0])", "x = x + t"};
    QTest::newRow("scaling") << core::geometry::Chain{Transform::scaleBy(2, 0.5)}
                             << QStringList{"S = np.array([[2.0, 0.0],", "x = S @ x"};
    QTest::newRow("relu") << core::geometry::Chain{Transform::affineMap(mat(1, -0.25, 0.5, 1),
                                                                        {0.5, 0}, true)}
                          << QStringList{"W = np.array([[1.0, -0.25],", "b = np.array([0.5, 0.0])",
                                         "x = np.maximum(W @ x + b, 0.0)"};
    QTest::newRow("two steps") << core::geometry::Chain{Transform::rotate(0),
                                                        Transform::scaleBy(1, 3)}
                               << QStringList{"x = R1 @ x", "x = S2 @ x",
                                              "np.linalg.det(R1) * np.linalg.det(S2)"};
}

void TestGeometryPage::codeFollowsTheChain()
{
    QFETCH(core::geometry::Chain, chain);
    QFETCH(QStringList, lines);
    setChain(chain, true);
    const QString code = m_page->codePanel()->code();
    for (const QString &line : lines)
        QVERIFY2(code.contains(line),
                 qPrintable(line + QStringLiteral("\n--- not in ---\n") + code));
    QVERIFY(code.contains(QStringLiteral("v1 = np.array([2.0, 1.0])")));
}

void TestGeometryPage::followsDarkPalette()
{
    setChain({});
    const QColor light = frame().pixelColor(pixelOf({0.25, 0.25}));
    QPalette dark = m_page->palette();
    dark.setColor(QPalette::Window, QColor(30, 30, 30));
    dark.setColor(QPalette::Base, QColor(20, 20, 20));
    dark.setColor(QPalette::Text, QColor(230, 230, 230));
    m_page->setPalette(dark);
    const QColor ground = frame().pixelColor(pixelOf({0.25, 0.25}));
    QVERIFY2(light.lightness() > 200 && ground.lightness() < 60,
             qPrintable(QString("%1 then %2").arg(light.name(), ground.name())));
}

void TestGeometryPage::badVectorEntryKeepsVector()
{
    setChain({}, true);
    auto *x = m_page->findChild<NumberEntry *>(QStringLiteral("v1x"));
    QVERIFY(x);
    const Eigen::Vector2d before = m_page->model()->state().vectors.at(0);
    x->setFocus();
    x->selectAll();
    QTest::keyClicks(x, QStringLiteral("2,5"));
    QVERIFY(!x->isValid());
    QVERIFY2(x->errorText().contains(QStringLiteral("dot")), qPrintable(x->errorText()));
    QCOMPARE(x->text(), QStringLiteral("2,5"));
    QCOMPARE(m_page->model()->state().vectors.at(0).y(), before.y());
    QCOMPARE(m_page->model()->state().vectors.at(0).x(), 2.0); // "2" was valid on the way
    x->selectAll();
    QTest::keyClicks(x, QStringLiteral("sqrt(2)"));
    QCOMPARE(m_page->model()->state().vectors.at(0).x(), std::sqrt(2.0));
    QVERIFY(m_page->vectorPanel()->imageText(0).contains(QStringLiteral("1.41")));
}

void TestGeometryPage::hoverFindsCloudPoint()
{
    setChain({Transform::scaleBy(2, 2)});
    GeometryState s = m_page->model()->state();
    s.cloud = CloudKind::Letter;
    s.cloudCount = 1000;
    m_page->model()->edit(s, QStringLiteral("cloud"));
    m_page->playhead()->seekEnd();
    // The letter's stem spans x in [-0.7, -0.3]: scaled by 2, a point is near (-1, 0).
    PlaneView *plane = m_page->plane();
    sendMouse(plane, QEvent::MouseMove, plane->camera().toPixel({-1.0, 0.0}), Qt::NoButton);
    QVERIFY2(plane->hoverText().startsWith(QStringLiteral("point ")),
             qPrintable(plane->hoverText()));
    QVERIFY2(plane->hoverText().contains(QStringLiteral("of 1,000")),
             qPrintable(plane->hoverText()));
}

void TestGeometryPage::figuresLoadAndPlay()
{
    auto *figures = m_page->findChild<QToolButton *>(QStringLiteral("figures"));
    QVERIFY(figures && figures->menu());
    const auto actions = figures->menu()->actions();
    QCOMPARE(actions.size(), static_cast<qsizetype>(figurePresets().size()));
    for (int i = 0; i < actions.size(); ++i) {
        actions.at(i)->trigger();
        const FigurePreset &preset = figurePresets()[static_cast<std::size_t>(i)];
        QVERIFY2(m_page->model()->state() == preset.state, qPrintable(preset.title));
        // A figure with transforms plays from the identity.
        if (!preset.state.chain.empty()) QVERIFY(m_page->playhead()->isMoving());
        QVERIFY(!frame().isNull());
    }
    m_page->model()->undoStack()->undo(); // loading a figure is one undoable step
    QVERIFY(m_page->model()->state() == figurePresets()[figurePresets().size() - 2].state);
}

void TestGeometryPage::extremeMapsDoNotBreak_data()
{
    QTest::addColumn<core::geometry::Chain>("chain");
    QTest::newRow("singular") << core::geometry::Chain{
        Transform::affineMap(mat(1, 2, 0.5, 1), {0, 0})};
    QTest::newRow("zero") << core::geometry::Chain{Transform::scaleBy(0, 0)};
    QTest::newRow("huge") << core::geometry::Chain{
        Transform::affineMap(mat(1e300, 0, 0, 1e300), {1e300, 0})};
    QTest::newRow("overflow") << core::geometry::Chain{Transform::scaleBy(1e200, 1e200),
                                                       Transform::scaleBy(1e200, 1e200)};
    QTest::newRow("tiny") << core::geometry::Chain{Transform::scaleBy(1e-300, 1e-300)};
    QTest::newRow("all relu") << core::geometry::Chain{
        Transform::affineMap(mat(-1, 0, 0, -1), {-5, -5}, true)};
}

void TestGeometryPage::extremeMapsDoNotBreak()
{
    // A user can type any finite number: the page must keep drawing and reporting, never crash.
    QFETCH(core::geometry::Chain, chain);
    setChain(chain, true);
    GeometryState s = m_page->model()->state();
    s.cloud = CloudKind::Moons;
    s.cloudCount = 1000;
    m_page->model()->edit(s, QStringLiteral("cloud"));
    for (const double t : {0.0, 0.5, 1.5, 100.0}) {
        m_page->playhead()->seek(t);
        QVERIFY(!frame().isNull());
    }
    sendMouse(m_page->plane(), QEvent::MouseMove, QPointF(200, 200), Qt::NoButton);
    QVERIFY(!m_page->plane()->hoverText().isEmpty());
    QVERIFY(!m_page->codePanel()->code().isEmpty());
}

void TestGeometryPage::panAndZoom()
{
    setChain({Transform::rotate(0.3)}, true);
    PlaneView *plane = m_page->plane();
    const QPointF centre(plane->width() / 2.0, plane->height() / 2.0);
    const Eigen::Vector2d under = plane->camera().toWorld(centre + QPointF(50, 30));
    const double ppu = plane->camera().pixelsPerUnit();
    // The wheel zooms about the mouse: the point under it stays put.
    for (int i = 0; i < 3; ++i) {
        QWheelEvent wheel(centre + QPointF(50, 30), plane->mapToGlobal(centre + QPointF(50, 30)),
                          QPoint(), QPoint(0, 120), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase,
                          false);
        QApplication::sendEvent(plane, &wheel);
    }
    QVERIFY(plane->camera().pixelsPerUnit() > 1.5 * ppu);
    QVERIFY((plane->camera().toWorld(centre + QPointF(50, 30)) - under).norm() < 1e-9);
    // Dragging empty space pans (no vector moves).
    const auto vectors = m_page->model()->state().vectors;
    const Eigen::Vector2d before = plane->camera().centre();
    const QPointF empty(20, plane->height() - 60);
    sendMouse(plane, QEvent::MouseButtonPress, empty, Qt::LeftButton);
    sendMouse(plane, QEvent::MouseMove, empty + QPointF(100, -40), Qt::LeftButton);
    sendMouse(plane, QEvent::MouseButtonRelease, empty + QPointF(100, -40), Qt::NoButton);
    QVERIFY((plane->camera().centre() - before).norm() > 0.1);
    QVERIFY(m_page->model()->state().vectors == vectors);
    // Extreme zooms still draw (and the grid stays a few hundred lines at most).
    for (const double zoom : {PlaneCamera::kMinPixelsPerUnit, PlaneCamera::kMaxPixelsPerUnit}) {
        plane->camera().setPixelsPerUnit(zoom);
        plane->update();
        QVERIFY(!frame().isNull());
        QVERIFY(plane->scene().under.segments().size() < 2000);
    }
    // A double-click on empty space brings the first view back.
    QMouseEvent click(QEvent::MouseButtonDblClick, empty, plane->mapToGlobal(empty), Qt::LeftButton,
                      Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(plane, &click);
    QCOMPARE(plane->camera().centre(), Eigen::Vector2d(0, 0));
}

void TestGeometryPage::fitsAProjectorInPresentationMode_data()
{
    QTest::addColumn<QSize>("projector");
    QTest::newRow("1280 x 800") << QSize(1280, 800);
    QTest::newRow("1024 x 768") << QSize(1024, 768);
}

void TestGeometryPage::fitsAProjectorInPresentationMode()
{
    // In presentation mode in the main window on a projector: the window keeps the screen's
    // size, no control sticks out of it, and the boxes over the plane (det and area, the
    // caption with its "Applied:", the hint) are whole inside the plane, wrapped or shortened
    // rather than cut.
    QFETCH(QSize, projector);
    MainWindow window(m_context.get());
    window.resize(projector);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.showPage(QStringLiteral("geometry")));
    auto *page = qobject_cast<GeometryPage *>(window.page(QStringLiteral("geometry")));
    QVERIFY(page);
    m_context->setPresentationMode(true);
    // The longest readout and caption: an affine map with ReLU that flips the plane.
    GeometryState s = page->model()->state();
    Eigen::Matrix2d W;
    W << 1.25, -2.5, 3.75, -1.5;
    s.chain = {Transform::affineMap(W, Eigen::Vector2d(0.5, -0.25), true)};
    page->model()->edit(s, QStringLiteral("test"));
    page->playhead()->seekEnd();
    QTest::qWait(200);
    PlaneView *plane = page->plane();
    QVERIFY(!plane->grabFramebuffer().isNull());
    QCOMPARE(window.size(), projector);
    const QStringList clipped = testing::clippedWidgets(&window);
    QVERIFY2(clipped.isEmpty(), qPrintable(clipped.join(QStringLiteral("\n"))));
    const QRectF inside = QRectF(plane->rect());
    for (const auto &[name, box] :
         {std::pair{"det readout", plane->readoutRect()},
          std::pair{"caption", plane->captionRect()}, std::pair{"hint", plane->hintRect()}}) {
        QVERIFY2(!box.isEmpty(), name);
        QVERIFY2(inside.contains(box),
                 qPrintable(QStringLiteral("%1 at (%2, %3) %4 x %5 in a %6 x %7 plane")
                                .arg(QLatin1String(name))
                                .arg(box.x())
                                .arg(box.y())
                                .arg(box.width())
                                .arg(box.height())
                                .arg(inside.width())
                                .arg(inside.height())));
    }
    QVERIFY2(
        plane->captionLines().join(QLatin1Char(' ')).startsWith(QStringLiteral("Applied: affine")),
        qPrintable(plane->captionLines().join(QLatin1Char('|'))));
    m_context->setPresentationMode(false);
}

void TestGeometryPage::labelsNeverCollide_data()
{
    QTest::addColumn<QSize>("window");
    QTest::addColumn<bool>("presenting");
    QTest::addColumn<double>("time"); // the playhead; -1 for the end, where T(v1 + v2) shows
    for (const QSize size : {QSize(1280, 800), QSize(1024, 768)})
        for (const bool presenting : {false, true})
            for (const double time : {0.0, 1.0, -1.0})
                QTest::addRow("%dx%d%s t=%s", size.width(), size.height(),
                              presenting ? " presenting" : "",
                              time < 0 ? "end" : qPrintable(QString::number(time)))
                    << size << presenting << time;
}

void TestGeometryPage::labelsNeverCollide()
{
    // Issue 13: in front of a class, the label T(v1 + v2) sat on the tick "3". The page's own
    // example, as it opens in the main window: no vector label overlaps a tick number, another
    // label or the boxes, and each stays inside the plane.
    QFETCH(QSize, window);
    QFETCH(bool, presenting);
    QFETCH(double, time);
    MainWindow main(m_context.get());
    main.resize(window);
    main.show();
    QVERIFY(QTest::qWaitForWindowExposed(&main));
    QVERIFY(main.showPage(QStringLiteral("geometry")));
    auto *page = qobject_cast<GeometryPage *>(main.page(QStringLiteral("geometry")));
    QVERIFY(page);
    m_context->setPresentationMode(presenting);
    if (time < 0)
        page->playhead()->seekEnd();
    else
        page->playhead()->seek(time);
    QTest::qWait(200);
    PlaneView *plane = page->plane();
    QVERIFY(!plane->grabFramebuffer().isNull());

    const std::vector<SceneLabel> &labels = plane->scene().labels;
    const std::vector<QRectF> &rects = plane->labelRects();
    QCOMPARE(rects.size(), labels.size());
    const auto describe = [&](std::size_t i) {
        const QRectF &r = rects[i];
        return QStringLiteral("'%1' at (%2, %3) %4 x %5")
            .arg(labels[i].text)
            .arg(r.x())
            .arg(r.y())
            .arg(r.width())
            .arg(r.height());
    };
    bool sawSum = false;
    for (std::size_t i = 0; i < labels.size(); ++i) {
        if (!labels[i].tip) continue; // a tick number
        sawSum |= labels[i].text.startsWith(time != 0 ? QStringLiteral("T(v₁ + v₂)")
                                                      : QStringLiteral("v₁ + v₂"));
        QVERIFY2(QRectF(plane->rect()).contains(rects[i]), qPrintable(describe(i)));
        for (const QRectF &box : {plane->readoutRect(), plane->captionRect()})
            QVERIFY2(!rects[i].intersects(box), qPrintable(describe(i)));
        for (std::size_t j = 0; j < labels.size(); ++j)
            if (j != i && (!labels[j].tip || j < i))
                QVERIFY2(!rects[i].intersects(rects[j]),
                         qPrintable(describe(i) + QStringLiteral(" over ") + describe(j)));
    }
    QVERIFY(sawSum);
    m_context->setPresentationMode(false);
}

UNCRUMPLE_GL_TEST_MAIN(TestGeometryPage)

#include "tst_geometrypage.moc"
