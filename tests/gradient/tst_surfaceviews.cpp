// The Gradient page's two pictures of a loss surface, offscreen: the map's geometry (w to pixels
// and back, equal scales, w1 up), dragging the start and the hover readout, missing values left
// out, grabs that show the surface and the paths' colours, orbiting the 3D view and keeping the
// camera when a cell reruns. With UNCRUMPLE_SAVE_GRABS set, the grabs are saved to /tmp
// (surfaceview.png, contourview.png and their -rosenbrock twins) for the README.

#include "core/gradient/contours.h"
#include "ui/gradient/contourview.h"
#include "ui/gradient/surfaceview.h"

#include <QApplication>
#include <QImage>
#include <QMouseEvent>
#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <QWheelEvent>
#include <cmath>
#include <functional>

using namespace ui;

namespace {

struct Surface {
    QRectF domain;
    int nx, ny;
    std::vector<double> values;
};

Surface sample(const std::function<double(double, double)> &f, QRectF domain, int nx, int ny)
{
    Surface s{domain, nx, ny, {}};
    for (int j = 0; j < ny; ++j)
        for (int i = 0; i < nx; ++i)
            s.values.push_back(f(domain.left() + i * domain.width() / (nx - 1),
                                 domain.top() + j * domain.height() / (ny - 1)));
    return s;
}

double bowl(double w0, double w1)
{
    return w0 * w0 + 3 * w1 * w1;
}

double rosenbrock(double w0, double w1)
{
    return (1 - w0) * (1 - w0) + 100 * (w1 - w0 * w0) * (w1 - w0 * w0);
}

// Plain gradient descent (with momentum when beta > 0) by central differences.
DescentPath descend(const std::function<double(double, double)> &f, QPointF start, double rate,
                    double beta, int steps, const QString &name, const QColor &color)
{
    DescentPath path{name, color, {start}, {f(start.x(), start.y())}, false};
    QPointF w = start, v;
    for (int k = 0; k < steps; ++k) {
        const double h = 1e-6;
        const QPointF g((f(w.x() + h, w.y()) - f(w.x() - h, w.y())) / (2 * h),
                        (f(w.x(), w.y() + h) - f(w.x(), w.y() - h)) / (2 * h));
        v = v * beta - g * rate;
        w += v;
        const double loss = f(w.x(), w.y());
        path.points.push_back(w);
        path.losses.push_back(loss);
        if (!std::isfinite(loss) || std::abs(w.x()) > 1e3 || std::abs(w.y()) > 1e3) {
            path.diverged = true;
            break;
        }
    }
    return path;
}

std::vector<std::vector<QPolygonF>> contoursOf(const Surface &s, int count,
                                               core::gradient::LevelSpacing spacing)
{
    core::gradient::Grid grid{
        s.domain.left(), s.domain.right(), s.domain.top(), s.domain.bottom(), s.nx, s.ny, s.values};
    const auto levels = core::gradient::chooseLevels(grid, count, spacing);
    return ui::ContourView::polygonsOf(core::gradient::contours(grid, levels));
}

int distinctColours(const QImage &image)
{
    QSet<QRgb> seen;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            seen.insert(image.pixel(x, y) & 0xFFFFFF);
    return seen.size();
}

// Pixels of exactly this colour (the middle of a line is drawn in its own colour).
QList<QPoint> pixelsOf(const QImage &image, const QColor &colour)
{
    QList<QPoint> out;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            if ((image.pixel(x, y) & 0xFFFFFF) == (colour.rgb() & 0xFFFFFF)) out.append({x, y});
    return out;
}

void sendMove(QWidget *w, QPointF at)
{
    QMouseEvent move(QEvent::MouseMove, at, w->mapToGlobal(at), Qt::NoButton, Qt::NoButton,
                     Qt::NoModifier);
    QApplication::sendEvent(w, &move);
}

void save(QWidget *w, const QString &name)
{
    if (!qEnvironmentVariableIsSet("UNCRUMPLE_SAVE_GRABS")) return;
    QVERIFY(w->grab().save(QStringLiteral("/tmp/") + name));
}

const QColor kMagenta(200, 20, 150); // in no ramp of the surface
const QColor kOrange(214, 96, 0);

} // namespace

