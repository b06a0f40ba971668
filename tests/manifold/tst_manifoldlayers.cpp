// Layer by layer: each layer's output, the passage's three phases (endpoints bit for bit, the
// linear phase never singular, mirror images and width changes), the lattice, PCA against a case
// known in closed form and the sign alignment between frames, the linear probe, the output's
// separating plane and decision regions, and the CSV export.

#include "core/errors.h"
#include "core/manifold/csvexport.h"
#include "core/manifold/decision.h"
#include "core/manifold/generate.h"
#include "core/manifold/lattice.h"
#include "core/manifold/layerstack.h"
#include "core/manifold/linearpath.h"
#include "core/manifold/linearprobe.h"
#include "core/manifold/network.h"
#include "core/manifold/passage.h"
#include "core/manifold/pca.h"
#include "core/nn/inference.h"
#include "core/nn/random.h"

#include <Eigen/LU>
#include <Eigen/QR>
#include <Eigen/SVD>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <cstring>

using namespace core::manifold;
namespace nn = core::nn;

namespace {

Eigen::MatrixXd randomMatrix(int rows, int cols, std::uint64_t seed)
{
    nn::Random r(seed);
    Eigen::MatrixXd m(rows, cols);
    for (int i = 0; i < rows; ++i)
        for (int j = 0; j < cols; ++j)
            m(i, j) = r.uniform(-1.5f, 1.5f);
    return m;
}

bool equalBits(const nn::Matrix &a, const nn::Matrix &b)
{
    return a.rows() == b.rows() && a.cols() == b.cols() &&
           std::memcmp(a.data(), b.data(),
                       sizeof(float) * static_cast<std::size_t>(a.rows() * a.cols())) == 0;
}

// src's columns, then zeros, as wide as out.
bool equalPadded(const nn::Matrix &out, const nn::Matrix &src)
{
    if (out.rows() != src.rows() || out.cols() < src.cols()) return false;
    for (std::int64_t i = 0; i < out.rows(); ++i) {
        if (std::memcmp(out.row(i), src.row(i),
                        sizeof(float) * static_cast<std::size_t>(src.cols())))
            return false;
        for (std::int64_t j = src.cols(); j < out.cols(); ++j)
            if (out(i, j) != 0.0f) return false;
    }
    return true;
}

double maxDiff(const nn::Matrix &a, const nn::Matrix &b)
{
    double d = 0;
    for (std::int64_t i = 0; i < a.rows(); ++i)
        for (std::int64_t j = 0; j < std::min(a.cols(), b.cols()); ++j)
            d = std::max(d, std::abs(static_cast<double>(a(i, j)) - b(i, j)));
    return d;
}

nn::Sequential network(std::vector<int> widths, int inputs, nn::Activation a, std::uint64_t seed)
{
    NetworkSpec spec;
    spec.inputs = inputs;
    spec.widths = std::move(widths);
    spec.activation = a;
    nn::Sequential m = spec.build(seed);
    // Non-zero biases, so the shift phase moves the points.
    nn::Random r(seed + 100);
    for (int l = 0; l < m.layerCount(); ++l)
        for (float &b : m.mutableBias(l))
            b = r.uniform(-0.5f, 0.5f);
    return m;
}

LabeledPoints points(DataKind kind, int n = 500)
{
    GeneratorOptions g;
    g.kind = kind;
    g.points = n;
    return generate(g);
}

} // namespace

