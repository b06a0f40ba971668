// The transform math of the Geometry page, checked by invariants rather than magic numbers:
// RᵀR = I and det R = 1, T·T⁻¹ = I, a chain equals the product of its matrices, and the animation
// starts at the identity and ends at the transform.

#include "core/errors.h"
#include "core/geometry/affine2.h"
#include "core/geometry/chain.h"
#include "core/geometry/interpolation.h"
#include "core/geometry/numberparser.h"
#include "core/geometry/pointcloud.h"
#include "core/geometry/segmentclip.h"
#include "core/geometry/ticks.h"
#include "core/geometry/warp.h"

#include <Eigen/LU>
#include <QTest>
#include <cmath>
#include <numbers>
#include <random>
#include <sstream>
#include <string>

using namespace core::geometry;

Q_DECLARE_METATYPE(core::geometry::Chain)
Q_DECLARE_METATYPE(core::geometry::Transform)
Q_DECLARE_METATYPE(core::geometry::Polyline)

namespace {

constexpr double kPi = std::numbers::pi;
constexpr double kTol = 1e-12;

template<typename A, typename B> bool near(const A &a, const B &b, double tol = kTol)
{
    return (a - b).cwiseAbs().maxCoeff() <= tol;
}

template<typename M> QByteArray show(const M &m)
{
    std::ostringstream s;
    s << m;
    return QByteArray::fromStdString(s.str());
}

#define VERIFY_NEAR(a, b, tol)                                                                     \
    QVERIFY2(near((a), (b), (tol)), QByteArray("\n" + show(a) + "\n  vs\n" + show(b)).constData())

Eigen::Matrix2d mat(double a, double b, double c, double d)
{
    Eigen::Matrix2d m;
    m << a, b, c, d;
    return m;
}

} // namespace

class TestCoreGeometry : public QObject {
    Q_OBJECT
private slots:
    void rotationIsOrthogonal_data();
    void rotationIsOrthogonal();
    void inverseUndoesTheMap_data();
    void inverseUndoesTheMap();
    void singularMapHasNoInverse();
    void chainEqualsProductOfMatrices_data();
    void chainEqualsProductOfMatrices();
    void interpolationEnds_data();
    void interpolationEnds();
    void timelineEnds_data();
    void timelineEnds();
    void phasesFollowTheKind();
    void phasesRunInOrder();
    void polarPathStaysInvertible_data();
    void polarPathStaysInvertible();
    void easingIsSmooth();
    void reluFoldsOntoAxes();
    void warpInsertsKinksAtAxes();
    void warpOfAffineIsVertexMap();
    void areaScalesByDeterminant_data();
    void areaScalesByDeterminant();
    void triangulationCoversPolygon_data();
    void triangulationCoversPolygon();
    void niceSteps_data();
    void niceSteps();
    void roundToStepIsClean();
    void segmentsAreCutToTheBox();
    void cloudsAreDeterministicAndSized_data();
    void cloudsAreDeterministicAndSized();
    void imageCloudFollowsInk();
    void parsesNumbers_data();
    void parsesNumbers();
    void rejectsBadNumbers_data();
    void rejectsBadNumbers();
    void boundsDeepNumbers();
    void refusesDeepNesting_data();
    void refusesDeepNesting();
};

void TestCoreGeometry::rotationIsOrthogonal_data()
{
    QTest::addColumn<double>("theta");
    for (const double deg : {0.0, 30.0, 45.0, 90.0, 137.5, 180.0, -60.0, 270.0, 1000.0})
        QTest::addRow("%g deg", deg) << deg * kPi / 180.0;
}

void TestCoreGeometry::rotationIsOrthogonal()
{
    QFETCH(double, theta);
    const Eigen::Matrix2d R = rotation(theta).W;
    VERIFY_NEAR(R.transpose() * R, Eigen::Matrix2d::Identity(), kTol);
    QVERIFY(std::abs(R.determinant() - 1.0) < kTol);
    // Counter-clockwise: e1 goes to (cos θ, sin θ), the first column.
    VERIFY_NEAR(R * Eigen::Vector2d::UnitX(), Eigen::Vector2d(std::cos(theta), std::sin(theta)),
                kTol);
    // R(θ)·R(-θ) = I.
    VERIFY_NEAR(R * rotation(-theta).W, Eigen::Matrix2d::Identity(), kTol);
}

