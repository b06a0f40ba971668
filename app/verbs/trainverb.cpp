#include "app/verbs/verbs.h"

#include "app/verbs/datasource.h"
#include "app/verbs/nnsupport.h"
#include "core/data/mnist.h"
#include "core/nn/atomicfile.h"
#include "core/nn/inference.h"
#include "core/nn/kerasprogress.h"
#include "core/nn/model.h"
#include "core/nn/serialization.h"
#include "core/nn/trainer.h"

#include <QCommandLineParser>
#include <algorithm>
#include <atomic>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <exception>
#include <unistd.h>
#include <vector>

namespace app {

namespace {

std::atomic<bool> g_interrupted{false};

extern "C" void onInterrupt(int)
{
    g_interrupted.store(true);
}

// Which edition's recipe runs: the book's RMSprop, the notebook's Adam, or something else.
QString recipeName(const core::nn::OptimizerConfig &c)
{
    const auto book = core::nn::OptimizerConfig::rmsprop();
    const auto notebook = core::nn::OptimizerConfig::adam();
    if (c.kind == book.kind && c.learningRate == book.learningRate)
        return QStringLiteral("the book's recipe (listings 2.1-2.5: optimizer=\"rmsprop\")");
    if (c.kind == notebook.kind && c.learningRate == notebook.learningRate)
        return QStringLiteral("the current notebook's recipe (optimizer=\"adam\")");
    return QStringLiteral("a custom recipe");
}

QString json(double v)
{
    return std::isfinite(v) ? QString::number(v, 'g', 6) : QStringLiteral("null");
}

} // namespace

int runTrain(const QStringList &arguments)
{
    using namespace core::nn;
    const QString verb = QStringLiteral("train");
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Trains the book's MNIST network (784 -> Dense(512, relu) -> Dense(10, softmax)) with "
        "Keras' defaults and prints Keras-style progress, then the test accuracy. The default is "
        "the book's RMSprop recipe; --optimizer adam runs the current notebook's."));
    parser.addHelpOption();
    const QCommandLineOption epochsOption(QStringLiteral("epochs"),
                                          QStringLiteral("epochs (default 5)"), QStringLiteral("N"),
                                          QStringLiteral("5"));
    const QCommandLineOption batchOption(QStringLiteral("batch-size"),
                                         QStringLiteral("samples per step (default 128)"),
                                         QStringLiteral("N"), QStringLiteral("128"));
    const QCommandLineOption optimizerOption(
        QStringLiteral("optimizer"),
        QStringLiteral("rmsprop (the book), adam (the notebook) or sgd"), QStringLiteral("NAME"),
        QStringLiteral("rmsprop"));
    const QCommandLineOption lrOption(
        QStringLiteral("lr"),
        QStringLiteral("learning rate (Keras' default: 0.001 for rmsprop and adam, 0.01 for sgd)"),
        QStringLiteral("X"));
    const QCommandLineOption momentumOption(QStringLiteral("momentum"),
                                            QStringLiteral("momentum of sgd (default 0)"),
                                            QStringLiteral("X"));
    const QCommandLineOption seedOption(QStringLiteral("seed"),
                                        QStringLiteral("initial weights and shuffles (default 0)"),
                                        QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption threadsOption(QStringLiteral("threads"),
                                           QStringLiteral("threads (default: every core)"),
                                           QStringLiteral("N"));
    const QCommandLineOption saveOption(QStringLiteral("save"),
                                        QStringLiteral("write the trained model to FILE"),
                                        QStringLiteral("FILE"));
    const QCommandLineOption jsonOption(
        QStringLiteral("json"), QStringLiteral("one JSON object per epoch and one at the end"));
    const QCommandLineOption validateOption(
        QStringLiteral("validate"),
        QStringLiteral("evaluate the test set after every epoch (validation_data)"));
    const QCommandLineOption dataDir(QStringLiteral("data-dir"),
                                     QStringLiteral("folder with the four MNIST IDX files"),
                                     QStringLiteral("DIR"));
    parser.addOptions({epochsOption, batchOption, optimizerOption, lrOption, momentumOption,
                       seedOption, threadsOption, saveOption, jsonOption, validateOption, dataDir});
    if (!parser.parse(arguments)) return fail(verb, parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(verbHelpText(parser, verb)), stdout);
        return 0;
    }
    if (!parser.positionalArguments().isEmpty())
        return fail(verb, QStringLiteral("unexpected argument '%1'")
                              .arg(parser.positionalArguments().constFirst()));

    QString error;
    const auto epochs = intFlag(parser, epochsOption, 1, 100000, &error);
    const auto batchSize = epochs ? intFlag(parser, batchOption, 1, 1 << 20, &error) : std::nullopt;
    const auto seed =
        batchSize ? intFlag(parser, seedOption, 0, (1ll << 53), &error) : std::nullopt;
    if (!seed) return fail(verb, error);
    int threads = 0;
    if (parser.isSet(threadsOption)) {
        const auto t = intFlag(parser, threadsOption, 1, 64, &error);
        if (!t) return fail(verb, error);
        threads = static_cast<int>(*t);
    }
    const auto kind = optimizerFromName(parser.value(optimizerOption).toStdString());
    if (!kind)
        return fail(verb, QStringLiteral("--optimizer expects rmsprop, adam or sgd, got '%1'")
                              .arg(parser.value(optimizerOption)));
    OptimizerConfig optimizer = OptimizerConfig::defaults(*kind);
    if (parser.isSet(lrOption)) {
        const auto lr = numberFlag(parser, lrOption, 0.0, false, 1e6, &error);
        if (!lr) return fail(verb, error);
        optimizer.learningRate = static_cast<float>(*lr);
    }
    if (parser.isSet(momentumOption)) {
        if (*kind != OptimizerKind::SGD)
            return fail(verb, QStringLiteral("--momentum applies to --optimizer sgd only"));
        const auto mu = numberFlag(parser, momentumOption, 0.0, true, 1.0, &error);
        if (!mu) return fail(verb, error);
        optimizer.momentum = static_cast<float>(*mu);
    }
    const bool asJson = parser.isSet(jsonOption);
    const QString savePath = parser.value(saveOption);

    try {
        optimizer.validate();
        // Fail now rather than after the whole run.
        if (!savePath.isEmpty()) checkWritable(savePath.toStdString());
        const auto data = loadData(parser.value(dataDir), true);
        const Dataset train = trainingSet(*data);
        const Dataset test = testSet(*data);
        Sequential model = Sequential::bookMnist();
        model.initialize(static_cast<std::uint64_t>(*seed));
        TrainOptions options;
        options.epochs = static_cast<int>(*epochs);
        options.batchSize = static_cast<int>(*batchSize);
        options.seed = static_cast<std::uint64_t>(*seed);
        options.threads = threads;
        options.testEachEpoch = parser.isSet(validateOption);
        Trainer trainer(model, optimizer, options);

        const QString recipe =
            QStringLiteral("%1: %2, sparse categorical crossentropy, %3, "
                           "batch %4, %5 epoch%6")
                .arg(recipeName(optimizer), QString::fromStdString(model.describe()),
                     QString::fromStdString(optimizer.describe()))
                .arg(options.batchSize)
                .arg(options.epochs)
                .arg(options.epochs == 1 ? "" : "s");
        if (!asJson) {
            std::printf("Recipe: %s\nData: %s\nEngine: %d thread%s, seed %llu\n",
                        qPrintable(recipe), qPrintable(describeData(*data)), trainer.threads(),
                        trainer.threads() == 1 ? "" : "s",
                        static_cast<unsigned long long>(options.seed));
            std::fflush(stdout);
        }

        KerasProgress progress(stdout, !asJson && isatty(fileno(stdout)));
        BatchProgress last;
        trainer.setBatchCallback([&](const BatchProgress &p) {
            last = p;
            if (p.step == 1 && !asJson) {
                std::printf("Epoch %d/%d\n", p.epoch, p.epochs);
                progress.start(p.stepsPerEpoch);
            }
            if (!asJson)
                progress.update(p.step, p.epochSeconds,
                                {{"loss", p.loss}, {"accuracy", p.accuracy}});
            return !g_interrupted.load();
        });
        std::vector<double> epochSeconds;
        trainer.setEpochCallback([&](const EpochSummary &s) {
            epochSeconds.push_back(s.seconds);
            if (asJson) {
                QString line = QStringLiteral("{\"epoch\":%1,\"epochs\":%2,\"steps\":%3,"
                                              "\"seconds\":%4,\"loss\":%5,\"accuracy\":%6")
                                   .arg(s.epoch)
                                   .arg(s.epochs)
                                   .arg(s.steps)
                                   .arg(json(s.seconds), json(s.loss), json(s.accuracy));
                // The test_loss/test_acc, and Keras' History names for the same numbers.
                if (s.tested)
                    line += QStringLiteral(",\"test_loss\":%1,\"test_acc\":%2,"
                                           "\"val_loss\":%1,\"val_accuracy\":%2")
                                .arg(json(s.testLoss), json(s.testAccuracy));
                std::printf("%s}\n", qPrintable(line));
                std::fflush(stdout);
            } else {
                Metrics m = {{"loss", s.loss}, {"accuracy", s.accuracy}};
                if (s.tested) {
                    m.emplace_back("val_loss", s.testLoss);
                    m.emplace_back("val_accuracy", s.testAccuracy);
                }
                progress.finish(s.seconds, m);
            }
            return !g_interrupted.load();
        });

        g_interrupted.store(false);
        const auto previous = std::signal(SIGINT, onInterrupt);
        const TrainResult result = trainer.fit(train, &test);
        std::signal(SIGINT, previous);
        if (!asJson && result.status != TrainStatus::Finished && isatty(fileno(stdout)))
            std::printf("\n");

        QString saved;
        if (!savePath.isEmpty()) {
            saveModel(savePath.toStdString(), model, optimizer.name());
            saved = savePath;
        }
        if (result.status == TrainStatus::Diverged)
            return fail(verb,
                        QString::fromStdString(result.message) +
                            (saved.isEmpty() ? QString()
                                             : QStringLiteral("; saved them to %1").arg(saved)));
        if (result.status == TrainStatus::Cancelled)
            return fail(verb,
                        QStringLiteral("interrupted after epoch %1/%2, step %3/%4")
                                .arg(last.epoch)
                                .arg(last.epochs)
                                .arg(last.step)
                                .arg(last.stepsPerEpoch) +
                            (saved.isEmpty()
                                 ? QString()
                                 : QStringLiteral("; saved the weights so far to %1").arg(saved)),
                        130);

        const Evaluation ev = trainer.evaluate(test);
        std::vector<double> sorted = epochSeconds;
        std::sort(sorted.begin(), sorted.end());
        const double median = sorted.empty() ? 0.0 : sorted[sorted.size() / 2];
        if (asJson) {
            auto quoted = [](QString text) {
                return QLatin1Char('"') +
                       text.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
                           .replace(QLatin1Char('"'), QStringLiteral("\\\"")) +
                       QLatin1Char('"');
            };
            QString line =
                QStringLiteral("{\"test_loss\":%1,\"test_acc\":%2,"
                               "\"median_epoch_seconds\":%3,\"seconds\":%4,"
                               "\"optimizer\":\"%5\",\"learning_rate\":%6,"
                               "\"seed\":%7,\"threads\":%8,\"recipe\":%9")
                    .arg(json(ev.loss), json(ev.accuracy), json(median), json(result.seconds),
                         QString::fromLatin1(optimizer.name().data(),
                                             static_cast<qsizetype>(optimizer.name().size())),
                         json(optimizer.learningRate))
                    .arg(static_cast<qulonglong>(options.seed))
                    .arg(trainer.threads())
                    .arg(quoted(recipe));
            if (!saved.isEmpty()) line += QStringLiteral(",\"saved\":") + quoted(saved);
            std::printf("%s}\n", qPrintable(line));
        } else {
            std::printf("test_acc: %.4f\n", ev.accuracy);
            if (!saved.isEmpty()) std::printf("Saved the model to %s\n", qPrintable(saved));
        }
        return 0;
    } catch (const std::exception &e) {
        return fail(verb, QString::fromStdString(e.what()));
    }
}

} // namespace app