class TestManifoldLayers : public QObject {
    Q_OBJECT
private slots:
    void stackMatchesTheEngine()
    {
        const nn::Sequential m = network({4, 3, 5, 2}, 3, nn::Activation::Tanh, 3);
        const LabeledPoints d = points(DataKind::Sheets);
        const LayerStack stack(m, d.points);
        QCOMPARE(stack.layers(), 4);
        QVERIFY(equalBits(stack.stage(0), d.points));
        const nn::Matrix p = nn::predict(m, d.points);
        QVERIFY(maxDiff(stack.stage(4), p) < 1e-6);
        // Each stage is the next layer's input, and activated = f(shifted).
        for (int l = 1; l <= 4; ++l) {
            const LayerValues &v = stack.layer(l);
            QCOMPARE(v.activated.cols(), static_cast<std::int64_t>(m.layer(l - 1).units));
            if (l < 4)
                for (std::int64_t i = 0; i < 20; ++i)
                    QCOMPARE(v.activated(i, 0), std::tanh(v.shifted(i, 0)));
        }
        QVERIFY_THROWS_EXCEPTION(core::ValueError, LayerStack(m, points(DataKind::Spirals).points));
    }

    void linearPathNeverSingular_data()
    {
        QTest::addColumn<int>("inputs");
        QTest::addColumn<int>("units");
        QTest::addColumn<std::uint64_t>("seed");
        for (std::uint64_t s = 1; s <= 8; ++s) {
            QTest::addRow("3x3 #%d", int(s)) << 3 << 3 << s;
            QTest::addRow("2x2 #%d", int(s)) << 2 << 2 << s;
            QTest::addRow("2x3 widen #%d", int(s)) << 2 << 3 << s;
            QTest::addRow("3x5 widen #%d", int(s)) << 3 << 5 << s;
            QTest::addRow("5x4 #%d", int(s)) << 5 << 5 << s;
        }
    }
    void linearPathNeverSingular()
    {
        QFETCH(int, inputs);
        QFETCH(int, units);
        QFETCH(std::uint64_t, seed);
        const Eigen::MatrixXd w = randomMatrix(inputs, units, seed);
        const LinearPath path(w);
        const int n = std::max(inputs, units);
        QCOMPARE(path.dimension(), n + (path.reflects() ? 1 : 0));
        QCOMPARE(path.reflects(), inputs == units && w.determinant() < 0);
        QVERIFY((path.at(0.0) - Eigen::MatrixXd::Identity(n + path.reflects(), n + path.reflects()))
                    .cwiseAbs()
                    .maxCoeff() < 1e-12);
        QVERIFY((path.at(1.0) - path.target()).cwiseAbs().maxCoeff() < 1e-12);
        QVERIFY((path.target().topLeftCorner(inputs, units) - w).cwiseAbs().maxCoeff() == 0.0);
        const double bound = path.determinantBound();
        QVERIFY(bound > 0.0);
        for (int k = 0; k <= 200; ++k) {
            const double s = k / 200.0;
            const Eigen::MatrixXd m = path.at(s);
            const double det = m.determinant();
            QVERIFY2(
                det >= bound * (1 - 1e-9),
                qPrintable(
                    QString("det %1 at s = %2 below the bound %3").arg(det).arg(s).arg(bound)));
            // The path does not flip orientation: det stays positive, continuously.
            QVERIFY(det > 0);
        }
        // Padded points see exactly W at the end (widening: the completion rows meet zeros).
        Eigen::RowVectorXd x = Eigen::RowVectorXd::Zero(path.dimension());
        x.head(inputs) = randomMatrix(1, inputs, seed + 7);
        const Eigen::RowVectorXd y = x * path.at(1.0);
        QVERIFY((y.head(units) - x.head(inputs) * w).cwiseAbs().maxCoeff() < 1e-12);
        for (int j = units; j < path.dimension(); ++j)
            QVERIFY(std::abs(y(j)) < 1e-12);
    }

    void mirrorTurnsThroughTheExtraAxis()
    {
        // A reflection of the plane: in 3D it flips over, with |det| = 1 all the way.
        Eigen::MatrixXd w(2, 2);
        w << 1, 0, 0, -1;
        const LinearPath path(w);
        QVERIFY(path.reflects());
        QCOMPARE(path.dimension(), 3);
        for (int k = 0; k <= 20; ++k) {
            const Eigen::MatrixXd m = path.at(k / 20.0);
            QVERIFY(std::abs(m.determinant() - 1.0) < 1e-12);
            QVERIFY((m.transpose() * m - Eigen::Matrix3d::Identity()).cwiseAbs().maxCoeff() <
                    1e-12);
        }
        // Halfway, the mirrored axis stands straight up in the extra dimension.
        const Eigen::RowVector3d y = Eigen::RowVector3d(0, 1, 0) * path.at(0.5);
        QVERIFY(std::abs(std::abs(y(2)) - 1.0) < 1e-12);
    }