void TestCoreGeometry::inverseUndoesTheMap_data()
{
    QTest::addColumn<Transform>("step");
    QTest::newRow("translation") << Transform::translate({2.0, -1.5});
    QTest::newRow("rotation") << Transform::rotate(0.7);
    QTest::newRow("scaling") << Transform::scaleBy(2.0, -0.25);
    QTest::newRow("shear") << Transform::affineMap(mat(1, 1.5, 0, 1), {0.5, 0.5});
    QTest::newRow("general") << Transform::affineMap(mat(0.3, -2, 1.1, 0.4), {-3, 7});
}

void TestCoreGeometry::inverseUndoesTheMap()
{
    QFETCH(Transform, step);
    const Affine2 a = step.affine();
    const Affine2 round = a.inverse().after(a);
    VERIFY_NEAR(round.W, Eigen::Matrix2d::Identity(), 1e-12);
    VERIFY_NEAR(round.b, Eigen::Vector2d::Zero(), 1e-12);
    VERIFY_NEAR(a.after(a.inverse()).W, Eigen::Matrix2d::Identity(), 1e-12);
}

void TestCoreGeometry::singularMapHasNoInverse()
{
    const Affine2 flat{mat(1, 2, 2, 4), {0, 0}};
    QVERIFY(!flat.isInvertible());
    QVERIFY_THROWS_EXCEPTION(core::ValueError, flat.inverse());
    // Small but well-conditioned is still invertible.
    QVERIFY((Affine2{mat(1e-4, 0, 0, 1e-4), {0, 0}}.isInvertible()));
}

void TestCoreGeometry::chainEqualsProductOfMatrices_data()
{
    QTest::addColumn<Chain>("chain");
    QTest::newRow("empty") << Chain{};
    QTest::newRow("one rotation") << Chain{Transform::rotate(kPi / 6)};
    QTest::newRow("rotate then translate")
        << Chain{Transform::rotate(kPi / 3), Transform::translate({1, 2})};
    QTest::newRow("translate then rotate")
        << Chain{Transform::translate({1, 2}), Transform::rotate(kPi / 3)};
    QTest::newRow("four kinds") << Chain{Transform::scaleBy(2, 0.5), Transform::rotate(-1.2),
                                         Transform::affineMap(mat(1, 0.5, -0.3, 0.8), {0.2, -0.1}),
                                         Transform::translate({-1, 0.25})};
    QTest::newRow("mirror") << Chain{Transform::scaleBy(-1, 1), Transform::rotate(kPi / 2)};
}

void TestCoreGeometry::chainEqualsProductOfMatrices()
{
    QFETCH(Chain, chain);
    // The product written out by hand, last step leftmost, in homogeneous 3 by 3 form.
    Eigen::Matrix3d product = Eigen::Matrix3d::Identity();
    for (const Transform &step : chain) {
        Eigen::Matrix3d h = Eigen::Matrix3d::Identity();
        h.topLeftCorner<2, 2>() = step.affine().W;
        h.topRightCorner<2, 1>() = step.affine().b;
        product = h * product;
    }
    const Affine2 composed = composeAffine(chain);
    VERIFY_NEAR(composed.W, Eigen::Matrix2d(product.topLeftCorner<2, 2>()), 1e-12);
    VERIFY_NEAR(composed.b, Eigen::Vector2d(product.topRightCorner<2, 1>()), 1e-12);
    QVERIFY(std::abs(composed.determinant() - linearPart(fullStages(chain)).determinant()) < 1e-12);

    std::mt19937 rng(7);
    std::uniform_real_distribution<double> u(-5, 5);
    for (int i = 0; i < 20; ++i) {
        const Eigen::Vector2d x(u(rng), u(rng));
        VERIFY_NEAR(applyStages(fullStages(chain), x), composed.apply(x), 1e-11);
    }
}

