// Training (core/nn/trainer): learning on the embedded sample with each optimizer, determinism
// across seeds, threads and input paths, no allocation in the steps, progress, cancel and pause,
// divergence and non-finite input, per-epoch test evaluation; then evaluate and predict.

#include "nnfixtures.h"

#include "core/errors.h"
#include "core/nn/activation.h"
#include "core/nn/dataset.h"
#include "core/nn/inference.h"
#include "core/nn/model.h"
#include "core/nn/optimizer.h"
#include "core/nn/trainer.h"

#include <QTest>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <new>
#include <thread>

using namespace core::nn;
using namespace nnfixtures;

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

class TestNnTrainer : public QObject {
    Q_OBJECT

private slots:
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

    // --- evaluate and predict ---------------------------------------------------------------

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
};

QTEST_GUILESS_MAIN(TestNnTrainer)
#include "test_nn_trainer.moc"
