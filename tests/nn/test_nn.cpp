// The network engine (core/nn): gradients against finite differences, optimizer steps against
// values worked out by hand, the loss at extreme logits, learning on the embedded sample,
// determinism, model files (good and broken), divergence, pause and cancel, evaluate and predict.

#include "core/data/mnist.h"
#include "core/errors.h"
#include "core/nn/activation.h"
#include "core/nn/atomicfile.h"
#include "core/nn/dataset.h"
#include "core/nn/inference.h"
#include "core/nn/kernels.h"
#include "core/nn/loss.h"
#include "core/nn/model.h"
#include "core/nn/optimizer.h"
#include "core/nn/random.h"
#include "core/nn/serialization.h"
#include "core/nn/trainer.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <new>
#include <numeric>
#include <sys/resource.h>
#include <thread>

using namespace core::nn;

// Counts C++ allocations, to check that a training step makes none.
namespace {
std::atomic<long> g_allocations{0};
}
void *operator new(std::size_t size)
{
    g_allocations.fetch_add(1, std::memory_order_relaxed);
    if (void *p = std::malloc(size ? size : 1)) return p;
    throw std::bad_alloc();
}
void operator delete(void *p) noexcept
{
    std::free(p);
}
void operator delete(void *p, std::size_t) noexcept
{
    std::free(p);
}

namespace {

std::vector<std::byte> readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) qFatal("cannot read %s", qPrintable(path));
    const QByteArray a = f.readAll();
    const auto *p = reinterpret_cast<const std::byte *>(a.constData());
    return {p, p + a.size()};
}

// The embedded sample: 800 training and 200 test digits.
const core::MnistData &sample()
{
    static const core::MnistData data = core::mnistFromSample(
        readAll(QStringLiteral(UNCRUMPLE_SAMPLE_DIR "/t10k-images-1000-idx3-ubyte.gz")),
        readAll(QStringLiteral(UNCRUMPLE_SAMPLE_DIR "/t10k-labels-1000-idx1-ubyte.gz")));
    return data;
}

Dataset sampleTrain()
{
    return Dataset::fromTensors(sample().trainImages, sample().trainLabels, 255.0f);
}

Dataset sampleTest()
{
    return Dataset::fromTensors(sample().testImages, sample().testLabels, 255.0f);
}

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

Matrix randomInputs(std::int64_t rows, std::int64_t cols, std::uint64_t seed, double zeroShare)
{
    Random r(seed);
    Matrix x(rows, cols);
    for (std::int64_t i = 0; i < rows * cols; ++i)
        x.data()[i] = r.uniform01() < zeroShare ? 0.0f : r.uniform(-1.0f, 1.0f);
    return x;
}

double meanLoss(const Sequential &model, const Matrix &x, const std::vector<std::int32_t> &labels)
{
    return computeGradients(model, x, labels).loss;
}

bool sameBits(std::span<const float> a, std::span<const float> b)
{
    return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size_bytes()) == 0;
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

Sequential trainedOnSample(std::uint64_t seed, int threads, InputPath path, int epochs = 2,
                           OptimizerConfig optimizer = {})
{
    Sequential model(784, {{64, Activation::Relu}, {10, Activation::Softmax}});
    model.initialize(seed);
    TrainOptions o;
    o.epochs = epochs;
    o.batchSize = 32;
    o.seed = seed;
    o.threads = threads;
    o.inputPath = path;
    Trainer trainer(model, optimizer, o);
    const TrainResult r = trainer.fit(sampleTrain());
    if (r.status != TrainStatus::Finished) qFatal("training failed: %s", r.message.c_str());
    return model;
}

} // namespace

class TestNn : public QObject {
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

    // --- optimizers --------------------------------------------------------------------------