void TestCoreGeometry::interpolationEnds_data()
{
    QTest::addColumn<Transform>("step");
    QTest::newRow("translation") << Transform::translate({2, 3});
    QTest::newRow("rotation 30") << Transform::rotate(kPi / 6);
    QTest::newRow("rotation 270") << Transform::rotate(1.5 * kPi);
    QTest::newRow("scaling 0.1") << Transform::scaleBy(0.1, 3);
    QTest::newRow("mirror") << Transform::scaleBy(-1, 1);
    QTest::newRow("shear") << Transform::affineMap(mat(1, 1, 0, 1), {0, 0});
    QTest::newRow("rotation-like 150")
        << Transform::affineMap(rotation(5 * kPi / 6).W * 1.3, {1, 1});
    QTest::newRow("singular") << Transform::affineMap(mat(1, 2, 0.5, 1), {0, 0});
    QTest::newRow("relu") << Transform::affineMap(mat(0.6, -1.1, 0.9, 0.4), {-0.3, 0.2}, true);
}

void TestCoreGeometry::interpolationEnds()
{
    QFETCH(Transform, step);
    // Exact, not approximately: the page shows the numbers the user typed.
    QCOMPARE(interpolateLinear(step, 0.0), Eigen::Matrix2d::Identity());
    QCOMPARE(interpolateLinear(step, 1.0), step.affine().W);
}

void TestCoreGeometry::timelineEnds_data()
{
    interpolationEnds_data();
}

void TestCoreGeometry::timelineEnds()
{
    QFETCH(Transform, step);
    const Chain chain{step, Transform::rotate(0.4)};
    const int end = phaseCount(chain);
    std::mt19937 rng(3);
    std::uniform_real_distribution<double> u(-3, 3);
    for (int i = 0; i < 10; ++i) {
        const Eigen::Vector2d x(u(rng), u(rng));
        QCOMPARE(applyStages(stagesAt(chain, 0.0), x), x);
        Eigen::Vector2d expected = step.affine().apply(x);
        if (step.hasRelu()) expected = expected.cwiseMax(0.0);
        expected = rotation(0.4).apply(expected);
        VERIFY_NEAR(applyStages(stagesAt(chain, end), x), expected, 1e-12);
        // Out-of-range times clamp instead of extrapolating.
        QCOMPARE(applyStages(stagesAt(chain, -5.0), x), x);
        QCOMPARE(applyStages(stagesAt(chain, end + 5.0), x), applyStages(stagesAt(chain, end), x));
    }
}

void TestCoreGeometry::phasesFollowTheKind()
{
    QCOMPARE(phaseCount({Transform::translate({1, 0})}), 1);
    QCOMPARE(phaseCount({Transform::rotate(1)}), 1);
    QCOMPARE(phaseCount({Transform::scaleBy(1, 2)}), 1);
    QCOMPARE(phaseCount({Transform::affineMap(mat(1, 0, 0, 1), {0, 0})}), 2);
    QCOMPARE(phaseCount({Transform::affineMap(mat(1, 0, 0, 1), {0, 0}, true)}), 3);
    QCOMPARE(phaseCount({}), 0);
}

void TestCoreGeometry::phasesRunInOrder()
{
    // Affine + ReLU: linear part first, then the shift, then the ReLU, each over one unit of time.
    const Transform step = Transform::affineMap(mat(2, 0, 0, 2), {1, -3}, true);
    const Chain chain{step};
    const auto list = phases(chain);
    QCOMPARE(list.size(), std::size_t(3));
    QVERIFY(list[0].kind == PhaseKind::Linear && list[1].kind == PhaseKind::Shift &&
            list[2].kind == PhaseKind::Relu);
    const Eigen::Vector2d x(1, 1);
    QCOMPARE(applyStages(stagesAt(chain, 1.0), x), Eigen::Vector2d(2, 2));  // scaled only
    QCOMPARE(applyStages(stagesAt(chain, 2.0), x), Eigen::Vector2d(3, -1)); // then shifted
    bool clamped = false;
    QCOMPARE(applyStages(stagesAt(chain, 3.0), x, &clamped), Eigen::Vector2d(3, 0)); // then ReLU
    QVERIFY(clamped);
    // Half-way through the ReLU (eased s = 0.5 at the middle) the point is half-way to the axis.
    VERIFY_NEAR(applyStages(stagesAt(chain, 2.5), x), Eigen::Vector2d(3, -0.5), 1e-12);
    applyStages(stagesAt(chain, 2.0), x, &clamped);
    QVERIFY(!clamped); // no ReLU has started yet
}