class TestSurfaceViews : public QObject {
    Q_OBJECT

private slots:
    void lossScaleKeepsABowlAndCompressesAValley()
    {
        const Surface b = sample(bowl, {-2, -2, 4, 4}, 61, 61);
        const LossScale bs = LossScale::fit(b.values);
        QCOMPARE(bs.gamma, 1.0);
        QCOMPARE(bs.min, 0.0);
        const Surface r = sample(rosenbrock, {-2, -1, 4, 4}, 61, 61);
        const LossScale rs = LossScale::fit(r.values);
        QVERIFY2(rs.gamma < 0.7, qPrintable(QString::number(rs.gamma)));
        // Monotone, clamped, and its inverse is the inverse.
        double last = -1;
        for (double loss = -10; loss < 5000; loss += 7) {
            const double h = rs.height(loss);
            QVERIFY(h >= last && h >= 0 && h <= 1);
            last = h;
        }
        QCOMPARE(rs.height(std::numeric_limits<double>::infinity()), 1.0);
        QVERIFY(std::isnan(rs.height(std::nan(""))));
        QVERIFY(std::abs(rs.height(rs.loss(0.4)) - 0.4) < 1e-9);
        // A heavy tail (an exploding corner) is clamped at the 98th percentile, a mild one not.
        std::vector<double> tail(1000);
        for (std::size_t k = 0; k < tail.size(); ++k)
            tail[k] = k < 990 ? static_cast<double>(k) / 990 : 1e6;
        const LossScale heavy = LossScale::fit(tail);
        QVERIFY(heavy.cap < 1.0 && heavy.cap > 0.95);
        QCOMPARE(heavy.height(1e6), 1.0);
        QCOMPARE(bs.cap, 16.0);
        // An all-NaN or flat surface does not divide by zero.
        const LossScale flat = LossScale::fit({2, 2, 2, 2});
        QVERIFY(flat.cap > flat.min);
        QCOMPARE(flat.height(2), 0.0);
        QVERIFY(LossScale::fit({NAN, NAN}).cap > 0);
    }

    void clippingCutsAtTheDomainEdge()
    {
        const QRectF domain(-1, -1, 2, 2);
        // Inside, out through the right edge, back in through the top, and out for good.
        const std::vector<QPointF> points = {{0, 0}, {0.5, 0}, {2, 0}, {0, 0.5}, {0, 5}};
        const auto parts = clipToDomain(points, domain);
        QCOMPARE(parts.size(), std::size_t(2));
        QCOMPARE(parts[0].front().w, QPointF(0, 0));
        QVERIFY(parts[0].front().isStep());
        QCOMPARE(parts[0].back().w, QPointF(1, 0));
        QVERIFY(!parts[0].back().isStep());
        QVERIFY(std::abs(parts[1].front().w.x() - 1) < 1e-12); // re-entering on the right edge
        QCOMPARE(parts[1].back().w, QPointF(0, 1));
        // Non-finite points break the line; a path wholly outside has no parts.
        QCOMPARE(clipToDomain({{0, 0}, {NAN, 0}, {0.5, 0.5}}, domain).size(), std::size_t(0));
        QCOMPARE(clipToDomain({{5, 5}, {6, 6}}, domain).size(), std::size_t(0));
        QCOMPARE(clipToDomain({{0.2, 0.2}}, domain).size(), std::size_t(1));
    }