    void rotationTheStraightPathCollapsesOn()
    {
        // Rotation by 150°: (1 - s) I + s W is nearly singular halfway; the polar path is a
        // rotation all the way (det 1).
        const double a = 150.0 * M_PI / 180.0;
        Eigen::MatrixXd w(2, 2);
        w << std::cos(a), std::sin(a), -std::sin(a), std::cos(a);
        const LinearPath path(w);
        QVERIFY(!path.reflects());
        QVERIFY(((Eigen::MatrixXd::Identity(2, 2) + w) / 2).determinant() < 0.07);
        for (int k = 0; k <= 20; ++k)
            QVERIFY(std::abs(path.at(k / 20.0).determinant() - 1.0) < 1e-12);
    }

    void narrowingForgetsOnlyAtTheEnd()
    {
        const Eigen::MatrixXd w = randomMatrix(4, 2, 11);
        const LinearPath path(w);
        QVERIFY(!path.reflects());
        QCOMPARE(path.dimension(), 4);
        // Two directions are forgotten: det shrinks as (1 - s)² times the kept part's bound.
        for (int k = 0; k < 100; ++k) {
            const double s = k / 100.0;
            const double det = path.at(s).determinant();
            QVERIFY(det >= path.determinantBound() * (1 - s) * (1 - s) * (1 - 1e-9));
        }
        QVERIFY(std::abs(path.at(1.0).determinant()) < 1e-12);
    }

    void passageEndpointsAreExact_data()
    {
        QTest::addColumn<int>("inputs");
        QTest::addColumn<QString>("layers");
        QTest::addColumn<int>("activation");
        QTest::newRow("3D default tanh") << 3 << "3,3,3,2" << int(nn::Activation::Tanh);
        QTest::newRow("3D widths change relu") << 3 << "5,2,4,2" << int(nn::Activation::Relu);
        QTest::newRow("2D sigmoid") << 2 << "2,2,2,2" << int(nn::Activation::Sigmoid);
        QTest::newRow("2D widen") << 2 << "6,3,2" << int(nn::Activation::Tanh);
    }
    void passageEndpointsAreExact()
    {
        QFETCH(int, inputs);
        QFETCH(QString, layers);
        QFETCH(int, activation);
        const nn::Sequential m = network(parseLayerList(layers.toStdString()), inputs,
                                         static_cast<nn::Activation>(activation), 5);
        const LabeledPoints d = points(inputs == 3 ? DataKind::Sheets : DataKind::Spirals);
        const LayerStack stack(m, d.points);
        const Lattice lattice = makeLattice(boundingBox(d.points), 6, 10);
        const LayerStack grid(m, lattice.vertices);
        for (int l = 1; l <= m.layerCount(); ++l) {
            const Passage p(m, l);
            for (const LayerStack *st : {&stack, &grid}) {
                const LayerValues &v = st->layer(l);
                QVERIFY(equalPadded(p.frame(*st, Phase::Linear, 0.0), st->stage(l - 1)));
                QVERIFY(equalPadded(p.frame(*st, Phase::Linear, 1.0), v.linear));
                QVERIFY(equalPadded(p.frame(*st, Phase::Shift, 0.0), v.linear));
                QVERIFY(equalPadded(p.frame(*st, Phase::Shift, 1.0), v.shifted));
                QVERIFY(equalPadded(p.frame(*st, Phase::Activation, 0.0), v.shifted));
                QVERIFY(equalPadded(p.frame(*st, Phase::Activation, 1.0), st->stage(l)));
                QVERIFY(equalPadded(p.frameAt(*st, 3.0), st->stage(l)));
                // No jump at the ends: the path arrives where the endpoints are.
                QVERIFY(maxDiff(p.frame(*st, Phase::Linear, 1e-7), st->stage(l - 1)) < 1e-4);
                QVERIFY(maxDiff(p.frame(*st, Phase::Linear, 1.0 - 1e-7), v.linear) < 1e-4);
                QVERIFY(maxDiff(p.frame(*st, Phase::Shift, 0.5), v.linear) > 0);
                QVERIFY(maxDiff(p.frame(*st, Phase::Activation, 1.0 - 1e-7), st->stage(l)) < 1e-4);
            }
        }
        QVERIFY_THROWS_EXCEPTION(core::IndexError, Passage(m, 0));
        QVERIFY_THROWS_EXCEPTION(core::IndexError, Passage(m, m.layerCount() + 1));
    }