void TestCoreGeometry::polarPathStaysInvertible_data()
{
    QTest::addColumn<Eigen::Matrix2d>("W");
    QTest::newRow("rotation 150 as a matrix") << Eigen::Matrix2d(rotation(5 * kPi / 6).W);
    QTest::newRow("rotation 179 scaled") << Eigen::Matrix2d(rotation(179 * kPi / 180).W * 0.5);
    QTest::newRow("shear") << mat(1, 3, 0, 1);
    QTest::newRow("stretch") << mat(3, 0, 0, 0.2);
}

void TestCoreGeometry::polarPathStaysInvertible()
{
    QFETCH(Eigen::Matrix2d, W);
    QVERIFY(W.determinant() > 0);
    for (int i = 0; i <= 100; ++i) {
        const Eigen::Matrix2d M = interpolateMatrix(W, i / 100.0);
        QVERIFY2(M.determinant() > 0,
                 qPrintable(QString("det %1 at s = %2").arg(M.determinant()).arg(i / 100.0)));
    }
    VERIFY_NEAR(interpolateMatrix(W, 1.0), W, 1e-12);
    // A shear keeps the straight path (every point moves on a line), as in 3Blue1Brown's videos.
    if (!straightPathCollapses(W))
        VERIFY_NEAR(interpolateMatrix(W, 0.5), (Eigen::Matrix2d::Identity() + W) / 2, 1e-15);
}

void TestCoreGeometry::easingIsSmooth()
{
    QCOMPARE(easeInOut(0.0), 0.0);
    QCOMPARE(easeInOut(1.0), 1.0);
    QCOMPARE(easeInOut(0.5), 0.5);
    QCOMPARE(easeInOut(-1.0), 0.0);
    QCOMPARE(easeInOut(2.0), 1.0);
    double last = 0;
    for (int i = 1; i <= 100; ++i) {
        const double s = i / 100.0;
        QVERIFY(easeInOut(s) >= last);
        last = easeInOut(s);
        QVERIFY(std::abs(easeInOut(s) + easeInOut(1 - s) - 1.0) < 1e-12); // symmetric
    }
    QVERIFY(easeInOut(0.01) < 0.01); // starts slowly
}

void TestCoreGeometry::reluFoldsOntoAxes()
{
    const Chain chain{Transform::affineMap(mat(1, 0, 0, 1), {-0.5, -0.5}, true)};
    const Stages full = fullStages(chain);
    std::mt19937 rng(11);
    std::uniform_real_distribution<double> u(-2, 2);
    for (int i = 0; i < 200; ++i) {
        const Eigen::Vector2d x(u(rng), u(rng));
        bool clamped = false;
        const Eigen::Vector2d y = applyStages(full, x, &clamped);
        QVERIFY(y.minCoeff() >= 0.0);
        QCOMPARE(clamped, (x.array() - 0.5 < 0.0).any());
        QCOMPARE(y, (x.array() - 0.5).cwiseMax(0.0).matrix().eval());
    }
}

void TestCoreGeometry::warpInsertsKinksAtAxes()
{
    // The segment (-1, 2) -> (2, -1) crosses x = 0 at (0, 1) and y = 0 at (1, 0); ReLU keeps those
    // two points and flattens the ends onto the axes.
    Stage relu;
    relu.relu = 1.0;
    const Polyline image = warpPolyline({relu}, {{-1, 2}, {2, -1}});
    const Polyline expected{{0, 2}, {0, 1}, {1, 0}, {2, 0}};
    QCOMPARE(image.size(), expected.size());
    for (std::size_t i = 0; i < image.size(); ++i)
        VERIFY_NEAR(image[i], expected[i], 1e-15);
}

void TestCoreGeometry::warpOfAffineIsVertexMap()
{
    const Chain chain{Transform::rotate(0.5), Transform::translate({1, -2})};
    const Polyline line{{0, 0}, {1, 0}, {1, 3}, {-2, 3}};
    const Polyline image = warpPolyline(fullStages(chain), line);
    QCOMPARE(image.size(), line.size()); // nothing inserted: straight pieces stay straight
    for (std::size_t i = 0; i < line.size(); ++i)
        VERIFY_NEAR(image[i], composeAffine(chain).apply(line[i]), 1e-12);
}