    void mapRoundTripsWithEqualScales()
    {
        ContourView view;
        view.resize(640, 420);
        const Surface s = sample(bowl, {-3, -1, 6, 2}, 31, 11);
        view.setSurface(s.domain, s.nx, s.ny, s.values);
        for (const QPointF w : {QPointF(0, 0), QPointF(-3, -1), QPointF(3, 1), QPointF(1.7, -0.3)})
            QVERIFY(QLineF(view.toW(view.toPixel(w)), w).length() < 1e-9);
        // One unit of w0 is as long as one unit of w1, and w1 goes up.
        const QPointF o = view.toPixel({0, 0});
        const double along0 = view.toPixel({1, 0}).x() - o.x();
        const double along1 = o.y() - view.toPixel({0, 1}).y();
        QVERIFY(along0 > 10);
        QVERIFY(std::abs(along0 - along1) < 1e-9);
        // The domain fills the plot, which fits in the widget.
        const QRectF plot = view.plotRect();
        QVERIFY(QLineF(view.toPixel({-3, -1}), plot.bottomLeft()).length() < 1e-9);
        QVERIFY(QLineF(view.toPixel({3, 1}), plot.topRight()).length() < 1e-9);
        QVERIFY(QRectF(view.rect()).contains(plot));
        QVERIFY(std::abs(plot.width() / plot.height() - 3.0) < 1e-9);
        // A narrow widget keeps the aspect too.
        view.resize(300, 500);
        QVERIFY(std::abs(view.plotRect().width() / view.plotRect().height() - 3.0) < 1e-9);
    }

    void draggingMovesTheMarker()
    {
        ContourView view;
        view.resize(500, 500);
        const Surface s = sample(bowl, {-2, -2, 4, 4}, 41, 41);
        view.setSurface(s.domain, s.nx, s.ny, s.values);
        QSignalSpy dragged(&view, &ContourView::markerDragged);
        QSignalSpy dropped(&view, &ContourView::markerDropped);
        const auto near = [&](QPointF a, QPointF b) {
            // Within a pixel: QTest's mouse positions are whole pixels.
            return QLineF(view.toPixel(a), view.toPixel(b)).length() <= 0.8;
        };
        const QPointF a(-1, 1), b(0.5, -0.5), c(1.5, 1.25);
        QTest::mousePress(&view, Qt::LeftButton, {}, view.toPixel(a).toPoint());
        QCOMPARE(dragged.count(), 1);
        QVERIFY(near(dragged.last().at(0).toPointF(), a));
        QTest::mouseMove(&view, view.toPixel(b).toPoint());
        QCOMPARE(dragged.count(), 2);
        QVERIFY(near(dragged.last().at(0).toPointF(), b));
        QVERIFY(near(*view.marker(), b));
        QCOMPARE(dropped.count(), 0);
        QTest::mouseRelease(&view, Qt::LeftButton, {}, view.toPixel(c).toPoint());
        QCOMPARE(dropped.count(), 1);
        QVERIFY(near(dropped.last().at(0).toPointF(), c));
        QVERIFY(near(*view.marker(), c));
        // Outside the map the start stays on its edge.
        QTest::mousePress(&view, Qt::LeftButton, {}, QPoint(2, 2));
        QTest::mouseRelease(&view, Qt::LeftButton, {}, QPoint(499, 499));
        QCOMPARE(dropped.last().at(0).toPointF(), QPointF(2, -2));
        // Other buttons do not move it.
        QTest::mouseClick(&view, Qt::RightButton, {}, view.toPixel({0, 0}).toPoint());
        QCOMPARE(dropped.count(), 2);
        QCOMPARE(*view.marker(), QPointF(2, -2));
    }

    void hoverReadsTheLoss()
    {
        ContourView view;
        view.resize(500, 500);
        // A plane is its own bilinear interpolation: the readout is exact between samples.
        const Surface s =
            sample([](double w0, double w1) { return 2 * w0 - w1 + 3; }, {-2, -2, 4, 4}, 9, 9);
        view.setSurface(s.domain, s.nx, s.ny, s.values);
        const QPointF w(0.3, -0.7);
        sendMove(&view, view.toPixel(w));
        QVERIFY2(view.readout().contains(QStringLiteral("loss = 4.3")), qPrintable(view.readout()));
        QVERIFY(view.readout().startsWith(QStringLiteral("w0 = 0.30, w1 = \u22120.70")));
        sendMove(&view, QPointF(1, 1)); // outside the map
        QVERIFY(view.readout().isEmpty());
    }