    // Two steps on w = (1, -0.5, 2) with gradients (0.5, -1, 0) then (0.25, 2, 0), learning rate
    // 0.1, worked out by hand (the arithmetic of the first weight is in the comments).
    void optimizerTwoSteps_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<float>("momentum");
        QTest::addColumn<QList<double>>("afterOne");
        QTest::addColumn<QList<double>>("afterTwo");
        // RMSprop, rho 0.9, eps 1e-7.
        // 1: v = 0.1 · 0.5² = 0.025;  w = 1 - 0.1 · 0.5 / (√0.025 + 1e-7) = 1 - 0.05 / 0.158113983
        //    = 0.683772434
        // 2: v = 0.9 · 0.025 + 0.1 · 0.25² = 0.02875;
        //    w = 0.683772434 - 0.025 / (√0.02875 + 1e-7) = 0.683772434 - 0.147441869 = 0.536330565
        QTest::newRow("rmsprop") << int(OptimizerKind::RMSprop) << 0.0f
                                 << QList<double>{0.683772434, -0.183772334, 2.0}
                                 << QList<double>{0.536330565, -0.469486579, 2.0};
        // SGD: w = 1 - 0.1 · 0.5 = 0.95, then 0.95 - 0.1 · 0.25 = 0.925.
        QTest::newRow("sgd") << int(OptimizerKind::SGD) << 0.0f << QList<double>{0.95, -0.4, 2.0}
                             << QList<double>{0.925, -0.6, 2.0};
        // SGD, momentum 0.9: m = -0.1 · 0.5 = -0.05, w = 0.95;
        //   m = 0.9 · -0.05 - 0.1 · 0.25 = -0.07, w = 0.95 - 0.07 = 0.88.
        QTest::newRow("sgd momentum")
            << int(OptimizerKind::SGD) << 0.9f << QList<double>{0.95, -0.4, 2.0}
            << QList<double>{0.88, -0.51, 2.0};
        // Adam, beta_1 0.9, beta_2 0.999, eps 1e-7.
        // 1: alpha = 0.1 · √(1 - 0.999) / (1 - 0.9) = 0.0316227766; m = 0.05; v = 0.00025;
        //    w = 1 - 0.05 · 0.0316227766 / (0.0158113883 + 1e-7) = 0.900000632
        // 2: alpha = 0.1 · √(1 - 0.999²) / (1 - 0.9²) = 0.0235316725; m = 0.05 + 0.1 · 0.2 = 0.07;
        //    v = 0.00025 + 0.001 · (0.0625 - 0.00025) = 0.00031225;
        //    w = 0.900000632 - 0.07 · 0.0235316725 / (0.0176706 + 1e-7) = 0.806783196
        QTest::newRow("adam") << int(OptimizerKind::Adam) << 0.0f
                              << QList<double>{0.900000632, -0.400000316, 2.0}
                              << QList<double>{0.806783196, -0.436610617, 2.0};
    }

    void optimizerTwoSteps()
    {
        QFETCH(int, kind);
        QFETCH(float, momentum);
        QFETCH(QList<double>, afterOne);
        QFETCH(QList<double>, afterTwo);
        OptimizerConfig c = OptimizerConfig::defaults(static_cast<OptimizerKind>(kind));
        c.learningRate = 0.1f;
        c.momentum = momentum;
        Optimizer opt(c);
        opt.prepare(3);
        std::vector<float> w = {1.0f, -0.5f, 2.0f}, next(3);
        const std::vector<std::vector<float>> grads = {{0.5f, -1.0f, 0.0f}, {0.25f, 2.0f, 0.0f}};
        for (int s = 0; s < 2; ++s) {
            const bool bad = opt.step(w.data(), next.data(), [&](const auto &rule) {
                return rule(0, 3, grads[static_cast<std::size_t>(s)].data());
            });
            QVERIFY(!bad);
            w = next;
            const QList<double> &expected = s == 0 ? afterOne : afterTwo;
            // float32 arithmetic, as in Keras: Adam's 1 - beta_2^t loses digits to cancellation
            // (NumPy in float32 gives 0.8067835 for the second step), so allow a few ulps.
            for (int i = 0; i < 3; ++i)
                QVERIFY2(std::fabs(w[static_cast<std::size_t>(i)] - expected[i]) < 1e-6,
                         qPrintable(QStringLiteral("step %1, w[%2] = %3, expected %4")
                                        .arg(s + 1)
                                        .arg(i)
                                        .arg(w[static_cast<std::size_t>(i)], 0, 'g', 9)
                                        .arg(expected[i], 0, 'g', 9)));
        }
        QCOMPARE(opt.iterations(), std::int64_t{2});
    }

    // A null gradient (a pixel no sample of the batch lights) is the same as explicit zeros.
    void optimizerZeroGradientShortcut_data()
    {
        QTest::addColumn<int>("kind");
        QTest::newRow("rmsprop") << int(OptimizerKind::RMSprop);
        QTest::newRow("sgd") << int(OptimizerKind::SGD);
        QTest::newRow("adam") << int(OptimizerKind::Adam);
    }

    void optimizerZeroGradientShortcut()
    {
        QFETCH(int, kind);
        OptimizerConfig c = OptimizerConfig::defaults(static_cast<OptimizerKind>(kind));
        c.momentum = 0.5f;
        Optimizer a(c), b(c);
        a.prepare(19);
        b.prepare(19);
        std::vector<float> w(19), wa(19), wb(19), g(19), zeros(19, 0.0f);
        Random r(5);
        for (std::size_t i = 0; i < 19; ++i) {
            w[i] = r.uniform(-1, 1);
            g[i] = r.uniform(-1, 1);
        }
        // A real step first, so that the state is not zero.
        a.step(w.data(), wa.data(), [&](const auto &rule) { return rule(0, 19, g.data()); });
        b.step(w.data(), wb.data(), [&](const auto &rule) { return rule(0, 19, g.data()); });
        a.step(wa.data(), wa.data(), [&](const auto &rule) { return rule(0, 19, nullptr); });
        b.step(wb.data(), wb.data(), [&](const auto &rule) { return rule(0, 19, zeros.data()); });
        QVERIFY(sameBits(wa, wb));
    }

    void optimizerHyperparametersValidated()
    {
        QVERIFY_THROWS_EXCEPTION(core::ValueError, Optimizer(OptimizerConfig::rmsprop(-1.0f)));
        QVERIFY_THROWS_EXCEPTION(core::ValueError, Optimizer(OptimizerConfig::rmsprop(NAN)));
        QVERIFY_THROWS_EXCEPTION(core::ValueError,
                                 Optimizer(OptimizerConfig::rmsprop(1e-3f, 1.0f)));
        QVERIFY_THROWS_EXCEPTION(core::ValueError, Optimizer(OptimizerConfig::sgd(0.01f, -0.1f)));
        QVERIFY_THROWS_EXCEPTION(core::ValueError,
                                 Optimizer(OptimizerConfig::adam(1e-3f, 0.9f, 1.5f)));
        QCOMPARE(QString::fromStdString(OptimizerConfig::rmsprop().describe()),
                 QStringLiteral("RMSprop(learning_rate=0.001, rho=0.9, epsilon=1e-07)"));
        QVERIFY(optimizerFromName("adam") == OptimizerKind::Adam);
        QVERIFY(!optimizerFromName("adagrad"));
    }

    // --- training ----------------------------------------------------------------------------

    void learnsTheEmbeddedSample()
    {
        Sequential model = Sequential::bookMnist();
        model.initialize(0);
        TrainOptions o;
        o.epochs = 5;
        o.batchSize = 32;
        Trainer trainer(model, OptimizerConfig::rmsprop(), o);
        const auto t0 = std::chrono::steady_clock::now();
        const TrainResult r = trainer.fit(sampleTrain());
        const double s =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        QCOMPARE(r.status, TrainStatus::Finished);
        QCOMPARE(int(r.epochs.size()), 5);
        qInfo("5 epochs on 800 digits in %.2f s: train accuracy %.4f", s, r.epochs.back().accuracy);
        QVERIFY(r.epochs.back().accuracy > 0.9);
        QVERIFY(r.epochs.back().loss < r.epochs.front().loss);
        const Evaluation ev = trainer.evaluate(sampleTest());
        qInfo("test accuracy on the 200 held-out digits: %.4f", ev.accuracy);
        QVERIFY(ev.accuracy > 0.8);
    }

    void adamAndSgdLearnToo_data()
    {
        QTest::addColumn<int>("kind");
        QTest::newRow("adam") << int(OptimizerKind::Adam);
        QTest::newRow("sgd momentum 0.9") << int(OptimizerKind::SGD);
    }

    void adamAndSgdLearnToo()
    {
        QFETCH(int, kind);
        OptimizerConfig c = OptimizerConfig::defaults(static_cast<OptimizerKind>(kind));
        c.momentum = 0.9f;
        Sequential model = trainedOnSample(1, 2, InputPath::Auto, 5, c);
        QVERIFY(evaluate(model, sampleTrain()).accuracy > 0.9);
    }

    void sameSeedSameWeights()
    {
        const Sequential a = trainedOnSample(4, 2, InputPath::Auto);
        const Sequential b = trainedOnSample(4, 2, InputPath::Auto);
        const Sequential c = trainedOnSample(5, 2, InputPath::Auto);
        QVERIFY(sameBits(a.parameters(), b.parameters()));
        QVERIFY(!sameBits(a.parameters(), c.parameters()));
    }

    // Every sum has a fixed order, whatever the thread count and the input path.
    void threadsAndInputPathDoNotChangeTheResult()
    {
        const Sequential reference = trainedOnSample(6, 1, InputPath::Dense);
        for (int threads : {1, 2, 3})
            for (InputPath path : {InputPath::Dense, InputPath::Sparse})
                QVERIFY2(sameBits(trainedOnSample(6, threads, path).parameters(),
                                  reference.parameters()),
                         qPrintable(QStringLiteral("%1 threads, %2 path")
                                        .arg(threads)
                                        .arg(path == InputPath::Dense ? "dense" : "sparse")));
    }

    // Auto takes the sparse path for mostly-zero data in batches it can hold, the dense one else.
    void inputPathChoice()
    {
        Matrix x = randomInputs(3000, 20, 3, 0.9);
        std::vector<std::int32_t> labels(3000);
        for (std::size_t i = 0; i < labels.size(); ++i)
            labels[i] = static_cast<std::int32_t>(i % 3);
        const Dataset sparseData = Dataset::fromMatrix(std::move(x), labels);
        const Dataset denseData = Dataset::fromMatrix(randomInputs(3000, 20, 4, 0.1), labels);
        auto chosen = [](const Dataset &d, int batch, InputPath path) {
            Sequential model(20, {{8, Activation::Relu}, {3, Activation::Softmax}});
            model.initialize(1);
            TrainOptions o;
            o.epochs = 1;
            o.batchSize = batch;
            o.inputPath = path;
            Trainer trainer(model, OptimizerConfig::rmsprop(), o);
            trainer.fit(d);
            return trainer.sparseInput();
        };
        QVERIFY(chosen(sparseData, 128, InputPath::Auto));
        QVERIFY(!chosen(denseData, 128, InputPath::Auto));
        QVERIFY(!chosen(sparseData, 3000, InputPath::Auto)); // beyond the sparse path's batches
        QVERIFY(chosen(denseData, 128, InputPath::Sparse));
        QVERIFY(!chosen(sparseData, 128, InputPath::Dense));
        QVERIFY_THROWS_EXCEPTION(core::ValueError, chosen(sparseData, 3000, InputPath::Sparse));
    }

    // Widths that do not split evenly, three layers, a softmax hidden layer: still independent.
    void deeperNetworkThreadIndependent()
    {
        auto train = [](int threads) {
            Sequential model(784, {{37, Activation::Tanh},
                                   {19, Activation::Softmax},
                                   {13, Activation::Sigmoid},
                                   {10, Activation::Softmax}});
            model.initialize(2);
            TrainOptions o;
            o.epochs = 1;
            o.batchSize = 50;
            o.threads = threads;
            Trainer t(model, OptimizerConfig::adam(), o);
            if (t.fit(sampleTrain()).status != TrainStatus::Finished) qFatal("training failed");
            return model;
        };
        const Sequential one = train(1);
        QVERIFY(sameBits(one.parameters(), train(2).parameters()));
        QVERIFY(sameBits(one.parameters(), train(5).parameters()));
    }

    // The engine allocates its buffers when training starts, then nothing in the steps.
    void trainingStepsAllocateNothing_data()
    {
        QTest::addColumn<int>("threads");
        QTest::addColumn<int>("path");
        QTest::newRow("1 thread, sparse") << 1 << int(InputPath::Sparse);
        QTest::newRow("2 threads, sparse") << 2 << int(InputPath::Sparse);
        QTest::newRow("2 threads, dense") << 2 << int(InputPath::Dense);
    }

    void trainingStepsAllocateNothing()
    {
        QFETCH(int, threads);
        QFETCH(int, path);
        Sequential model = Sequential::bookMnist();
        model.initialize(0);
        TrainOptions o;
        o.epochs = 1;
        o.batchSize = 32;
        o.threads = threads;
        o.inputPath = static_cast<InputPath>(path);
        Trainer trainer(model, OptimizerConfig::adam(), o);
        long atStep3 = -1, atStep20 = -1;
        trainer.setBatchCallback([&](const BatchProgress &p) {
            if (p.step == 3) atStep3 = g_allocations.load();
            if (p.step == 20) atStep20 = g_allocations.load();
            return true;
        });
        QCOMPARE(trainer.fit(sampleTrain()).status, TrainStatus::Finished);
        QVERIFY(atStep3 >= 0);
        QCOMPARE(atStep20 - atStep3, 0L);
    }

    // 60,000 samples in batches of 128: 469 steps, the last of 96; running means as Keras'.
    void progressSnapshots()
    {
        Matrix x(60000, 2);
        std::vector<std::int32_t> labels(60000);
        for (std::int64_t i = 0; i < 60000; ++i) {
            x(i, 0) = static_cast<float>(i % 2);
            x(i, 1) = 1.0f;
            labels[static_cast<std::size_t>(i)] = static_cast<std::int32_t>(i % 2);
        }
        const Dataset d = Dataset::fromMatrix(std::move(x), std::move(labels));
        Sequential model(2, {{2, Activation::Softmax}});
        model.initialize(0);
        TrainOptions o;
        o.epochs = 2;
        Trainer trainer(model, OptimizerConfig::rmsprop(0.01f), o);
        std::vector<BatchProgress> seen;
        std::vector<EpochSummary> epochs;
        trainer.setBatchCallback([&](const BatchProgress &p) {
            seen.push_back(p);
            return true;
        });
        trainer.setEpochCallback([&](const EpochSummary &s) {
            epochs.push_back(s);
            return true;
        });
        const TrainResult r = trainer.fit(d);
        QCOMPARE(r.status, TrainStatus::Finished);
        QCOMPARE(int(seen.size()), 2 * 469);
        QCOMPARE(seen[0].stepsPerEpoch, 469);
        QCOMPARE(seen[0].samplesSeen, std::int64_t{128});
        QCOMPARE(seen[467].samplesSeen, std::int64_t{468 * 128});
        QCOMPARE(seen[468].samplesSeen, std::int64_t{60000}); // the last batch holds 96
        QCOMPARE(seen[469].epoch, 2);
        QCOMPARE(seen[469].step, 1);
        QCOMPARE(r.steps, std::int64_t{938});
        QCOMPARE(epochs.size(), std::size_t{2});
        QCOMPARE(epochs[0].loss, seen[468].loss);
        QCOMPARE(epochs[0].accuracy, seen[468].accuracy);
        for (std::size_t i = 1; i < seen.size(); ++i)
            QVERIFY(seen[i].elapsedSeconds >= seen[i - 1].elapsedSeconds);
        QVERIFY(epochs[1].accuracy > 0.99); // the label is the first feature
    }

    void cancelStopsBetweenBatches()
    {
        Sequential model = Sequential::bookMnist();
        model.initialize(0);
        TrainOptions o;
        o.batchSize = 32;
        Trainer trainer(model, OptimizerConfig::rmsprop(), o);
        TrainControl control;
        trainer.setControl(&control);
        int batches = 0;
        trainer.setBatchCallback([&](const BatchProgress &) {
            if (++batches == 3) control.cancel();
            return true;
        });
        const TrainResult r = trainer.fit(sampleTrain());
        QCOMPARE(r.status, TrainStatus::Cancelled);
        QCOMPARE(r.steps, std::int64_t{3});
        QCOMPARE(batches, 3);
        QVERIFY(r.epochs.empty());
        QVERIFY(r.message.find("epoch 1/5, step 4/25") != std::string::npos);

        // A callback returning false stops as well.
        Trainer second(model, OptimizerConfig::rmsprop(), o);
        second.setBatchCallback([](const BatchProgress &p) { return p.step < 2; });
        QCOMPARE(second.fit(sampleTrain()).status, TrainStatus::Cancelled);
    }

    void pauseHoldsAndResumeContinues()
    {
        Sequential model(784, {{16, Activation::Relu}, {10, Activation::Softmax}});
        model.initialize(0);
        TrainOptions o;
        o.epochs = 1;
        o.batchSize = 100;
        Trainer trainer(model, OptimizerConfig::rmsprop(), o);
        TrainControl control;
        trainer.setControl(&control);
        std::atomic<int> batches{0};
        trainer.setBatchCallback([&](const BatchProgress &p) {
            if (p.step == 2) control.pause(); // the UI may pause from the callback or from anywhere
            ++batches;
            return true;
        });
        TrainResult result;
        std::thread worker([&] { result = trainer.fit(sampleTrain()); });
        for (int i = 0; i < 500 && !(control.isPaused() && batches == 2); ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        QCOMPARE(batches.load(), 2); // held: no batch ran while paused
        control.resume();
        worker.join();
        QCOMPARE(result.status, TrainStatus::Finished);
        QCOMPARE(batches.load(), 8);
        // The 100 ms paused are not training time.
        QVERIFY2(result.seconds < result.epochs[0].seconds + 0.05,
                 qPrintable(QString::number(result.seconds)));

        // Cancel while paused: fit returns without another batch.
        control.reset();
        control.pause();
        batches = 0;
        Trainer third(model, OptimizerConfig::rmsprop(), o);
        third.setControl(&control);
        std::thread canceller([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            control.cancel();
        });
        const TrainResult held = third.fit(sampleTrain());
        canceller.join();
        QCOMPARE(held.status, TrainStatus::Cancelled);
        QCOMPARE(held.steps, std::int64_t{0});
    }

    // A learning rate that blows up: training stops with a message, and the model holds, bit for
    // bit, the last weights whose loss was finite.
    void divergenceStopsAndRestores_data()
    {
        QTest::addColumn<float>("learningRate");
        QTest::newRow("sgd 1e12") << 1e12f;
        QTest::newRow("sgd 1e5") << 1e5f;
    }

    void divergenceStopsAndRestores()
    {
        QFETCH(float, learningRate);
        Sequential model = Sequential::bookMnist();
        model.initialize(0);
        TrainOptions o;
        o.epochs = 3;
        o.batchSize = 32;
        Trainer trainer(model, OptimizerConfig::sgd(learningRate), o);
        // The weights before the first step and after each applied one, the newest last (the
        // batch callback runs after a step is committed).
        std::vector<std::vector<float>> weights;
        auto record = [&] {
            const auto p = trainer.model().parameters();
            weights.emplace_back(p.begin(), p.end());
            if (weights.size() > 2) weights.erase(weights.begin());
        };
        record();
        trainer.setBatchCallback([&](const BatchProgress &) {
            record();
            return true;
        });
        const TrainResult r = trainer.fit(sampleTrain());
        qInfo("%lld steps applied: %s", static_cast<long long>(r.steps), r.message.c_str());
        QCOMPARE(r.status, TrainStatus::Diverged);
        QVERIFY2(r.steps > 0, "diverged at once: nothing to restore, the test would prove little");
        const bool lossBecameNonFinite = r.message.find("the loss became") == 0;
        QVERIFY2(lossBecameNonFinite ||
                     r.message.find("made a weight infinite or nan") != std::string::npos,
                 r.message.c_str());
        // A non-finite loss was computed on the newest weights: the ones before them (whose loss
        // the last applied step computed) come back. A non-finite update was never applied: the
        // newest weights stay.
        const std::vector<float> &expected = lossBecameNonFinite ? weights.front() : weights.back();
        QVERIFY(sameBits(model.parameters(), expected));
        for (float w : model.parameters())
            QVERIFY(std::isfinite(w));
    }

    // An update that would make a weight infinite is not applied: the weights before it stay.
    void nonFiniteUpdateIsNotApplied()
    {
        Matrix x(64, 5);
        std::vector<std::int32_t> labels(64);
        for (std::int64_t i = 0; i < 64; ++i) {
            for (std::int64_t j = 0; j < 5; ++j)
                x(i, j) = 1000.0f; // gradients in the hundreds: times 3e38 is past float's range
            labels[static_cast<std::size_t>(i)] = static_cast<std::int32_t>(i % 2);
        }
        const Dataset d = Dataset::fromMatrix(std::move(x), std::move(labels));
        Sequential model(5, {{2, Activation::Softmax}});
        model.initialize(3);
        const Sequential initial = model;
        TrainOptions o;
        o.batchSize = 64;
        Trainer trainer(model, OptimizerConfig::sgd(3e38f), o);
        const TrainResult r = trainer.fit(d);
        QCOMPARE(r.status, TrainStatus::Diverged);
        QVERIFY2(r.message.find("made a weight infinite or nan") != std::string::npos,
                 r.message.c_str());
        QCOMPARE(r.steps, std::int64_t{0});
        QVERIFY(sameBits(model.parameters(), initial.parameters()));
    }

    // validation_data: after each epoch, the test numbers are evaluate()'s on that epoch's weights.
    void testEachEpochMatchesEvaluate()
    {
        Sequential model(784, {{32, Activation::Relu}, {10, Activation::Softmax}});
        model.initialize(3);
        TrainOptions o;
        o.epochs = 2;
        o.batchSize = 50;
        o.threads = 2;
        o.testEachEpoch = true;
        const Dataset train = sampleTrain(), test = sampleTest();
        Trainer trainer(model, OptimizerConfig::rmsprop(), o);
        std::vector<Evaluation> expected;
        trainer.setEpochCallback([&](const EpochSummary &) {
            expected.push_back(evaluate(trainer.model(), test, 1, InputPath::Dense));
            return true;
        });
        const TrainResult r = trainer.fit(train, &test);
        QCOMPARE(r.status, TrainStatus::Finished);
        QCOMPARE(r.epochs.size(), std::size_t{2});
        QCOMPARE(expected.size(), std::size_t{2});
        for (std::size_t e = 0; e < 2; ++e) {
            QVERIFY(r.epochs[e].tested);
            QCOMPARE(r.epochs[e].testLoss, expected[e].loss);
            QCOMPARE(r.epochs[e].testAccuracy, expected[e].accuracy);
            QVERIFY(r.epochs[e].testSeconds >= 0.0);
        }
        QVERIFY(expected[0].loss != expected[1].loss); // the weights did change in between

        // Not asked for, or no test set: nothing evaluated.
        o.testEachEpoch = false;
        Trainer untested(model, OptimizerConfig::rmsprop(), o);
        QVERIFY(!untested.fit(train, &test).epochs.front().tested);
        o.testEachEpoch = true;
        Trainer noTestSet(model, OptimizerConfig::rmsprop(), o);
        QVERIFY(!noTestSet.fit(train).epochs.front().tested);
    }

    void nanInputStopsAtOnceWithInitialWeights()
    {
        Matrix x = randomInputs(64, 5, 1, 0.0);
        x(10, 3) = NAN;
        std::vector<std::int32_t> labels(64, 1);
        const Dataset d = Dataset::fromMatrix(std::move(x), std::move(labels));
        Sequential model(5, {{4, Activation::Relu}, {2, Activation::Softmax}});
        model.initialize(3);
        const Sequential initial = model;
        TrainOptions o;
        o.batchSize = 64;
        Trainer trainer(model, OptimizerConfig::rmsprop(), o);
        const TrainResult r = trainer.fit(d);
        QCOMPARE(r.status, TrainStatus::Diverged);
        QCOMPARE(r.steps, std::int64_t{0});
        QVERIFY(r.message.find("nan at epoch 1/5, step 1/1") != std::string::npos);
        QVERIFY(sameBits(model.parameters(), initial.parameters()));
    }

    void evaluateInvariants()
    {
        const Sequential model = trainedOnSample(2, 2, InputPath::Auto);
        const Dataset test = sampleTest();
        const Evaluation ev = evaluate(model, test);
        QCOMPARE(ev.samples, std::int64_t{200});
        QCOMPARE(ev.classes, 10);
        std::int64_t total = 0, diagonal = 0;
        for (int y = 0; y < 10; ++y) {
            std::int64_t row = 0;
            for (int p = 0; p < 10; ++p)
                row += ev.confusionAt(y, p);
            const auto labels = test.labels();
            QCOMPARE(row, std::int64_t(std::count(labels.begin(), labels.end(), y)));
            if (row > 0)
                QCOMPARE(ev.classAccuracy[static_cast<std::size_t>(y)],
                         double(ev.confusionAt(y, y)) / double(row));
            total += row;
            diagonal += ev.confusionAt(y, y);
        }
        QCOMPARE(total, std::int64_t{200});
        QCOMPARE(ev.accuracy, double(diagonal) / 200.0);
        // The loss is the mean of -log p(label) over predict()'s probabilities.
        Matrix x(200, 784);
        test.copyRows(0, 200, x.data());
        const Matrix p = predict(model, x);
        double loss = 0;
        for (std::int64_t i = 0; i < 200; ++i)
            loss -= std::log(double(p(i, test.labels()[static_cast<std::size_t>(i)])));
        QVERIFY(std::fabs(loss / 200 - ev.loss) < 1e-4);
        // Dense and sparse evaluation agree.
        const Evaluation dense = evaluate(model, test, 1, InputPath::Dense);
        QCOMPARE(dense.confusion, ev.confusion);
        QCOMPARE(dense.loss, ev.loss);
    }

    void predictRowsAreProbabilities()
    {
        const Sequential model = trainedOnSample(3, 2, InputPath::Auto);
        Matrix drawn(1, 784); // a vertical stroke, as drawn on the Train page
        for (int r = 4; r < 24; ++r)
            drawn(0, r * 28 + 14) = 1.0f;
        const Matrix p = predict(model, drawn);
        QCOMPARE(p.rows(), std::int64_t{1});
        QCOMPARE(p.cols(), std::int64_t{10});
        double s = 0;
        for (int k = 0; k < 10; ++k)
            s += p(0, k);
        QVERIFY(std::fabs(s - 1) < 1e-5);
        Matrix many(600, 784);
        sampleTrain().copyRows(0, 600, many.data());
        const Matrix a = predict(model, many, 1), b = predict(model, many, 2);
        QVERIFY(std::memcmp(a.data(), b.data(), sizeof(float) * 6000) == 0);
        QVERIFY_THROWS_EXCEPTION(core::ValueError, predict(model, Matrix(1, 783)));
    }

    // --- model files -------------------------------------------------------------------------

    void saveLoadRoundTrip()
    {
        const Sequential model = trainedOnSample(1, 2, InputPath::Auto);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string path = dir.filePath(QStringLiteral("m.ucm")).toStdString();
        saveModel(path, model, "rmsprop");
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("m.ucm")});
        const ModelFile loaded = loadModel(path);
        QCOMPARE(loaded.optimizer, std::string("rmsprop"));
        QVERIFY(loaded.model.sameArchitecture(model));
        QVERIFY(sameBits(loaded.model.parameters(), model.parameters()));
        Matrix x(50, 784);
        sampleTest().copyRows(0, 50, x.data());
        const Matrix a = predict(model, x), b = predict(loaded.model, x);
        QVERIFY(std::memcmp(a.data(), b.data(), sizeof(float) * 500) == 0);
        // Saving again over the file replaces it atomically.
        saveModel(path, loaded.model, "adam");
        QCOMPARE(loadModel(path).optimizer, std::string("adam"));
        // With the mode any new file gets (mkstemp's 0600 is not kept).
        const QString plain = dir.filePath(QStringLiteral("plain"));
        QFile f(plain);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        QCOMPARE(QFileInfo(QString::fromStdString(path)).permissions(),
                 QFileInfo(plain).permissions());
    }

    // A save that cannot start names the file and the reason, and leaves nothing behind. (A
    // read-only folder would not do: root writes into it.)
    void saveIntoMissingOrFileFolderFails_data()
    {
        QTest::addColumn<QString>("folder");
        QTest::addColumn<QString>("reason");
        QTest::newRow("missing folder") << "absent"
                                        << "No such file or directory";
        QTest::newRow("folder that is a file") << "file"
                                               << "Not a directory";
        QTest::newRow("under a file") << "file/sub"
                                      << "Not a directory";
    }

    void saveIntoMissingOrFileFolderFails()
    {
        QFETCH(QString, folder);
        QFETCH(QString, reason);
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("file")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        const std::string path = dir.filePath(folder + QStringLiteral("/m.ucm")).toStdString();
        Sequential model(4, {{2, Activation::Softmax}});
        model.initialize(1);
        QString saveError, checkError;
        try {
            saveModel(path, model, "sgd");
        } catch (const core::FormatError &e) {
            saveError = QString::fromUtf8(e.what());
        }
        try {
            checkWritable(path);
        } catch (const core::FormatError &e) {
            checkError = QString::fromUtf8(e.what());
        }
        QVERIFY2(saveError.startsWith(QStringLiteral("cannot write ") +
                                      QString::fromStdString(path) + QStringLiteral(": ")),
                 qPrintable(saveError));
        QVERIFY2(saveError.contains(reason), qPrintable(saveError));
        QCOMPARE(checkError, saveError); // the check before training says what saving would
        QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                 QStringList{QStringLiteral("file")});
    }

    // A write that fails half-way keeps the old file and deletes the temporary. A file size limit
    // stands in for a full disk: unlike permissions, it holds for root too.
    void failedSaveKeepsTheOldFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("m.ucm"));
        Sequential small(4, {{3, Activation::Relu}, {2, Activation::Softmax}});
        small.initialize(1);
        saveModel(path.toStdString(), small, "sgd");
        const std::vector<std::byte> before = readAll(path);
        Sequential big = Sequential::bookMnist(); // 1.6 MB
        big.initialize(2);

        rlimit saved{};
        QCOMPARE(getrlimit(RLIMIT_FSIZE, &saved), 0);
        rlimit limited = saved;
        limited.rlim_cur = 64 * 1024;
        QCOMPARE(setrlimit(RLIMIT_FSIZE, &limited), 0);
        const auto previous = std::signal(SIGXFSZ, SIG_IGN); // else the write kills the process
        QString error;
        try {
            saveModel(path.toStdString(), big, "rmsprop");
        } catch (const core::FormatError &e) {
            error = QString::fromUtf8(e.what());
        }
        setrlimit(RLIMIT_FSIZE, &saved);
        std::signal(SIGXFSZ, previous);

        QVERIFY2(error.startsWith(QStringLiteral("cannot write ") + path), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("File too large")), qPrintable(error));
        QVERIFY(readAll(path) == before);
        QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                 QStringList{QStringLiteral("m.ucm")});
    }

    void checkWritableProbesWithoutLeavingAFile()
    {
        QTemporaryDir dir;
        checkWritable(dir.filePath(QStringLiteral("m.ucm")).toStdString());
        QVERIFY(QDir(dir.path()).isEmpty(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot));
        try {
            checkWritable(dir.path().toStdString());
            QFAIL("a folder was accepted as a file to write");
        } catch (const core::FormatError &e) {
            QVERIFY2(QString::fromUtf8(e.what()).endsWith(QStringLiteral(": it is a folder")),
                     e.what());
        }
    }

    void brokenModelFilesRejected_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("message");
        Sequential m(4, {{3, Activation::Relu}, {2, Activation::Softmax}});
        m.initialize(1);
        const auto good = encodeModel(m, "sgd");
        const QByteArray g(reinterpret_cast<const char *>(good.data()),
                           static_cast<qsizetype>(good.size()));
        // Rewrites the checksum so that a deeper check is reached.
        auto resealed = [](QByteArray b) {
            std::vector<std::byte> v(reinterpret_cast<const std::byte *>(b.constData()),
                                     reinterpret_cast<const std::byte *>(b.constData()) + b.size());
            v.resize(v.size() - 4);
            // zlib's CRC-32 of the body, appended little-endian.
            std::uint32_t crc = 0xffffffffu;
            for (std::byte byte : v) {
                crc ^= static_cast<std::uint8_t>(byte);
                for (int k = 0; k < 8; ++k)
                    crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
            }
            crc ^= 0xffffffffu;
            QByteArray out(reinterpret_cast<const char *>(v.data()),
                           static_cast<qsizetype>(v.size()));
            for (int k = 0; k < 4; ++k)
                out.append(static_cast<char>((crc >> (8 * k)) & 0xff));
            return out;
        };
        QTest::newRow("empty") << QByteArray() << "not an Uncrumple model file";
        QTest::newRow("an IDX file")
            << QByteArray("\0\0\x08\x01\0\0\0\x05", 8) << "not an Uncrumple model file";
        QTest::newRow("a PNG") << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)
                               << "expected the magic bytes";
        QTest::newRow("magic only") << g.left(8) << "truncated model file";
        QTest::newRow("header cut") << g.left(30) << "truncated model file";
        QTest::newRow("weights cut") << g.left(g.size() - 7) << "truncated model file";
        QTest::newRow("checksum cut") << g.left(g.size() - 1) << "truncated model file";
        QTest::newRow("extra bytes") << g + QByteArray("xyz") << "unexpected bytes";
        QByteArray flipped = g;
        flipped[flipped.size() - 20] = static_cast<char>(flipped[flipped.size() - 20] ^ 0x40);
        QTest::newRow("flipped weight bit") << flipped << "checksum mismatch";
        QByteArray version = g;
        version[8] = 2;
        QTest::newRow("future version") << version << "version 2 is not supported";
        QByteArray activation = g;
        activation[24] = 9; // the first layer's activation code
        QTest::newRow("unknown activation") << resealed(activation) << "unknown activation code 9";
        QByteArray zeroUnits = g;
        zeroUnits[20] = 0;
        QTest::newRow("zero units") << resealed(zeroUnits) << "has 0 units";
        QByteArray hugeLayers = g;
        hugeLayers[17] = 0x7f; // layer count 0x7f03
        QTest::newRow("absurd layer count") << hugeLayers << "bad layer count";
        QByteArray count = g;
        count[g.size() - 4 - 4 * 23 - 8] = 26; // the stored parameter count (23)
        QTest::newRow("parameter count disagrees") << resealed(count) << "parameters but";
    }

    void brokenModelFilesRejected()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("broken.ucm"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
        f.close();
        try {
            loadModel(path.toStdString());
            QFAIL("the broken file was accepted");
        } catch (const core::FormatError &e) {
            const QString what = QString::fromUtf8(e.what());
            QVERIFY2(what.contains(message), qPrintable(what));
            QVERIFY2(what.startsWith(path), qPrintable(what)); // names the file
        }
    }

    void missingModelFile()
    {
        QVERIFY_THROWS_EXCEPTION(core::FormatError, loadModel("/nonexistent/model.ucm"));
        QTemporaryDir dir;
        QVERIFY_THROWS_EXCEPTION(core::FormatError, loadModel(dir.path().toStdString()));
    }
};

QTEST_GUILESS_MAIN(TestNn)
#include "test_nn.moc"