void TestCoreGeometry::areaScalesByDeterminant_data()
{
    QTest::addColumn<Chain>("chain");
    QTest::newRow("identity") << Chain{};
    QTest::newRow("rotation") << Chain{Transform::rotate(2.0)};
    QTest::newRow("scale 3 x 0.5") << Chain{Transform::scaleBy(3, 0.5)};
    QTest::newRow("mirror") << Chain{Transform::scaleBy(-1, 1)};
    QTest::newRow("shear + shift") << Chain{Transform::affineMap(mat(1, 2, 0, 1), {4, -4})};
    QTest::newRow("collapse") << Chain{Transform::affineMap(mat(1, 2, 0.5, 1), {0, 0})};
}

void TestCoreGeometry::areaScalesByDeterminant()
{
    QFETCH(Chain, chain);
    const Stages stages = fullStages(chain);
    const double area = signedArea(warpPolyline(stages, unitSquare(), true));
    QVERIFY(std::abs(area - composeAffine(chain).determinant()) < 1e-12);
}

void TestCoreGeometry::triangulationCoversPolygon_data()
{
    QTest::addColumn<Polyline>("polygon");
    QTest::newRow("triangle") << Polyline{{0, 0}, {1, 0}, {0, 1}};
    QTest::newRow("square cw") << Polyline{{0, 0}, {0, 1}, {1, 1}, {1, 0}};
    QTest::newRow("L shape") << Polyline{{0, 0}, {2, 0}, {2, 1}, {1, 1}, {1, 2}, {0, 2}};
    QTest::newRow("arrow") << Polyline{{0, 0}, {3, 1}, {0, 2}, {1, 1}};
    // The unit square half-folded by a ReLU: a simple, non-convex polygon.
    Stage s;
    s.W = rotation(0.9).W;
    s.b = {-0.4, -0.2};
    s.relu = 0.6;
    QTest::newRow("half folded") << warpPolyline({s}, unitSquare(), true);
}

void TestCoreGeometry::triangulationCoversPolygon()
{
    QFETCH(Polyline, polygon);
    const auto triangles = triangulate(polygon);
    QCOMPARE(triangles.size(), polygon.size() - 2);
    double sum = 0;
    for (const auto &t : triangles)
        sum += std::abs(signedArea({polygon[t[0]], polygon[t[1]], polygon[t[2]]}));
    QVERIFY2(std::abs(sum - std::abs(signedArea(polygon))) < 1e-12,
             qPrintable(QString("triangles %1, polygon %2").arg(sum).arg(signedArea(polygon))));
}

void TestCoreGeometry::niceSteps_data()
{
    QTest::addColumn<double>("rough");
    QTest::addColumn<double>("step");
    QTest::newRow("1") << 1.0 << 1.0;
    QTest::newRow("1.3") << 1.3 << 2.0;
    QTest::newRow("2") << 2.0 << 2.0;
    QTest::newRow("3") << 3.0 << 5.0;
    QTest::newRow("7") << 7.0 << 10.0;
    QTest::newRow("0.2") << 0.2 << 0.2;
    QTest::newRow("0.013") << 0.013 << 0.02;
    QTest::newRow("420") << 420.0 << 500.0;
    QTest::newRow("zero") << 0.0 << 1.0;
    QTest::newRow("negative") << -3.0 << 1.0;
    QTest::newRow("nan") << std::nan("") << 1.0;
}

void TestCoreGeometry::niceSteps()
{
    QFETCH(double, rough);
    QFETCH(double, step);
    QCOMPARE(niceStep(rough), step);
}

void TestCoreGeometry::roundToStepIsClean()
{
    QCOMPARE(roundToStep(0.29999, 0.1), 0.3);
    QCOMPARE(roundToStep(-0.04, 0.1), 0.0);
    QVERIFY(!std::signbit(roundToStep(-0.04, 0.1)));
    QCOMPARE(roundToStep(1.26, 0.5), 1.5);
    QCOMPARE(roundToStep(1234.5678, 0.01), 1234.57);
    const auto ticks = ticksBetween(-1.05, 2.3, 0.5);
    QCOMPARE(ticks, (std::vector<double>{-1.0, -0.5, 0.0, 0.5, 1.0, 1.5, 2.0}));
    QVERIFY(ticksBetween(0, 1e9, 1e-3).empty()); // too many: none rather than a hang
    // Past 2^53, k + 1 == k: the loop once never ended (the Gradient page at x = 1e16).
    QVERIFY(ticksBetween(1e16 - 2.5, 1e16 + 2.5, 0.5).empty());
    QCOMPARE(ticksBetween(-1e15, -1e15 + 2, 1.0).size(), std::size_t(3));
}

