// The Gradient page's math (core/gradient): optimizer paths against hand-computed steps and their
// divergence, marching-squares contours, the linear classifier's loss surface, mini-batches and
// their noise, and the book's backpropagation example.

#include "core/errors.h"
#include "core/gradient/backprop.h"
#include "core/gradient/contours.h"
#include "core/gradient/derivative.h"
#include "core/gradient/descent.h"
#include "core/gradient/linearclassifier.h"
#include "core/nn/random.h"

#include <Eigen/Eigenvalues>
#include <QTest>
#include <cmath>
#include <cstring>
#include <numbers>
#include <set>

using namespace core::gradient;
using core::nn::OptimizerConfig;
using core::nn::OptimizerKind;

namespace {

// 0.5 · (w1² + 4 w2²): gradient (w1, 4 w2).
LossGradient stretchedBowl(const Eigen::Vector2d &w)
{
    return {0.5 * (w.x() * w.x() + 4.0 * w.y() * w.y()), Eigen::Vector2d(w.x(), 4.0 * w.y())};
}

LossGradient roundBowl(const Eigen::Vector2d &w)
{
    return {w.squaredNorm(), 2.0 * w};
}

bool allFinite(const DescentPath &p)
{
    for (std::size_t k = 0; k < p.points.size(); ++k)
        if (!p.points[k].allFinite() || !std::isfinite(p.losses[k]) || !p.gradients[k].allFinite())
            return false;
    return true;
}

// The winding of a closed polyline around the origin, in turns.
double turns(const Polyline &line)
{
    double total = 0.0;
    const std::size_t n = line.points.size();
    for (std::size_t k = 0; k < n; ++k) {
        const Eigen::Vector2d &a = line.points[k], &b = line.points[(k + 1) % n];
        total += std::atan2(a.x() * b.y() - a.y() * b.x(), a.dot(b));
    }
    return total / (2.0 * std::numbers::pi);
}

} // namespace

