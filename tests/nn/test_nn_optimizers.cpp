// The optimizers (core/nn/optimizer): RMSprop, SGD (with and without momentum) and Adam steps
// against values worked out by hand, the null-gradient shortcut, hyperparameter validation.

#include "nnfixtures.h"

#include "core/errors.h"
#include "core/nn/optimizer.h"
#include "core/nn/random.h"

#include <QTest>
#include <cmath>

using namespace core::nn;
using namespace nnfixtures;

class TestNnOptimizers : public QObject {
    Q_OBJECT

private slots:
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
};

QTEST_GUILESS_MAIN(TestNnOptimizers)
#include "test_nn_optimizers.moc"