void TestCoreGeometry::cloudsAreDeterministicAndSized_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("count");
    for (const int count : {0, 1, 1000, 100000}) {
        QTest::addRow("smiley %d", count) << 0 << count;
        QTest::addRow("letter %d", count) << 1 << count;
        QTest::addRow("moons %d", count) << 2 << count;
    }
}

void TestCoreGeometry::cloudsAreDeterministicAndSized()
{
    QFETCH(int, kind);
    QFETCH(int, count);
    auto make = [kind, count](std::uint32_t seed) {
        return kind == 0   ? smileyCloud(count, seed)
               : kind == 1 ? letterCloud(count, seed)
                           : moonsCloud(count, seed);
    };
    const PointCloud a = make(5), b = make(5);
    QCOMPARE(a.points.size(), std::size_t(count));
    QCOMPARE(a.labels.size(), std::size_t(count));
    QVERIFY(a.points == b.points);
    for (const auto &p : a.points)
        QVERIFY(p.cwiseAbs().maxCoeff() < 2.0f); // moons: Gaussian tails
    if (kind == 2 && count >= 2) {
        const auto ones = std::count(a.labels.begin(), a.labels.end(), 1);
        QCOMPARE(ones, static_cast<long>(count / 2));
    }
    if (kind == 0 && count >= 1000) // the face has features drawn on it
        QVERIFY(std::count(a.labels.begin(), a.labels.end(), 1) > count / 50);
}

void TestCoreGeometry::imageCloudFollowsInk()
{
    // A 2 by 2 image with one inked pixel (top right): every point falls in that quarter.
    const std::vector<std::uint8_t> pixels{0, 255, 0, 0};
    const PointCloud cloud = imageCloud(pixels, 2, 2, 500);
    QCOMPARE(cloud.points.size(), std::size_t(500));
    for (const auto &p : cloud.points)
        QVERIFY(p.x() >= 0 && p.y() >= 0);
    QVERIFY(imageCloud(std::vector<std::uint8_t>(4, 0), 2, 2, 10).points.empty());
    QVERIFY_THROWS_EXCEPTION(core::ValueError, imageCloud(pixels, 3, 2, 10));
}

void TestCoreGeometry::parsesNumbers_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<double>("value");
    QTest::newRow("integer") << "2" << 2.0;
    QTest::newRow("negative") << "-0.5" << -0.5;
    QTest::newRow("spaces") << "  1.25 " << 1.25;
    QTest::newRow("leading dot") << ".25" << 0.25;
    QTest::newRow("exponent") << "1e-3" << 1e-3;
    QTest::newRow("fraction") << "1/2" << 0.5;
    QTest::newRow("sqrt") << "sqrt(2)/2" << std::sqrt(2.0) / 2;
    QTest::newRow("cos pi/6") << "cos(pi/6)" << std::cos(kPi / 6);
    QTest::newRow("pi symbol") << "\xCF\x80" << kPi;
    QTest::newRow("power") << "2**3" << 8.0;
    QTest::newRow("caret") << "2^0.5" << std::sqrt(2.0);
    QTest::newRow("minus binds looser") << "-2**2" << -4.0;
    QTest::newRow("precedence") << "1 + 2 * 3 - 4 / 2" << 5.0;
    QTest::newRow("parentheses") << "(1 + 2) * 3" << 9.0;
}

void TestCoreGeometry::parsesNumbers()
{
    QFETCH(QString, text);
    QFETCH(double, value);
    QCOMPARE(parseNumber(text.toStdString()), value);
}

void TestCoreGeometry::rejectsBadNumbers_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("column"); // 0: a ValueError, not a ParseError
    QTest::addColumn<QString>("mentions");
    QTest::newRow("empty") << "" << 1 << "nothing";
    QTest::newRow("letters") << "abc" << 1 << "unknown name 'abc'";
    QTest::newRow("decimal comma") << "0,5" << 2 << "dot";
    QTest::newRow("two dots") << "1..5" << 1 << "not a number";
    QTest::newRow("dangling operator") << "2 *" << 4 << "end";
    QTest::newRow("unclosed") << "(1 + 2" << 7 << "')'";
    QTest::newRow("stray char") << "2 # 3" << 3 << "'#'";
    QTest::newRow("division by zero") << "1/0" << 0 << "finite";
    QTest::newRow("sqrt of negative") << "sqrt(-1)" << 0 << "finite";
}