    void latticeCoversTheBox()
    {
        BoundingBox box{Eigen::Vector3d(-1, -2, 0), Eigen::Vector3d(1, 2, 4)};
        const Lattice l = makeLattice(box, 16, 32, 0.0);
        QCOMPARE(l.lines(), 3 * 16 * 16);
        QCOMPARE(l.vertices.rows(), static_cast<std::int64_t>(3 * 16 * 16 * 32));
        const BoundingBox b = boundingBox(l.vertices);
        QVERIFY((b.low - box.low).cwiseAbs().maxCoeff() < 1e-6);
        QVERIFY((b.high - box.high).cwiseAbs().maxCoeff() < 1e-6);
        // Each line runs along one axis: the other coordinates are constant on it.
        for (int line = 0; line < l.lines(); line += 37) {
            const std::int64_t v0 = l.firstVertex(line);
            int varying = 0;
            for (int a = 0; a < 3; ++a)
                varying += l.vertices(v0, a) != l.vertices(v0 + 31, a);
            QCOMPARE(varying, 1);
        }
        const Lattice flat = makeLattice({Eigen::Vector2d(0, 0), Eigen::Vector2d(1, 1)}, 5, 8);
        QCOMPARE(flat.lines(), 10);
        QVERIFY_THROWS_EXCEPTION(
            core::ValueError,
            makeLattice({Eigen::VectorXd::Zero(4), Eigen::VectorXd::Ones(4)}, 4, 4));
    }

    void pcaClosedForm()
    {
        // Points ±a_k q_k for an orthonormal basis q of R^5: the mean is 0 and the covariance
        // Σ a_k² q_k q_kᵀ / 5, so PCA must return q_k (up to sign) with variance a_k² / 5.
        const int d = 5;
        const Eigen::MatrixXd q =
            Eigen::HouseholderQR<Eigen::MatrixXd>(randomMatrix(d, d, 3)).householderQ() *
            Eigen::MatrixXd::Identity(d, d);
        const double a[d] = {3.0, 2.0, 1.5, 0.5, 0.25};
        nn::Matrix x(2 * d, d);
        for (int k = 0; k < d; ++k)
            for (int j = 0; j < d; ++j) {
                x(2 * k, j) = static_cast<float>(a[k] * q(j, k));
                x(2 * k + 1, j) = static_cast<float>(-a[k] * q(j, k));
            }
        const Projection p = fitPca(x, 3);
        QCOMPARE(p.components(), 3);
        QVERIFY(p.mean.cwiseAbs().maxCoeff() < 1e-6);
        double total = 0;
        for (double ak : a)
            total += ak * ak / (2 * d) * 2;
        QVERIFY(std::abs(p.totalVariance - total) < 1e-5);
        for (int c = 0; c < 3; ++c) {
            QVERIFY(std::abs(p.variance(c) - a[c] * a[c] / d) < 1e-5);
            QVERIFY(std::abs(std::abs(p.basis.col(c).dot(q.col(c))) - 1.0) < 1e-6);
        }
        QVERIFY(std::abs(p.explained() - (9.0 + 4.0 + 2.25) / (9.0 + 4.0 + 2.25 + 0.25 + 0.0625)) <
                1e-6);
        // At most 3 dimensions: no projection.
        const Projection id = fitPca(points(DataKind::Sheets).points, 3);
        QCOMPARE(id.explained(), 1.0);
        QVERIFY(id.basis.isIdentity());
    }