    void missingValuesAreNotDrawn()
    {
        // The upper-right quarter (w0 > 0, w1 > 0) is NaN, one sample elsewhere infinite.
        Surface s = sample(bowl, {-2, -2, 4, 4}, 41, 41);
        for (int j = 21; j < 41; ++j)
            for (int i = 21; i < 41; ++i)
                s.values[static_cast<std::size_t>(j * 41 + i)] = std::nan("");
        s.values[5 * 41 + 5] = std::numeric_limits<double>::infinity();
        ContourView map;
        map.resize(500, 500);
        map.setSurface(s.domain, s.nx, s.ny, s.values);
        map.setPaths({descend(bowl, {1.5, 1.5}, 0.1, 0, 20, {}, kMagenta)});
        const QImage image = map.grab().toImage();
        // Where there is no value the map shows the blank hatch (greys), not the ramp's colours.
        const QPoint hole = map.toPixel({1.0, 1.5}).toPoint();
        const QColor there = image.pixelColor(hole);
        QVERIFY2(there.red() == there.green() && there.green() == there.blue(),
                 qPrintable(there.name()));
        const QColor elsewhere = image.pixelColor(map.toPixel({-1.0, -1.5}).toPoint());
        QVERIFY(elsewhere.red() != elsewhere.blue());
        sendMove(&map, map.toPixel({1.0, 1.5}));
        QVERIFY(map.readout().endsWith(QStringLiteral("loss = none")));

        SurfaceView surface;
        surface.resize(500, 400);
        surface.setSurface(s.domain, s.nx, s.ny, s.values);
        surface.setPaths({descend(bowl, {1.5, 1.5}, 0.1, 0, 20, {}, kMagenta)});
        surface.setMarker(QPointF(1.5, 1.5));
        surface.grab();
        // 40 × 40 cells, 20 × 20 of them missing, and the four around the infinite sample.
        QCOMPARE(surface.drawnCells(), 40 * 40 - 20 * 20 - 4);
        QPointF pixel;
        QVERIFY(!surface.toPixel({1.0, 1.5}, &pixel));
        QVERIFY(surface.toPixel({-1.0, -1.5}, &pixel));

        // All missing, or nothing at all: drawn without a surface, no crash.
        std::vector<double> none(16, std::nan(""));
        surface.setSurface(s.domain, 4, 4, none);
        map.setSurface(s.domain, 4, 4, none);
        surface.grab();
        map.grab();
        QCOMPARE(surface.drawnCells(), 0);
        surface.setSurface(s.domain, 3, 3, {1, 2}); // the wrong size
        map.setSurface(QRectF(), 0, 0, {});
        surface.grab();
        map.grab();
        QCOMPARE(surface.drawnCells(), 0);
    }

