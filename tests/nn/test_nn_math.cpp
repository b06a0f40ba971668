// The network's arithmetic (core/nn): model shapes and Glorot initialisation, the random
// generator, the matrix kernels, activations and the loss (at extreme logits too), and gradients of
// whole models against finite differences.

#include "nnfixtures.h"

#include "core/errors.h"
#include "core/nn/activation.h"
#include "core/nn/dataset.h"
#include "core/nn/inference.h"
#include "core/nn/kernels.h"
#include "core/nn/loss.h"
#include "core/nn/model.h"
#include "core/nn/random.h"
#include "core/nn/trainer.h"

#include <QTest>
#include <algorithm>
#include <cmath>
#include <cstring>
#include <numeric>

using namespace core::nn;
using namespace nnfixtures;

namespace {

Activation activationNamed(const QString &name)
{
    const auto a = activationFromName(name.toStdString());
    if (!a) qFatal("unknown activation %s", qPrintable(name));
    return *a;
}

// Random weights, biases included (zero biases would hide bias-gradient bugs).
void randomize(Sequential &model, std::uint64_t seed, float scale)
{
    Random r(seed);
    for (float &w : model.mutableParameters())
        w = r.uniform(-scale, scale);
}

double meanLoss(const Sequential &model, const Matrix &x, const std::vector<std::int32_t> &labels)
{
    return computeGradients(model, x, labels).loss;
}

// Compares analytic and central-difference gradients: every entry within tolerance, and the
// whole vector within 1% relative error.
void compareGradients(const std::vector<double> &analytic, const std::vector<double> &numeric,
                      const char *what)
{
    QCOMPARE(analytic.size(), numeric.size());
    double diff2 = 0, norm2 = 0;
    for (std::size_t i = 0; i < analytic.size(); ++i) {
        const double d = std::fabs(analytic[i] - numeric[i]);
        if (d > 2e-3 + 2e-2 * std::fabs(numeric[i]))
            QFAIL(qPrintable(QStringLiteral("%1[%2]: analytic %3, finite differences %4")
                                 .arg(QLatin1String(what))
                                 .arg(i)
                                 .arg(analytic[i])
                                 .arg(numeric[i])));
        diff2 += d * d;
        norm2 += numeric[i] * numeric[i];
    }
    QVERIFY2(norm2 > 1e-8, "gradient is zero: the check would prove nothing");
    QVERIFY2(std::sqrt(diff2 / norm2) < 1e-2, what);
}

} // namespace

class TestNnMath : public QObject {
    Q_OBJECT

private slots:
    // --- shapes and initialisation ---------------------------------------------------------

    void bookNetworkShape()
    {
        const Sequential m = Sequential::bookMnist();
        QCOMPARE(m.parameterCount(), std::size_t{407050});
        QCOMPARE(m.layerCount(), 2);
        QCOMPARE(m.kernel(0).rows, std::int64_t{784});
        QCOMPARE(m.kernel(0).cols, std::int64_t{512});
        QCOMPARE(m.bias(1).size(), std::size_t{10});
        QVERIFY(m.summary().find("Total params: 407,050") != std::string::npos);
        QCOMPARE(QString::fromStdString(m.describe()),
                 QStringLiteral("784 → Dense(512, relu) → Dense(10, softmax)"));
    }

    void glorotUniformBoundsAndSeeds()
    {
        Sequential a = Sequential::bookMnist(), b = Sequential::bookMnist(),
                   c = Sequential::bookMnist();
        a.initialize(7);
        b.initialize(7);
        c.initialize(8);
        QVERIFY(sameBits(a.parameters(), b.parameters()));
        QVERIFY(!sameBits(a.parameters(), c.parameters()));
        const double limit = std::sqrt(6.0 / (784 + 512));
        const MatrixView k = a.kernel(0);
        double sum = 0, sum2 = 0;
        for (std::int64_t i = 0; i < k.rows * k.cols; ++i) {
            const double w = k.data[i];
            QVERIFY(std::fabs(w) <= limit);
            sum += w;
            sum2 += w * w;
        }
        const double n = static_cast<double>(k.rows * k.cols);
        // U(-l, l): mean 0, variance l²/3; 401,408 draws give a standard error far below these.
        QVERIFY(std::fabs(sum / n) < 0.01 * limit);
        QVERIFY(std::fabs(sum2 / n / (limit * limit / 3) - 1) < 0.01);
        for (float v : a.bias(0))
            QCOMPARE(v, 0.0f);
    }