void TestCoreGeometry::rejectsBadNumbers()
{
    QFETCH(QString, text);
    QFETCH(int, column);
    QFETCH(QString, mentions);
    try {
        parseNumber(text.toStdString());
        QFAIL("no error");
    } catch (const core::ParseError &e) {
        QCOMPARE(e.column(), column);
        QVERIFY2(QString::fromStdString(e.what()).contains(mentions), e.what());
    } catch (const core::ValueError &e) {
        QCOMPARE(0, column);
        QVERIFY2(QString::fromStdString(e.what()).contains(mentions), e.what());
    }
}

// Issue 11: a million unary signs crashed the Geometry page (one recursion per sign). Signs are
// folded in a loop now; a long flat sum stays a loop too.
void TestCoreGeometry::boundsDeepNumbers()
{
    const std::string signs(1'000'000, '-');
    QCOMPARE(parseNumber(signs + "1"), 1.0);
    QCOMPARE(parseNumber("-" + signs + "1"), -1.0);
    QCOMPARE(parseNumber(std::string(1'000'000, '+') + "2"), 2.0);
    std::string sum = "1";
    for (int i = 0; i < 100'000; ++i)
        sum += "+1";
    QCOMPARE(parseNumber(sum), 100'001.0);
}

// Nesting that needs recursion (parentheses, function calls, powers) stops at a limit with
// Python's wording instead of running out of stack.
void TestCoreGeometry::refusesDeepNesting_data()
{
    QTest::addColumn<QString>("text");
    auto repeat = [](const char *s, int n) {
        QString r;
        for (int i = 0; i < n; ++i)
            r += QString::fromLatin1(s);
        return r;
    };
    QTest::newRow("parentheses") << repeat("(", 100'000) + "1" + repeat(")", 100'000);
    QTest::newRow("unclosed parentheses") << repeat("(", 1'000'000);
    QTest::newRow("calls") << repeat("sqrt(", 100'000) + "1" + repeat(")", 100'000);
    QTest::newRow("powers") << repeat("2^", 100'000) + "1";
    QTest::newRow("signed powers") << repeat("2**-", 100'000) + "1";
}

void TestCoreGeometry::refusesDeepNesting()
{
    QFETCH(QString, text);
    try {
        parseNumber(text.toStdString());
        QFAIL("no error");
    } catch (const core::ParseError &e) {
        QVERIFY2(QString::fromStdString(e.what()).contains("too many nested"), e.what());
    }
    // Nesting a person types still works.
    QCOMPARE(parseNumber("((((((((((1))))))))))"), 1.0);
    QCOMPARE(parseNumber("sqrt(sqrt(sqrt(256)))"), 2.0);
    QCOMPARE(parseNumber("2^2^2"), 16.0);
}

void TestCoreGeometry::segmentsAreCutToTheBox()
{
    const Box box{0, 0, 10, 20};
    double t0 = -1, t1 = -1;
    // Inside: whole.
    QVERIFY(clipSegment(1, 1, 9, 19, box, &t0, &t1));
    QCOMPARE(t0, 0.0);
    QCOMPARE(t1, 1.0);
    // Across the box from left to right: the part between x = 0 and x = 10.
    QVERIFY(clipSegment(-10, 5, 30, 5, box, &t0, &t1));
    QCOMPARE(t0, 0.25);
    QCOMPARE(t1, 0.5);
    // The same backwards, and along an edge (edges are inside).
    QVERIFY(clipSegment(30, 5, -10, 5, box, &t0, &t1));
    QCOMPARE(t0, 0.5);
    QCOMPARE(t1, 0.75);
    QVERIFY(clipSegment(0, -20, 0, 40, box, &t0, &t1));
    QCOMPARE(t0, 1.0 / 3.0);
    QCOMPARE(t1, 2.0 / 3.0);
    // Missing it: beside it, past a corner, or a point outside.
    QVERIFY(!clipSegment(11, 0, 11, 20, box, &t0, &t1));
    QVERIFY(!clipSegment(8, -5, 15, 2, box, &t0, &t1));
    QVERIFY(!clipSegment(-1, -1, -1, -1, box, &t0, &t1));
}

QTEST_APPLESS_MAIN(TestCoreGeometry)
#include "tst_coregeometry.moc"