    void grabsShowTheSurfaceAndThePaths()
    {
        const Surface s = sample(bowl, {-2, -2, 4, 4}, 61, 61);
        const std::vector<DescentPath> paths = {
            descend(bowl, {-1.7, 1.5}, 0.3, 0, 25, QStringLiteral("SGD"), kMagenta),
            descend(bowl, {-1.7, 1.5}, 0.05, 0.8, 40, QStringLiteral("momentum"), kOrange)};

        ContourView map;
        map.resize(560, 520);
        map.setSurface(s.domain, s.nx, s.ny, s.values);
        map.setContours(contoursOf(s, 9, core::gradient::LevelSpacing::Sqrt));
        map.setPaths(paths);
        map.setMarker(QPointF(-1.7, 1.5));
        QImage image = map.grab().toImage();
        QVERIFY2(distinctColours(image) > 300, qPrintable(QString::number(distinctColours(image))));
        const QList<QPoint> magenta = pixelsOf(image, kMagenta);
        QVERIFY(magenta.size() > 50);
        QVERIFY(pixelsOf(image, kOrange).size() > 50);
        save(&map, QStringLiteral("contourview.png"));

        SurfaceView surface;
        surface.resize(640, 520);
        surface.setSurface(s.domain, s.nx, s.ny, s.values);
        surface.setPaths(paths);
        surface.setMarker(QPointF(-1.7, 1.5));
        image = surface.grab().toImage();
        QVERIFY2(distinctColours(image) > 300, qPrintable(QString::number(distinctColours(image))));
        QVERIFY(pixelsOf(image, kMagenta).size() > 50);
        QVERIFY(pixelsOf(image, kOrange).size() > 50);
        QCOMPARE(surface.drawnCells(), 48 * 48); // 60 × 60 subsampled
        qInfo("surface frame: %.1f ms", surface.lastFrameMs());
        save(&surface, QStringLiteral("surfaceview.png"));
    }

    void aDivergingPathIsClippedToTheMap()
    {
        const Surface s = sample(bowl, {-2, -2, 4, 4}, 41, 41);
        ContourView map;
        map.resize(500, 500);
        map.setSurface(s.domain, s.nx, s.ny, s.values);
        DescentPath wild = descend(bowl, {0.5, 0.3}, 0.36, 0, 60, QString(), kMagenta);
        QVERIFY(wild.diverged || std::abs(wild.points.back().y()) > 2);
        wild.diverged = true;
        map.setPaths({wild});
        const QImage image = map.grab().toImage();
        const QList<QPoint> drawn = pixelsOf(image, kMagenta);
        QVERIFY(drawn.size() > 20);
        const QRectF plot =
            map.plotRect().adjusted(-12, -12, 12, 12); // the end's cross may poke out
        for (const QPoint &p : drawn)
            QVERIFY(plot.contains(p));
        SurfaceView surface;
        surface.resize(500, 400);
        surface.setSurface(s.domain, s.nx, s.ny, s.values);
        surface.setPaths({wild});
        QVERIFY(pixelsOf(surface.grab().toImage(), kMagenta).size() > 20);
    }

    void arrowsAreDrawn()
    {
        const Surface s = sample(bowl, {-2, -2, 4, 4}, 21, 21);
        ContourView map;
        map.resize(400, 400);
        map.setSurface(s.domain, s.nx, s.ny, s.values);
        map.setArrows({{{-1, -1}, {1, 1}, kMagenta, 3.0}, {{0, 0}, {0, 0}, kOrange, 1.0}});
        const QList<QPoint> drawn = pixelsOf(map.grab().toImage(), kMagenta);
        QVERIFY(drawn.size() > 100);
        // The head is at the arrow's tip: the drawn pixel nearest (1, 1) is within a few pixels.
        const QPointF tip = map.toPixel({1, 1});
        double nearest = 1e9;
        for (const QPoint &p : drawn)
            nearest = std::min(nearest, QLineF(tip, p).length());
        QVERIFY(nearest < 3);
    }