    void badArchitecturesRejected()
    {
        QVERIFY_THROWS_EXCEPTION(core::ValueError, Sequential(0, {{3, Activation::Relu}}));
        QVERIFY_THROWS_EXCEPTION(core::ValueError, Sequential(4, {{0, Activation::Relu}}));
        Sequential noSoftmax(4, {{3, Activation::Relu}});
        Matrix x(2, 4);
        const Dataset d = Dataset::fromMatrix(std::move(x), {0, 1});
        QVERIFY_THROWS_EXCEPTION(core::ValueError, Trainer(noSoftmax).fit(d));
        Sequential narrow(4, {{2, Activation::Softmax}});
        const Dataset threeClasses = Dataset::fromMatrix(Matrix(3, 4), {0, 1, 2});
        QVERIFY_THROWS_EXCEPTION(core::ValueError, Trainer(narrow).fit(threeClasses));
        Sequential wide(5, {{2, Activation::Softmax}});
        QVERIFY_THROWS_EXCEPTION(core::ValueError, Trainer(wide).fit(d));
    }

    void randomShuffleIsAPermutation()
    {
        std::vector<std::int32_t> v(1000);
        std::iota(v.begin(), v.end(), 0);
        Random r(3);
        r.shuffle(v);
        QVERIFY(!std::is_sorted(v.begin(), v.end()));
        std::vector<std::int32_t> s = v;
        std::sort(s.begin(), s.end());
        for (int i = 0; i < 1000; ++i)
            QCOMPARE(s[static_cast<std::size_t>(i)], i);
        Random again(3);
        std::vector<std::int32_t> w(1000);
        std::iota(w.begin(), w.end(), 0);
        again.shuffle(w);
        QCOMPARE(v, w);
    }

    // --- kernels ---------------------------------------------------------------------------

    void gemmMatchesReference_data()
    {
        QTest::addColumn<int>("m");
        QTest::addColumn<int>("n");
        QTest::addColumn<int>("k");
        QTest::addColumn<bool>("transposeA");
        QTest::addColumn<bool>("accumulate");
        QTest::newRow("6x16x9 exact tiles") << 6 << 16 << 9 << false << false;
        QTest::newRow("7x10x5 tails") << 7 << 10 << 5 << false << false;
        QTest::newRow("1x1x1") << 1 << 1 << 1 << false << false;
        QTest::newRow("13x37x21 transposed A") << 13 << 37 << 21 << true << false;
        QTest::newRow("5x3x64 accumulate") << 5 << 3 << 64 << false << true;
        QTest::newRow("64x512x100") << 64 << 512 << 100 << false << false;
    }

    void gemmMatchesReference()
    {
        QFETCH(int, m);
        QFETCH(int, n);
        QFETCH(int, k);
        QFETCH(bool, transposeA);
        QFETCH(bool, accumulate);
        const Matrix a = transposeA ? randomInputs(k, m, 1, 0.0) : randomInputs(m, k, 1, 0.0);
        const Matrix b = randomInputs(k, n, 2, 0.0);
        Matrix c = randomInputs(m, n, 3, 0.0);
        const Matrix c0 = c;
        if (transposeA)
            kernels::gemm(m, n, k, a.data(), 1, m, b.data(), n, c.data(), n, accumulate);
        else
            kernels::gemm(m, n, k, a.data(), k, 1, b.data(), n, c.data(), n, accumulate);
        for (int i = 0; i < m; ++i)
            for (int j = 0; j < n; ++j) {
                double ref = accumulate ? c0(i, j) : 0.0;
                for (int p = 0; p < k; ++p)
                    ref += double(transposeA ? a(p, i) : a(i, p)) * b(p, j);
                QVERIFY2(std::fabs(c(i, j) - ref) < 1e-5 * (k + 1),
                         qPrintable(QStringLiteral("C(%1, %2) = %3, expected %4")
                                        .arg(i)
                                        .arg(j)
                                        .arg(c(i, j))
                                        .arg(ref)));
            }
    }

    // Skipping zeros changes nothing: the same fused multiply-add chain without its 0 · b terms.
    void sparseProductEqualsDenseBitForBit()
    {
        const int rows = 9, k = 50, n = 77;
        const Matrix x = randomInputs(rows, k, 4, 0.8);
        const Matrix w = randomInputs(k, n, 5, 0.0);
        Matrix dense(rows, n), sparse(rows, n);
        kernels::gemm(rows, n, k, x.data(), k, 1, w.data(), n, dense.data(), n, false);
        std::vector<std::uint32_t> index;
        std::vector<float> value;
        for (int i = 0; i < rows; ++i) {
            index.clear();
            value.clear();
            for (int p = 0; p < k; ++p)
                if (x(i, p) != 0.0f) {
                    index.push_back(static_cast<std::uint32_t>(p));
                    value.push_back(x(i, p));
                }
            const kernels::SparseSpan span{index.data(), value.data(),
                                           static_cast<std::int64_t>(index.size())};
            kernels::sparseTimesDense(&span, 1, w.data(), n, n, sparse.row(i));
        }
        QVERIFY(std::memcmp(dense.data(), sparse.data(), sizeof(float) * rows * n) == 0);
    }