    void alignmentKeepsTheFrameSteady()
    {
        // Two frames of a training run: the same 6-wide layer after a small change of the weights.
        const nn::Sequential m1 = network({6, 2}, 3, nn::Activation::Tanh, 9);
        nn::Sequential m2 = m1;
        for (float &w : m2.mutableParameters())
            w *= 1.01f;
        const LabeledPoints d = points(DataKind::Sheets, 2000);
        const nn::Matrix h1 = LayerStack(m1, d.points).stage(1);
        const nn::Matrix h2 = LayerStack(m2, d.points).stage(1);
        const Projection p1 = fitPca(h1);
        Projection p2 = fitPca(h2);
        // Whatever sign the eigen-solver picks, simulate the worst: every axis flipped.
        p2.basis = -p2.basis;
        QCOMPARE(alignSigns(p2, p1), 3);
        for (int c = 0; c < 3; ++c)
            QVERIFY(p2.basis.col(c).dot(p1.basis.col(c)) > 0.9);
        // No jump: each point moves a little between the two frames.
        QVERIFY(maxDiff(p1.apply(h1), p2.apply(h2)) < 0.1);
        QCOMPARE(alignSigns(p2, p1), 0);
        QVERIFY(p1.explained() > 0.5 && p1.explained() <= 1.0);
    }

    void componentsThatTradePlacesKeepTheirAxes()
    {
        // Between two frames the second and third components' variances crossed: the eigen-solver
        // returns them swapped (and one flipped). Each goes back to its axis, nothing jumps.
        const nn::Sequential m1 = network({6, 2}, 3, nn::Activation::Tanh, 9);
        const LabeledPoints d = points(DataKind::Sheets, 2000);
        const nn::Matrix h = LayerStack(m1, d.points).stage(1);
        const Projection p1 = fitPca(h);
        Projection p2 = p1;
        p2.basis.col(1).swap(p2.basis.col(2));
        std::swap(p2.variance(1), p2.variance(2));
        p2.basis.col(0) = -p2.basis.col(0);
        QVERIFY(alignComponents(p2, p1));
        QVERIFY((p2.basis - p1.basis).norm() < 1e-12);
        QVERIFY((p2.variance - p1.variance).norm() < 1e-12);
        QVERIFY(maxDiff(p1.apply(h), p2.apply(h)) < 1e-5);
        QVERIFY(!alignComponents(p2, p1)); // already in order
    }

    void probeSeparatesWhatAPlaneSeparates()
    {
        nn::Random r(4);
        nn::Matrix x(400, 3);
        std::vector<std::int32_t> y(400);
        for (int i = 0; i < 400; ++i) {
            y[static_cast<std::size_t>(i)] = i % 2;
            for (int j = 0; j < 2; ++j)
                x(i, j) = r.uniform(-1, 1);
            x(i, 2) = r.uniform(0.1f, 1.0f) * (i % 2 ? 1.0f : -1.0f); // a gap of 0.2 across z = 0
        }
        const ProbeResult p = linearProbe(x, y);
        QCOMPARE(p.accuracy, 1.0);
        QVERIFY(p.weights(2) > 0); // class 1 above
        QVERIFY(p.iterations >= 1 && p.iterations <= 25);
        // XOR: no plane does better than about half.
        const LabeledPoints xr = points(DataKind::Xor, 2000);
        QVERIFY(linearProbe(xr.points, xr.labels).accuracy < 0.6);
        // Circles: the inner one is inside; no plane.
        const LabeledPoints c = points(DataKind::Circles, 2000);
        QVERIFY(linearProbe(c.points, c.labels).accuracy < 0.65);
        QVERIFY_THROWS_EXCEPTION(core::ValueError, linearProbe(x, std::vector<std::int32_t>(3)));
    }