class TestGradientMath : public QObject {
    Q_OBJECT

private slots:
    // Two steps on 0.5 · (w1² + 4 w2²) from (1, -2), learning rate 0.1: gradients (1, -8), then
    // at the new point. Expected values from Keras' formulas, worked in double.
    void optimizerSteps_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<float>("momentum");
        QTest::addColumn<double>("w1");
        QTest::addColumn<double>("w2");
        QTest::addColumn<double>("w1b"); // after the second step (NaN: not checked)
        QTest::addColumn<double>("w2b");
        const double nan = std::nan("");
        // w - 0.1 g: (0.9, -1.2); then g = (0.9, -4.8): (0.81, -0.72).
        QTest::newRow("sgd") << int(OptimizerKind::SGD) << 0.0f << 0.9 << -1.2 << 0.81 << -0.72;
        // m = -0.1 g = (-0.1, 0.8), w = (0.9, -1.2); m = 0.9 m - 0.1 (0.9, -4.8) = (-0.18, 1.2),
        // w = (0.72, 0).
        QTest::newRow("momentum") << int(OptimizerKind::SGD) << 0.9f << 0.9 << -1.2 << 0.72 << 0.0;
        // v = 0.1 g²; w - 0.1 g / (sqrt(v) + 1e-7): 1 - 0.1 / (0.316227766 + 1e-7) = 0.683772334
        const auto rms = [](double w, double g) {
            return w - 0.1 * g / (std::sqrt(0.1 * g * g) + 1e-7);
        };
        QTest::newRow("rmsprop") << int(OptimizerKind::RMSprop) << 0.0f << rms(1.0, 1.0)
                                 << rms(-2.0, -8.0) << nan << nan;
        // alpha = 0.1 · sqrt(1 - 0.999) / (1 - 0.9); m = 0.1 g; v = 0.001 g²;
        // w - m · alpha / (sqrt(v) + 1e-7): 1 - 0.1 · 0.0316227766 / 0.0316228766 = 0.900000316
        const auto adam = [](double w, double g) {
            const double alpha = 0.1 * std::sqrt(1.0 - 0.999) / (1.0 - 0.9);
            return w - 0.1 * g * alpha / (std::sqrt(0.001 * g * g) + 1e-7);
        };
        QTest::newRow("adam") << int(OptimizerKind::Adam) << 0.0f << adam(1.0, 1.0)
                              << adam(-2.0, -8.0) << nan << nan;
    }

    void optimizerSteps()
    {
        QFETCH(int, kind);
        QFETCH(float, momentum);
        QFETCH(double, w1);
        QFETCH(double, w2);
        QFETCH(double, w1b);
        QFETCH(double, w2b);
        OptimizerConfig c = OptimizerConfig::defaults(static_cast<OptimizerKind>(kind));
        c.learningRate = 0.1f;
        c.momentum = momentum;
        const DescentPath p = descend(stretchedBowl, {1.0, -2.0}, c, 2);
        QVERIFY(!p.diverged());
        QCOMPARE(p.divergedAt, -1);
        QCOMPARE(p.points.size(), std::size_t(3));
        QCOMPARE(p.steps(), 2);
        QCOMPARE(p.points[0], Eigen::Vector2d(1.0, -2.0));
        QCOMPARE(p.losses[0], 8.5);
        QCOMPARE(p.gradients[0], Eigen::Vector2d(1.0, -8.0));
        QVERIFY2(std::fabs(p.points[1].x() - w1) < 1e-6,
                 qPrintable(QString::number(p.points[1].x(), 'g', 10)));
        QVERIFY2(std::fabs(p.points[1].y() - w2) < 1e-6,
                 qPrintable(QString::number(p.points[1].y(), 'g', 10)));
        if (!std::isnan(w1b)) {
            QVERIFY(std::fabs(p.points[2].x() - w1b) < 1e-6);
            QVERIFY(std::fabs(p.points[2].y() - w2b) < 1e-6);
        }
        // The path records the loss and gradient where it is.
        QCOMPARE(p.losses[2], stretchedBowl(p.points[2]).loss);
        // Points are float32 values (the optimizer's own precision).
        for (const auto &q : p.points)
            QCOMPARE(double(float(q.x())), q.x());
    }

    void divergenceLeavesBox()
    {
        // w²: SGD 1.5 multiplies w by -2 each step; |w| = 2^k passes 1e6 at k = 20.
        const DescentPath p = descend(roundBowl, {1.0, 1.0}, OptimizerConfig::sgd(1.5f), 100, 1e6);
        QVERIFY(p.diverged());
        QCOMPARE(p.divergence, Divergence::OutOfBounds);
        QCOMPARE(p.divergedAt, 20);
        QCOMPARE(p.points.size(), std::size_t(20));
        QCOMPARE(p.points.back(), Eigen::Vector2d(-524288.0, -524288.0));
        QVERIFY(allFinite(p));
    }

    void divergenceOverflowsFloat()
    {
        // Without a bound the weights double until float overflows: 2^128 is inf.
        const DescentPath p = descend(roundBowl, {1.0, -1.0}, OptimizerConfig::sgd(1.5f), 1000,
                                      std::numeric_limits<double>::infinity());
        QCOMPARE(p.divergence, Divergence::WeightNotFinite);
        QCOMPARE(p.divergedAt, 128);
        QCOMPARE(p.points.size(), std::size_t(128));
        QVERIFY(allFinite(p));
        // The same with momentum and Adam-sized steps: never a non-finite point.
        for (const OptimizerConfig &c :
             {OptimizerConfig::sgd(3.0f, 0.9f), OptimizerConfig::adam(1e30f)}) {
            const DescentPath q =
                descend(roundBowl, {1.0, -1.0}, c, 1000, std::numeric_limits<double>::infinity());
            QVERIFY(q.diverged());
            QVERIFY(allFinite(q));
            QCOMPARE(q.points.size(), std::size_t(q.divergedAt));
        }
    }

    void divergenceLossNotFinite()
    {
        // A loss defined for w1 <= 2 only; SGD 0.5 on slope -1 walks w1 = 0, 0.5, 1, ...
        const auto f = [](const Eigen::Vector2d &w) {
            return LossGradient{w.x() > 2.0 ? std::nan("") : -w.x(), Eigen::Vector2d(-1.0, 0.0)};
        };
        const DescentPath p = descend(f, {0.0, 0.0}, OptimizerConfig::sgd(0.5f), 100);
        QCOMPARE(p.divergence, Divergence::LossNotFinite);
        QCOMPARE(p.divergedAt, 5);
        QCOMPARE(p.points.size(), std::size_t(5));
        QCOMPARE(p.points.back().x(), 2.0);
        // A start outside the box keeps nothing.
        const DescentPath q = descend(roundBowl, {10.0, 0.0}, OptimizerConfig::sgd(0.1f), 5, 5.0);
        QCOMPARE(q.divergedAt, 0);
        QVERIFY(q.points.empty());
        QVERIFY_THROWS_EXCEPTION(core::ValueError,
                                 descend(roundBowl, {0, 0}, OptimizerConfig::sgd(0.0f), 5));
    }

    void circleContours_data()
    {
        QTest::addColumn<double>("radius");
        QTest::addColumn<int>("nx");
        QTest::addColumn<int>("ny");
        QTest::newRow("r1 odd grid") << 1.0 << 81 << 81;
        QTest::newRow("r1.5 uneven grid") << 1.5 << 64 << 57;
        QTest::newRow("r0.3 coarse") << 0.3 << 40 << 40;
    }

    void circleContours()
    {
        QFETCH(double, radius);
        QFETCH(int, nx);
        QFETCH(int, ny);
        const Grid g = sampleGrid([](const Eigen::Vector2d &p) { return p.squaredNorm(); }, -2.1,
                                  1.9, -2.0, 2.2, nx, ny);
        const std::vector<Polyline> lines = contourLines(g, radius * radius);
        QCOMPARE(lines.size(), std::size_t(1));
        const Polyline &l = lines[0];
        QVERIFY(l.closed);
        QVERIFY(l.points.size() > 12);
        const double h = std::max(4.0 / (nx - 1), 4.2 / (ny - 1));
        for (const auto &p : l.points)
            QVERIFY2(std::fabs(p.norm() - radius) < 0.25 * h * h / radius + 1e-12,
                     qPrintable(QString::number(p.norm() - radius)));
        for (std::size_t k = 0; k < l.points.size(); ++k)
            QVERIFY((l.points[k] - l.points[(k + 1) % l.points.size()]).norm() < 1.5 * h);
        QVERIFY(std::fabs(std::fabs(turns(l)) - 1.0) < 1e-9);
        // A level above every value or below them gives nothing; one cut by the border is open.
        QVERIFY(contourLines(g, 100.0).empty());
        QVERIFY(contourLines(g, -1.0).empty());
        const std::vector<Polyline> cut = contourLines(g, 2.05 * 2.05);
        QVERIFY(!cut.empty());
        for (const auto &c : cut)
            QVERIFY(!c.closed);
    }

    void saddleCells()
    {
        // One cell, values x·y at the corners of [-1, 1]²: 1 at (-1, -1) and (1, 1), -1 elsewhere;
        // centre mean 0. Level 0.5: the inside corners are not joined, each is cut off.
        const Grid g{-1, 1, -1, 1, 2, 2, {1, -1, -1, 1}};
        auto nearestCorners = [&](double level) {
            std::set<std::pair<int, int>> corners;
            for (const Polyline &l : contourLines(g, level)) {
                if (l.points.size() != 2 || l.closed) return std::set<std::pair<int, int>>{};
                const Eigen::Vector2d m = (l.points[0] + l.points[1]) / 2.0;
                corners.insert({m.x() > 0 ? 1 : -1, m.y() > 0 ? 1 : -1});
            }
            return corners;
        };
        QCOMPARE(nearestCorners(0.5), (std::set<std::pair<int, int>>{{-1, -1}, {1, 1}}));
        // Level -0.5: centre 0 >= -0.5 joins the inside corners; the outside ones are cut off.
        QCOMPARE(nearestCorners(-0.5), (std::set<std::pair<int, int>>{{-1, 1}, {1, -1}}));
        QCOMPARE(contourLines(g, 0.5)[0].points.size(), std::size_t(2));

        // x·y = 0.1 on a grid: two open branches, exact on the edges (x·y is linear along them).
        const Grid h = sampleGrid([](const Eigen::Vector2d &p) { return p.x() * p.y(); }, -1, 1, -1,
                                  1, 20, 20);
        const std::vector<Polyline> lines = contourLines(h, 0.1);
        QCOMPARE(lines.size(), std::size_t(2));
        for (const Polyline &l : lines) {
            QVERIFY(!l.closed);
            const bool right = l.points[0].x() > 0;
            for (const auto &p : l.points) {
                QVERIFY(std::fabs(p.x() * p.y() - 0.1) < 1e-12);
                QCOMPARE(p.x() > 0, right);
            }
            for (const auto &end : {l.points.front(), l.points.back()})
                QVERIFY(std::fabs(std::fabs(end.x()) - 1) < 1e-12 ||
                        std::fabs(std::fabs(end.y()) - 1) < 1e-12);
        }
    }

    void nonFiniteCellsSkipped()
    {
        // The bowl with x > 0.5 cut away (NaN and inf): the unit circle becomes one open arc.
        Grid g = sampleGrid(
            [](const Eigen::Vector2d &p) {
                if (p.x() > 0.5) return p.y() > 0 ? std::nan("") : HUGE_VAL;
                return p.squaredNorm();
            },
            -2, 2, -2, 2, 41, 41);
        const std::vector<Polyline> lines = contourLines(g, 1.0);
        QCOMPARE(lines.size(), std::size_t(1));
        QVERIFY(!lines[0].closed);
        for (const auto &p : lines[0].points) {
            QVERIFY(p.allFinite());
            QVERIFY(p.x() <= 0.5);
        }
        const auto [lo, hi] = g.finiteRange();
        QCOMPARE(lo, 0.0);
        QVERIFY(std::isfinite(hi));
        // Levels ignore the non-finite values.
        const std::vector<double> levels = chooseLevels(g, 5);
        QCOMPARE(levels.size(), std::size_t(5));
        QVERIFY(levels.back() < hi);
    }

    void levelChoice()
    {
        // Sqrt spacing on [0, 100], 9 levels: sqrt(level) = 1, 2, ..., 9 · (10 / 10).
        const std::vector<double> s = chooseLevels(0.0, 100.0, 9, LevelSpacing::Sqrt);
        QCOMPARE(s.size(), std::size_t(9));
        for (int k = 0; k < 9; ++k)
            QVERIFY(std::fabs(s[static_cast<std::size_t>(k)] - (k + 1) * (k + 1)) < 1e-9);
        // Log spacing on [5, 105]: offsets 0.1 ... 80 (4 / 5 of the range), a constant ratio.
        const std::vector<double> l = chooseLevels(5.0, 105.0, 4, LevelSpacing::Log);
        QCOMPARE(l.size(), std::size_t(4));
        QVERIFY(std::fabs(l.front() - 5.1) < 1e-9);
        QVERIFY(std::fabs(l.back() - 85.0) < 1e-9);
        const double r = (l[1] - 5) / (l[0] - 5);
        QVERIFY(std::fabs((l[3] - 5) / (l[2] - 5) - r) < 1e-9);
        QVERIFY(chooseLevels(1.0, 1.0, 5).empty());
        QVERIFY(chooseLevels(0.0, std::nan(""), 5).empty());
        // On an elongated bowl (a valley), sqrt levels give evenly spaced ellipses too: the
        // contours cross the w1 axis at evenly spaced points.
        const Grid g =
            sampleGrid([](const Eigen::Vector2d &p) { return p.x() * p.x() + 25 * p.y() * p.y(); },
                       -2, 2, -2, 2, 101, 101);
        const std::vector<double> v = chooseLevels(g, 6);
        std::vector<double> crossings;
        for (const double level : v)
            crossings.push_back(std::sqrt(level));
        for (std::size_t k = 1; k < crossings.size(); ++k)
            QVERIFY(std::fabs((crossings[k] - crossings[k - 1]) - crossings[0]) < 1e-9);
    }

    void classifierData()
    {
        const LinearClassifier a = LinearClassifier::generate(2000, 7);
        const LinearClassifier b = LinearClassifier::generate(2000, 7);
        const LinearClassifier c = LinearClassifier::generate(2000, 8);
        QCOMPARE(a.size(), 4000);
        QVERIFY(std::memcmp(a.inputs().data(), b.inputs().data(), sizeof(double) * 8000) == 0);
        QVERIFY(std::memcmp(a.inputs().data(), c.inputs().data(), sizeof(double) * 8000) != 0);
        QCOMPARE(a.targets()[0], 0.0);
        QCOMPARE(a.targets()[3999], 1.0);
        // Means [0, 3] and [3, 0]; covariance [[1, 0.5], [0.5, 1]] (sampling error ~ 1 /
        // sqrt(2000)).
        for (int cls = 0; cls < 2; ++cls) {
            const Eigen::MatrixX2d x = a.inputs().middleRows(cls * 2000, 2000);
            const Eigen::RowVector2d mean = x.colwise().mean();
            const Eigen::RowVector2d expected =
                cls == 0 ? Eigen::RowVector2d(0, 3) : Eigen::RowVector2d(3, 0);
            QVERIFY((mean - expected).norm() < 0.1);
            const Eigen::MatrixX2d centred = x.rowwise() - mean;
            const Eigen::Matrix2d cov = centred.transpose() * centred / 1999.0;
            QVERIFY((cov - Eigen::Matrix2d{{1, 0.5}, {0.5, 1}}).cwiseAbs().maxCoeff() < 0.1);
        }
        QVERIFY_THROWS_EXCEPTION(core::ValueError, LinearClassifier::generate(0));
    }

    void classifierLossSurface()
    {
        const LinearClassifier m = LinearClassifier::generate(100, 3);
        const Grid g = m.lossGrid(-1.0, 1.0, -0.5, 1.5, 128, 128);
        QCOMPARE(g.values.size(), std::size_t(128 * 128));
        for (int j = 0; j < 128; j += 7)
            for (int i = 0; i < 128; i += 5) {
                const double direct = m.lossGradient(g.point(i, j)).loss;
                QVERIFY(std::fabs(g.at(i, j) - direct) <= 1e-12 * std::max(1.0, direct));
            }
        // The least-squares minimum: zero gradient, the lowest loss.
        const Eigen::Vector2d w = m.minimum();
        QVERIFY(w.allFinite());
        QVERIFY(m.lossGradient(w).gradient.norm() < 1e-12);
        QCOMPARE(m.minimumLoss(), m.lossGradient(w).loss);
        for (const Eigen::Vector2d &d : {Eigen::Vector2d(1e-3, 0), Eigen::Vector2d(0, -1e-3)})
            QVERIFY(m.loss(w + d) > m.minimumLoss());
        // The analytic gradient against central differences.
        const Eigen::Vector2d at(0.3, -0.2);
        const Eigen::Vector2d numeric =
            numericGradient([&](const Eigen::Vector2d &v) { return m.lossGradient(v).loss; }, at);
        QVERIFY((numeric - m.lossGradient(at).gradient).norm() < 1e-7);
        // The minimum on this data: w1 > 0 (class 1 along x), w2 < w1.
        QVERIFY(w.x() > 0 && w.y() < w.x());
    }

    void miniBatches()
    {
        const LinearClassifier m = LinearClassifier::generate(100, 5); // 200 points
        const Eigen::Vector2d w(0.2, -0.1);
        BatchSampler s(m.size(), 20, 9);
        QCOMPARE(s.batchesPerEpoch(), 10);
        std::vector<std::int32_t> firstEpoch;
        for (int epoch = 1; epoch <= 2; ++epoch) {
            Eigen::Vector2d sum = Eigen::Vector2d::Zero();
            std::vector<std::int32_t> seen;
            for (int k = 0; k < 10; ++k) {
                const auto batch = s.next();
                QCOMPARE(s.epoch(), epoch);
                QCOMPARE(batch.size(), std::size_t(20));
                sum += m.lossGradient(w, batch).gradient;
                seen.insert(seen.end(), batch.begin(), batch.end());
            }
            // The mean of an epoch's equal batches' gradients is the full gradient.
            QVERIFY((sum / 10.0 - m.lossGradient(w).gradient).norm() < 1e-12);
            if (epoch == 1)
                firstEpoch = seen;
            else
                QVERIFY(seen != firstEpoch); // reshuffled
            std::sort(seen.begin(), seen.end());
            for (int i = 0; i < 200; ++i)
                QCOMPARE(seen[static_cast<std::size_t>(i)], i);
        }
        // An uneven split ends each epoch with the remainder, as Keras does.
        BatchSampler u(200, 64, 1);
        QCOMPARE(u.batchesPerEpoch(), 4);
        for (const std::size_t expected : {64, 64, 64, 8, 64})
            QCOMPARE(u.next().size(), expected);
        QCOMPARE(u.epoch(), 2);
        // The same seed, the same batches.
        BatchSampler a(200, 16, 42), b(200, 16, 42);
        for (int k = 0; k < 30; ++k) {
            const auto x = a.next(), y = b.next();
            QVERIFY(std::equal(x.begin(), x.end(), y.begin(), y.end()));
        }
        QVERIFY_THROWS_EXCEPTION(core::IndexError,
                                 m.lossGradient(w, std::vector<std::int32_t>{0, 200}));
    }

    void batchNoise()
    {
        const LinearClassifier m = LinearClassifier::generate(500, 11); // 1000 points
        const Eigen::Vector2d w(0.1, 0.1);
        const GradientNoise small = m.batchNoise(w, 8), large = m.batchNoise(w, 128);
        QVERIFY(small.rms > 2.0 * large.rms);
        QCOMPARE(m.batchNoise(w, 1000).rms, 0.0);
        // The formula against batches actually drawn.
        for (const int b : {8, 128}) {
            const GradientNoise exact = m.batchNoise(w, b);
            const GradientNoise sampled = m.sampledBatchNoise(w, b, 4000, 3);
            QVERIFY2(std::fabs(sampled.rms / exact.rms - 1.0) < 0.05,
                     qPrintable(QStringLiteral("batch %1: sampled %2, exact %3")
                                    .arg(b)
                                    .arg(sampled.rms)
                                    .arg(exact.rms)));
        }
        // Batch size 1: the points' own gradient spread, times n / (n - 1) ... times (n - 1)/(n -
        // 1).
        Eigen::Matrix2d s = Eigen::Matrix2d::Zero();
        const Eigen::Vector2d g = m.lossGradient(w).gradient;
        for (int i = 0; i < m.size(); ++i) {
            const Eigen::Vector2d d = m.pointGradient(w, i) - g;
            s += d * d.transpose();
        }
        QVERIFY((m.batchNoise(w, 1).covariance - s / m.size()).norm() < 1e-12 * s.norm());
    }

    void miniBatchSgdPath()
    {
        const LinearClassifier m = LinearClassifier::generate(100, 2);
        const SgdPath p = miniBatchSgd(m, {-0.5, 1.0}, 0.02f, 16, 400, 4);
        QVERIFY(!p.path.diverged());
        QCOMPARE(p.steps(), 400);
        QCOMPARE(p.path.points.size(), std::size_t(401));
        QCOMPARE(p.batches.size(), std::size_t(400));
        for (int k = 0; k < 400; k += 37) {
            const auto uk = static_cast<std::size_t>(k);
            const LossGradient b = m.lossGradient(p.path.points[uk], p.batches[uk]);
            QCOMPARE(p.batchGradients[uk], b.gradient);
            QCOMPARE(p.batchLosses[uk], b.loss);
            QCOMPARE(p.path.gradients[uk], m.lossGradient(p.path.points[uk]).gradient);
            // Plain SGD in float: next = w - lr · g.
            const Eigen::Vector2d expected = p.path.points[uk] - 0.02 * b.gradient;
            QVERIFY((p.path.points[uk + 1] - expected).norm() < 1e-6);
        }
        QCOMPARE(p.epochs.front(), 1);
        QCOMPARE(p.epochs.back(), 400 / 13 + 1); // 13 batches an epoch (12 of 16, one of 8)
        // It ends near the minimum, and noisier than full-batch descent would.
        QVERIFY(p.path.losses.back() < m.minimumLoss() + 0.01);
        QVERIFY(p.path.losses.back() < p.path.losses.front() / 5);
        // A full batch is gradient descent (the sum's order aside).
        const SgdPath full = miniBatchSgd(m, {-0.5, 1.0}, 0.02f, 1000, 50, 4);
        const DescentPath gd =
            descend(m.lossFunction(), {-0.5, 1.0}, OptimizerConfig::sgd(0.02f), 50);
        QVERIFY((full.path.points.back() - gd.points.back()).norm() < 1e-5);
        // Far too large a step diverges, keeping finite points only.
        const double lambda = m.secondMoment().eigenvalues().real().maxCoeff();
        const SgdPath wild = miniBatchSgd(m, {-0.5, 1.0}, float(5.0 / lambda), 16, 1000, 4, 1e3);
        QVERIFY(wild.path.diverged());
        QCOMPARE(wild.path.divergence, Divergence::OutOfBounds);
        QVERIFY(allFinite(wild.path));
        QCOMPARE(wild.path.points.size(), std::size_t(wild.path.divergedAt));
        QCOMPARE(wild.steps(), wild.path.divergedAt);
    }

    void backpropBookExample()
    {
        const BackpropGraph g = buildBackpropExample();
        QCOMPARE(g.value("x1"), 6.0);
        QCOMPARE(g.value("x2"), 7.0);
        QCOMPARE(g.value("loss_val"), 3.0);
        QCOMPARE(g.gradient("loss_val"), 1.0);
        QCOMPARE(g.gradient("x2"), 1.0);
        QCOMPARE(g.gradient("x1"), 1.0);
        QCOMPARE(g.gradient("w"), 2.0);
        QCOMPARE(g.gradient("b"), 1.0);
        QCOMPARE(g.gradient("x"), 3.0);
        QCOMPARE(g.gradient("y_true"), -1.0);
        QVERIFY(g.node("w").parameter && g.node("b").parameter && !g.node("x").parameter);
        QCOMPARE(g.nodeIndex("nope"), -1);
        // Steps: 4 inputs, 3 computed nodes, then 6 edges back.
        QCOMPARE(g.steps.size(), std::size_t(13));
        QCOMPARE(g.steps[4].text, std::string("x1 = x · w = 2 · 3 = 6"));
        QCOMPARE(g.steps[5].text, std::string("x2 = x1 + b = 6 + 1 = 7"));
        QCOMPARE(g.steps[6].text, std::string("loss_val = abs(y_true - x2) = abs(4 - 7) = 3"));
        QCOMPARE(g.steps[7].text,
                 std::string("grad(loss_val, x2) = -sign(y_true - x2) = -sign(4 - 7) = 1"));
        QCOMPARE(g.steps[10].text,
                 std::string("grad(loss_val, w) = grad(loss_val, x1) · grad(x1, w) = 1 · 2 = 2"));
        for (int k = 0; k < 7; ++k)
            QCOMPARE(g.steps[static_cast<std::size_t>(k)].kind, BackpropStep::Kind::Forward);
        // The book's edges (figure 2.25) come first, then those toward the data.
        for (int k = 7; k < 13; ++k) {
            const BackpropStep &s = g.steps[static_cast<std::size_t>(k)];
            QCOMPARE(s.kind, BackpropStep::Kind::Backward);
            QCOMPARE(g.edges[static_cast<std::size_t>(s.edge)].towardParameter, k < 11);
        }
        QCOMPARE(g.edges[3].localText, std::string("grad(x1, w) = x = 2"));
        QCOMPARE(formatNumber(-0.0), std::string("0"));
        QCOMPARE(formatNumber(0.1 * 3), std::string("0.3"));
        // A negative operand is parenthesised.
        QCOMPARE(buildBackpropExample(-2, 3, 1, 4).steps[4].text,
                 std::string("x1 = x · w = (-2) · 3 = -6"));
    }

    void backpropMatchesFiniteDifferences()
    {
        core::nn::Random r(17);
        int checked = 0;
        for (int trial = 0; trial < 200; ++trial) {
            const double x = r.uniform(-5, 5), w = r.uniform(-5, 5), b = r.uniform(-5, 5),
                         y = r.uniform(-5, 5);
            if (std::fabs(y - (x * w + b)) < 0.1) continue; // the kink of abs
            ++checked;
            const BackpropGraph g = buildBackpropExample(x, w, b, y);
            auto loss = [](double x_, double w_, double b_, double y_) {
                return buildBackpropExample(x_, w_, b_, y_).value("loss_val");
            };
            const double h = 1e-6;
            const double dx = centralDifference([&](double v) { return loss(v, w, b, y); }, x, h);
            const double dw = centralDifference([&](double v) { return loss(x, v, b, y); }, w, h);
            const double db = centralDifference([&](double v) { return loss(x, w, v, y); }, b, h);
            const double dy = centralDifference([&](double v) { return loss(x, w, b, v); }, y, h);
            QVERIFY(std::fabs(g.gradient("x") - dx) < 1e-6);
            QVERIFY(std::fabs(g.gradient("w") - dw) < 1e-6);
            QVERIFY(std::fabs(g.gradient("b") - db) < 1e-6);
            QVERIFY(std::fabs(g.gradient("y_true") - dy) < 1e-6);
            QCOMPARE(g.value("loss_val"), std::fabs(y - (x * w + b)));
        }
        QVERIFY(checked > 150);
    }
};

QTEST_APPLESS_MAIN(TestGradientMath)
#include "test_gradientmath.moc"