    // --- loss and activations ----------------------------------------------------------------

    void lossGradientMatchesFiniteDifferences_data()
    {
        QTest::addColumn<QList<float>>("logits");
        QTest::addColumn<int>("label");
        QTest::newRow("small") << QList<float>{0.3f, -1.2f, 2.0f, 0.0f} << 2;
        QTest::newRow("label not the max") << QList<float>{3.0f, 1.0f, -2.0f} << 1;
        QTest::newRow("large offset") << QList<float>{100.5f, 101.0f, 99.0f} << 0;
    }

    void lossGradientMatchesFiniteDifferences()
    {
        QFETCH(QList<float>, logits);
        QFETCH(int, label);
        const int k = static_cast<int>(logits.size());
        std::vector<float> z(logits.begin(), logits.end()), grad(static_cast<std::size_t>(k));
        const RowLoss r = softmaxCrossEntropy(z.data(), k, label, grad.data(), 1.0f);
        // Reference in double: log-sum-exp.
        auto reference = [&](const std::vector<double> &v) {
            const double m = *std::max_element(v.begin(), v.end());
            double s = 0;
            for (double e : v)
                s += std::exp(e - m);
            return std::log(s) + m - v[static_cast<std::size_t>(label)];
        };
        std::vector<double> zd(logits.begin(), logits.end());
        QVERIFY(std::fabs(r.loss - reference(zd)) < 1e-5);
        std::vector<double> analytic, numeric;
        for (int j = 0; j < k; ++j) {
            std::vector<double> plus = zd, minus = zd;
            plus[static_cast<std::size_t>(j)] += 1e-4;
            minus[static_cast<std::size_t>(j)] -= 1e-4;
            numeric.push_back((reference(plus) - reference(minus)) / 2e-4);
            analytic.push_back(grad[static_cast<std::size_t>(j)]);
        }
        compareGradients(analytic, numeric, "loss gradient");
        double sum = 0;
        for (float p : z)
            sum += p;
        QVERIFY(std::fabs(sum - 1.0) < 1e-6); // z now holds the probabilities
    }

    void lossFiniteAtExtremeLogits_data()
    {
        QTest::addColumn<QList<float>>("logits");
        QTest::addColumn<int>("label");
        QTest::addColumn<double>("expected");
        QTest::newRow("right and sure") << QList<float>{1000.0f, -1000.0f, 0.0f} << 0 << 0.0;
        QTest::newRow("wrong and sure") << QList<float>{1000.0f, -1000.0f, 0.0f} << 1 << 2000.0;
        QTest::newRow("middle") << QList<float>{1000.0f, -1000.0f, 0.0f} << 2 << 1000.0;
        QTest::newRow("all huge, tied") << QList<float>{1000.0f, 1000.0f} << 1 << std::log(2.0);
        QTest::newRow("all very negative") << QList<float>{-1000.0f, -999.0f} << 0 << 1.3132617;
    }

    void lossFiniteAtExtremeLogits()
    {
        QFETCH(QList<float>, logits);
        QFETCH(int, label);
        QFETCH(double, expected);
        const int k = static_cast<int>(logits.size());
        std::vector<float> z(logits.begin(), logits.end()), grad(static_cast<std::size_t>(k));
        const RowLoss r = softmaxCrossEntropy(z.data(), k, label, grad.data(), 1.0f);
        QVERIFY(std::isfinite(r.loss));
        QVERIFY2(std::fabs(r.loss - expected) <= 1e-5 * std::max(1.0, expected),
                 qPrintable(QString::number(r.loss)));
        double sum = 0;
        for (int j = 0; j < k; ++j) {
            QVERIFY(std::isfinite(z[static_cast<std::size_t>(j)]));
            QVERIFY(std::isfinite(grad[static_cast<std::size_t>(j)]));
            sum += z[static_cast<std::size_t>(j)];
        }
        QVERIFY(std::fabs(sum - 1.0) < 1e-6);
    }

    void softmaxRowsSumToOne()
    {
        Matrix x = randomInputs(5, 7, 9, 0.0);
        for (std::int64_t j = 0; j < 7; ++j)
            x(0, j) = j % 2 ? 1000.0f : -1000.0f;
        applyActivation(Activation::Softmax, x.data(), 5, 7, 7, nullptr);
        for (std::int64_t i = 0; i < 5; ++i) {
            double s = 0;
            for (std::int64_t j = 0; j < 7; ++j) {
                QVERIFY(x(i, j) >= 0.0f);
                s += x(i, j);
            }
            QVERIFY(std::fabs(s - 1.0) < 1e-6);
        }
    }

    void reluPropagatesNan()
    {
        float v[3] = {NAN, -1.0f, 2.0f};
        applyActivation(Activation::Relu, v, 1, 3, 3, nullptr);
        QVERIFY(std::isnan(v[0]));
        QCOMPARE(v[1], 0.0f);
        QCOMPARE(v[2], 2.0f);
    }