    void decisionPlaneAndRegionsAgreeWithTheNetwork()
    {
        const nn::Sequential m = network({2, 2, 2}, 2, nn::Activation::Tanh, 12);
        const LabeledPoints d = points(DataKind::Moons, 1000);
        const LayerStack stack(m, d.points);
        const DecisionPlane plane = decisionPlane(m);
        QCOMPARE(plane.normal.size(), 2);
        const nn::Matrix &h = stack.stage(2);
        const nn::Matrix &out = stack.stage(3);
        for (std::int64_t i = 0; i < h.rows(); ++i) {
            const double side =
                plane.normal(0) * h(i, 0) + plane.normal(1) * h(i, 1) + plane.offset;
            if (std::abs(side) > 1e-5) QCOMPARE(side > 0, out(i, 1) > out(i, 0));
        }
        const BoundingBox box = boundingBox(d.points);
        const DecisionGrid grid = decisionGrid(m, 0, box, 40, 30);
        QCOMPARE(grid.probability.size(), std::size_t(1200));
        nn::Matrix centre(1, 2);
        centre(0, 0) = static_cast<float>(box.low(0) + 7.5 / 40 * (box.high(0) - box.low(0)));
        centre(0, 1) = static_cast<float>(box.low(1) + 20.5 / 30 * (box.high(1) - box.low(1)));
        QVERIFY(std::abs(grid.probability[20 * 40 + 7] - nn::predict(m, centre)(0, 1)) < 1e-6);
        // Regions in a hidden layer's plane too; not in a 3-wide one.
        QCOMPARE(decisionGrid(m, 2, boundingBox(h), 8, 8).probability.size(), std::size_t(64));
        const nn::Sequential wide = network({3, 2}, 2, nn::Activation::Tanh, 1);
        QVERIFY_THROWS_EXCEPTION(core::ValueError, decisionGrid(wide, 1, box, 8, 8));
    }

    void exportWritesEveryLayer()
    {
        QTemporaryDir dir;
        const nn::Sequential m = network({4, 3, 2}, 3, nn::Activation::Relu, 2);
        const LabeledPoints d = points(DataKind::Helices, 300);
        const LayerStack stack(m, d.points);
        const auto files = exportCsv((dir.path() + "/out").toStdString(), d, stack);
        QCOMPARE(files.size(), std::size_t(4));
        QFile data(dir.path() + "/out/data.csv");
        QVERIFY(data.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = data.readAll().split('\n');
        QCOMPARE(lines[0], QByteArray("x,y,z,label"));
        QCOMPARE(lines.size(), 302); // header, 300 rows, the empty string after the last newline
        const QList<QByteArray> first = lines[1].split(',');
        QCOMPARE(first.size(), 4);
        QCOMPARE(first[0].toFloat(), d.points(0, 0));
        QCOMPARE(first[3], QByteArray("0"));
        QFile layer2(dir.path() + "/out/layer_2.csv");
        QVERIFY(layer2.open(QIODevice::ReadOnly));
        const QList<QByteArray> l2 = layer2.readAll().split('\n');
        QCOMPARE(l2[0], QByteArray("h1,h2,h3"));
        const QList<QByteArray> row = l2[300].split(',');
        for (int j = 0; j < 3; ++j)
            QCOMPARE(row[j].toFloat(),
                     stack.stage(2)(299, j)); // the shortest text reads back exactly
        QVERIFY(QFile::exists(dir.path() + "/out/layer_3.csv"));
        // A file where the folder should be.
        QFile block(dir.path() + "/file");
        QVERIFY(block.open(QIODevice::WriteOnly));
        block.close();
        QVERIFY_THROWS_EXCEPTION(std::runtime_error,
                                 exportCsv((dir.path() + "/file").toStdString(), d, stack));
    }
};

QTEST_GUILESS_MAIN(TestManifoldLayers)
#include "tst_manifoldlayers.moc"