    void dragOrbitsAndTheCameraStaysOnRerun()
    {
        SurfaceView view;
        view.resize(600, 500);
        const Surface s = sample(bowl, {-2, -2, 4, 4}, 31, 31);
        view.setSurface(s.domain, s.nx, s.ny, s.values);
        OrbitCamera &camera = view.camera();
        const double yaw = camera.yaw(), distance = camera.distance();
        const QPoint centre(300, 250);
        QTest::mousePress(&view, Qt::LeftButton, {}, centre);
        for (int i = 1; i <= 5; ++i)
            QTest::mouseMove(&view, centre + QPoint(20 * i, 6 * i));
        QTest::mouseRelease(&view, Qt::LeftButton, {}, centre + QPoint(100, 30));
        QVERIFY(std::abs(camera.yaw() - yaw) > 10);
        const double orbited = camera.yaw();
        QWheelEvent wheel(QPointF(centre), view.mapToGlobal(QPointF(centre)), QPoint(),
                          QPoint(0, 240), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(&view, &wheel);
        QVERIFY(camera.distance() < distance * 0.9);

        // The cell reruns: same domain, other values (and resolution): the view stays.
        const Surface other = sample(rosenbrock, {-2, -2, 4, 4}, 81, 81);
        view.setSurface(other.domain, other.nx, other.ny, other.values);
        QCOMPARE(camera.yaw(), orbited);
        QVERIFY(camera.distance() < distance * 0.9);
        // A new domain is framed afresh.
        const Surface moved = sample(rosenbrock, {-2, -1, 4, 4}, 41, 41);
        view.setSurface(moved.domain, moved.nx, moved.ny, moved.values);
        QCOMPARE(camera.yaw(), yaw);
        // Double-click goes home.
        QTest::mousePress(&view, Qt::LeftButton, {}, centre);
        QTest::mouseMove(&view, centre + QPoint(80, 0));
        QTest::mouseRelease(&view, Qt::LeftButton, {}, centre + QPoint(80, 0));
        QVERIFY(camera.yaw() != yaw);
        QTest::mouseDClick(&view, Qt::LeftButton, {}, centre);
        QCOMPARE(camera.yaw(), yaw);
    }

    void rosenbrockValley()
    {
        const Surface s = sample(rosenbrock, {-2, -1, 4, 4}, 121, 121);
        const std::vector<DescentPath> paths = {
            descend(rosenbrock, {-0.5, 2.5}, 0.001, 0, 300, QStringLiteral("SGD"), kMagenta),
            descend(rosenbrock, {-0.5, 2.5}, 0.0005, 0.9, 300, QStringLiteral("momentum"),
                    kOrange)};
        ContourView map;
        map.resize(560, 520);
        map.setSurface(s.domain, s.nx, s.ny, s.values);
        map.setContours(contoursOf(s, 12, core::gradient::LevelSpacing::Log));
        map.setPaths(paths);
        map.setMarker(QPointF(-0.5, 2.5));
        QVERIFY(distinctColours(map.grab().toImage()) > 300);
        save(&map, QStringLiteral("contourview-rosenbrock.png"));
        SurfaceView surface;
        surface.resize(640, 520);
        surface.setSurface(s.domain, s.nx, s.ny, s.values);
        surface.setPaths(paths);
        surface.setMarker(QPointF(-0.5, 2.5));
        QVERIFY(distinctColours(surface.grab().toImage()) > 300);
        QVERIFY(surface.lossScale().gamma < 0.7);
        save(&surface, QStringLiteral("surfaceview-rosenbrock.png"));
        // As on a projector in presentation mode: a larger font, a larger window.
        if (qEnvironmentVariableIsSet("UNCRUMPLE_SAVE_GRABS")) {
            QFont big = surface.font();
            big.setPointSizeF(big.pointSizeF() * 1.6);
            for (QWidget *w : {static_cast<QWidget *>(&surface), static_cast<QWidget *>(&map)}) {
                w->setFont(big);
                w->resize(1000, 800);
            }
            save(&surface, QStringLiteral("surfaceview-large.png"));
            save(&map, QStringLiteral("contourview-large.png"));
            surface.resize(640, 520);
        }
        // A frame of 48 × 48 cells stays quick (loosely: the machine is shared).
        double fastest = 1e9;
        for (int i = 0; i < 10; ++i) {
            surface.grab();
            fastest = std::min(fastest, surface.lastFrameMs());
        }
        qInfo("a frame of %d cells: %.1f ms at best", surface.drawnCells(), fastest);
        QVERIFY(fastest < 100);
    }
};

QTEST_MAIN(TestSurfaceViews)
#include "tst_surfaceviews.moc"