    void denormalsFlushInTheEngineOnly()
    {
#if !defined(__SSE__)
        QSKIP("the flush is x86's (denormals.h)");
#else
        // Each output sums 64 products of 1e-20 * 1e-20 = 1e-40, a denormal float: the engine
        // makes each 0 (denormals.h), on every thread of a round; 32 rows x 64 x 512 multiply-adds
        // a chunk keep the pool's threads busy beside the caller. The caller's thread is IEEE
        // again afterwards: flush-to-zero and denormals-are-zero both off.
        constexpr int kInputs = 64, kUnits = 512;
        Sequential model(kInputs, {{kUnits, Activation::Linear}});
        for (float &w : model.mutableKernel(0))
            w = 1e-20f;
        Matrix x(2048, kInputs);
        std::fill(x.data(), x.data() + x.rows() * x.cols(), 1e-20f);
        volatile float tiny = 1e-20f, denormal = 1e-40f;
        QVERIFY(tiny * tiny > 0.0f);
        for (int threads : {1, 4}) {
            const Matrix y = predict(model, x, threads);
            // Exactly: QCOMPARE(x, 0.0f) is fuzzy.
            for (std::int64_t i = 0; i < y.rows() * y.cols(); ++i)
                QVERIFY2(y.data()[i] == 0.0f, qPrintable(QString::number(y.data()[i])));
        }
        QVERIFY(tiny * tiny > 0.0f);
        QVERIFY(denormal * 1.0f > 0.0f);
#endif
    }

    // --- gradients of whole models ----------------------------------------------------------

    void gradientsMatchFiniteDifferences_data()
    {
        QTest::addColumn<QStringList>("hidden"); // activation of each hidden layer
        QTest::addColumn<bool>("sparse");
        for (const char *a : {"relu", "sigmoid", "tanh", "linear", "softmax"}) {
            QTest::addRow("%s", a) << QStringList{QLatin1String(a)} << false;
            QTest::addRow("%s, sparse input", a) << QStringList{QLatin1String(a)} << true;
        }
        QTest::newRow("tanh then relu") << QStringList{"tanh", "relu"} << false;
        QTest::newRow("sigmoid then softmax, sparse") << QStringList{"sigmoid", "softmax"} << true;
        QTest::newRow("no hidden layer") << QStringList{} << false;
    }

    void gradientsMatchFiniteDifferences()
    {
        QFETCH(QStringList, hidden);
        QFETCH(bool, sparse);
        std::vector<DenseSpec> specs;
        const int widths[] = {7, 5};
        for (int i = 0; i < hidden.size(); ++i)
            specs.push_back({widths[i], activationNamed(hidden[i])});
        specs.push_back({3, Activation::Softmax});
        Sequential model(6, specs);
        randomize(model, 11, 0.8f);
        const Matrix x = randomInputs(4, 6, 12, sparse ? 0.5 : 0.0);
        const std::vector<std::int32_t> labels = {0, 2, 1, 2};
        const InputPath path = sparse ? InputPath::Sparse : InputPath::Dense;
        const Gradients g = computeGradients(model, x, labels, path);

        const double h = 1e-3;
        std::vector<double> analytic(g.parameters.begin(), g.parameters.end()), numeric;
        for (std::size_t i = 0; i < model.parameterCount(); ++i) {
            Sequential plus = model, minus = model;
            plus.mutableParameters()[i] += static_cast<float>(h);
            minus.mutableParameters()[i] -= static_cast<float>(h);
            const double dh = double(plus.parameters()[i]) - double(minus.parameters()[i]);
            numeric.push_back((meanLoss(plus, x, labels) - meanLoss(minus, x, labels)) / dh);
        }
        compareGradients(analytic, numeric, "parameter gradient");

        std::vector<double> analyticX, numericX;
        for (std::int64_t i = 0; i < x.rows() * x.cols(); ++i) {
            Matrix plus = x, minus = x;
            plus.data()[i] += static_cast<float>(h);
            minus.data()[i] -= static_cast<float>(h);
            const double dh = double(plus.data()[i]) - double(minus.data()[i]);
            numericX.push_back((meanLoss(model, plus, labels) - meanLoss(model, minus, labels)) /
                               dh);
            analyticX.push_back(g.inputs.data()[i]);
        }
        compareGradients(analyticX, numericX, "input gradient");

        // The two input paths compute the same bits.
        const Gradients other =
            computeGradients(model, x, labels, sparse ? InputPath::Dense : InputPath::Sparse);
        QVERIFY(sameBits(g.parameters, other.parameters));
    }
};

QTEST_GUILESS_MAIN(TestNnMath)
#include "test_nn_math.moc"
