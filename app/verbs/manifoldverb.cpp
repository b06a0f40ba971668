#include "app/verbs/verbs.h"

#include "app/verbs/nnsupport.h"
#include "core/manifold/csvexport.h"
#include "core/manifold/generate.h"
#include "core/manifold/layerstack.h"
#include "core/manifold/linearprobe.h"
#include "core/manifold/network.h"
#include "core/nn/kerasprogress.h"
#include "core/nn/trainer.h"

#include <QCommandLineParser>
#include <QStringList>
#include <cmath>
#include <cstdio>
#include <exception>
#include <unistd.h>

namespace app {

namespace {

QString json(double v)
{
    return std::isfinite(v) ? QString::number(v, 'g', 6) : QStringLiteral("null");
}

QString names()
{
    QStringList list;
    for (auto kind : core::manifold::allDataKinds()) {
        const auto name = core::manifold::dataKindName(kind);
        list << QString::fromLatin1(name.data(), static_cast<qsizetype>(name.size()));
    }
    return list.join(QLatin1Char('|'));
}

QString text(std::string_view s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

} // namespace

int runManifold(const QStringList &arguments)
{
    using namespace core::manifold;
    namespace nn = core::nn;
    const QString verb = QStringLiteral("manifold");
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Trains the Uncrumple page's network on a two-class manifold (figure 2.14) and prints "
        "Keras-style progress, then the accuracy and the linear probe of every layer."));
    parser.addHelpOption();
    const QCommandLineOption datasetOption(QStringLiteral("dataset"), names(),
                                           QStringLiteral("NAME"), QStringLiteral("sheets"));
    const QCommandLineOption pointsOption(QStringLiteral("points"),
                                          QStringLiteral("points, 100 to 50000 (default 2000)"),
                                          QStringLiteral("N"));
    const QCommandLineOption noiseOption(QStringLiteral("noise"),
                                         QStringLiteral("Gaussian noise (default: the data set's)"),
                                         QStringLiteral("X"));
    const QCommandLineOption crumpleOption(
        QStringLiteral("crumple"), QStringLiteral("sheets: 0 flat to 2 badly crumpled (default 1)"),
        QStringLiteral("X"), QStringLiteral("1"));
    const QCommandLineOption layersOption(
        QStringLiteral("layers"),
        QStringLiteral("units per layer, the last the 2-unit output (default 3,3,3,2 in 3D, "
                       "2,2,2,2 in 2D)"),
        QStringLiteral("LIST"));
    const QCommandLineOption activationOption(
        QStringLiteral("activation"), QStringLiteral("tanh, relu or sigmoid (default tanh)"),
        QStringLiteral("NAME"), QStringLiteral("tanh"));
    const QCommandLineOption optimizerOption(QStringLiteral("optimizer"),
                                             QStringLiteral("adam, rmsprop or sgd (default adam)"),
                                             QStringLiteral("NAME"), QStringLiteral("adam"));
    const QCommandLineOption epochsOption(QStringLiteral("epochs"),
                                          QStringLiteral("epochs (default: the recipe's)"),
                                          QStringLiteral("N"));
    const QCommandLineOption lrOption(QStringLiteral("lr"),
                                      QStringLiteral("learning rate (default: the recipe's)"),
                                      QStringLiteral("X"));
    const QCommandLineOption batchOption(QStringLiteral("batch-size"),
                                         QStringLiteral("samples per step (default 32)"),
                                         QStringLiteral("N"));
    const QCommandLineOption seedOption(
        QStringLiteral("seed"), QStringLiteral("points, initial weights and shuffles (default 1)"),
        QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption threadsOption(QStringLiteral("threads"),
                                           QStringLiteral("threads (default 1)"),
                                           QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption jsonOption(
        QStringLiteral("json"), QStringLiteral("one JSON object per epoch and one at the end"));
    const QCommandLineOption exportOption(
        QStringLiteral("export"),
        QStringLiteral("write data.csv and layer_1.csv ... layer_K.csv to DIR after training"),
        QStringLiteral("DIR"));
    parser.addOptions({datasetOption, pointsOption, noiseOption, crumpleOption, layersOption,
                       activationOption, optimizerOption, epochsOption, lrOption, batchOption,
                       seedOption, threadsOption, jsonOption, exportOption});
    if (!parser.parse(arguments)) return fail(verb, parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(verbHelpText(parser, verb)), stdout);
        return 0;
    }
    if (!parser.positionalArguments().isEmpty())
        return fail(verb, QStringLiteral("unexpected argument '%1'")
                              .arg(parser.positionalArguments().constFirst()));

    const auto kind = dataKindFromName(parser.value(datasetOption).toStdString());
    if (!kind)
        return fail(verb, QStringLiteral("--dataset expects %1, got '%2'")
                              .arg(names(), parser.value(datasetOption)));
    TrainingRecipe recipe = TrainingRecipe::defaults(*kind);
    QString error;
    GeneratorOptions g;
    g.kind = *kind;
    g.points = recipe.points;
    if (parser.isSet(pointsOption)) {
        const auto n = intFlag(parser, pointsOption, kMinPoints, kMaxPoints, &error);
        if (!n) return fail(verb, error);
        g.points = static_cast<int>(*n);
    }
    if (parser.isSet(noiseOption)) {
        const auto x = numberFlag(parser, noiseOption, 0.0, true, kMaxNoise + 1e-12, &error);
        if (!x) return fail(verb, error);
        g.noise = *x;
    }
    {
        const auto x = numberFlag(parser, crumpleOption, 0.0, true, kMaxCrumple + 1e-12, &error);
        if (!x) return fail(verb, error);
        g.crumple = *x;
    }
    const auto seed = intFlag(parser, seedOption, 0, (1ll << 53), &error);
    if (!seed) return fail(verb, error);
    g.seed = static_cast<std::uint64_t>(*seed);
    const auto threads = intFlag(parser, threadsOption, 1, 64, &error);
    if (!threads) return fail(verb, error);

    const auto optimizerKind = nn::optimizerFromName(parser.value(optimizerOption).toStdString());
    if (!optimizerKind)
        return fail(verb, QStringLiteral("--optimizer expects adam, rmsprop or sgd, got '%1'")
                              .arg(parser.value(optimizerOption)));
    if (*optimizerKind != recipe.optimizer.kind) {
        const float lr = recipe.optimizer.learningRate;
        recipe.optimizer = nn::OptimizerConfig::defaults(*optimizerKind);
        recipe.optimizer.learningRate = lr;
    }
    if (parser.isSet(lrOption)) {
        const auto lr = numberFlag(parser, lrOption, 0.0, false, 1e6, &error);
        if (!lr) return fail(verb, error);
        recipe.optimizer.learningRate = static_cast<float>(*lr);
    }
    if (parser.isSet(epochsOption)) {
        const auto e = intFlag(parser, epochsOption, 1, 100000, &error);
        if (!e) return fail(verb, error);
        recipe.epochs = static_cast<int>(*e);
    }
    if (parser.isSet(batchOption)) {
        const auto b = intFlag(parser, batchOption, 1, kMaxPoints, &error);
        if (!b) return fail(verb, error);
        recipe.batchSize = static_cast<int>(*b);
    }
    const bool asJson = parser.isSet(jsonOption);

    try {
        NetworkSpec spec = NetworkSpec::defaults(dataKindDims(*kind));
        if (parser.isSet(layersOption)) {
            try {
                spec.widths = parseLayerList(parser.value(layersOption).toStdString());
            } catch (const std::exception &e) {
                return fail(verb, QStringLiteral("--layers: ") + QString::fromStdString(e.what()));
            }
        }
        try {
            spec.activation =
                hiddenActivationFromName(parser.value(activationOption).toStdString());
        } catch (const std::exception &e) {
            return fail(verb, QStringLiteral("--activation: ") + QString::fromStdString(e.what()));
        }
        recipe.optimizer.validate();
        const QString exportDir = parser.value(exportOption);

        const LabeledPoints data = generate(g);
        const nn::Dataset ds = data.dataset();
        nn::Sequential model = spec.build(g.seed);
        nn::TrainOptions options;
        options.epochs = recipe.epochs;
        options.batchSize = recipe.batchSize;
        options.seed = g.seed;
        options.threads = static_cast<int>(*threads);
        options.inputPath = nn::InputPath::Dense;
        nn::Trainer trainer(model, recipe.optimizer, options);

        if (!asJson) {
            std::printf("Data: %s, %d points, noise %g%s, seed %llu\n",
                        qPrintable(text(dataKindTitle(*kind))), g.points, g.effectiveNoise(),
                        *kind == DataKind::Sheets
                            ? qPrintable(QStringLiteral(", crumple %1").arg(g.crumple))
                            : "",
                        static_cast<unsigned long long>(g.seed));
            std::printf("Model: %s\nOptimizer: %s, batch %d, %d epoch%s, %d thread%s\n",
                        model.describe().c_str(), recipe.optimizer.describe().c_str(),
                        recipe.batchSize, recipe.epochs, recipe.epochs == 1 ? "" : "s",
                        trainer.threads(), trainer.threads() == 1 ? "" : "s");
            std::fflush(stdout);
        }
        nn::KerasProgress progress(stdout, !asJson && isatty(fileno(stdout)));
        trainer.setBatchCallback([&](const nn::BatchProgress &p) {
            if (asJson) return true;
            if (p.step == 1) {
                std::printf("Epoch %d/%d\n", p.epoch, p.epochs);
                progress.start(p.stepsPerEpoch);
            }
            progress.update(p.step, p.epochSeconds, {{"loss", p.loss}, {"accuracy", p.accuracy}});
            return true;
        });
        trainer.setEpochCallback([&](const nn::EpochSummary &s) {
            if (asJson) {
                std::printf("{\"epoch\":%d,\"epochs\":%d,\"steps\":%d,\"seconds\":%s,"
                            "\"loss\":%s,\"accuracy\":%s}\n",
                            s.epoch, s.epochs, s.steps, qPrintable(json(s.seconds)),
                            qPrintable(json(s.loss)), qPrintable(json(s.accuracy)));
                std::fflush(stdout);
            } else {
                progress.finish(s.seconds, {{"loss", s.loss}, {"accuracy", s.accuracy}});
            }
            return true;
        });
        const nn::TrainResult result = trainer.fit(ds);
        if (result.status != nn::TrainStatus::Finished)
            return fail(verb, QString::fromStdString(result.message));

        const nn::Evaluation ev = trainer.evaluate(ds);
        const LayerStack stack(model, data.points);
        const std::vector<double> probe = probeStages(stack, data.labels);
        QStringList probeText, probeJson;
        for (std::size_t i = 0; i < probe.size(); ++i) {
            probeText << QStringLiteral("%1 %2")
                             .arg(i == 0 ? QStringLiteral("input")
                                         : QStringLiteral("layer_%1").arg(i))
                             .arg(probe[i], 0, 'f', 4);
            probeJson << json(probe[i]);
        }
        QStringList written;
        if (!exportDir.isEmpty())
            for (const auto &path : exportCsv(exportDir.toStdString(), data, stack))
                written << QString::fromStdString(path);
        if (asJson) {
            std::printf("{\"dataset\":\"%s\",\"points\":%d,\"layers\":\"%s\",\"seconds\":%s,"
                        "\"loss\":%s,\"accuracy\":%s,\"probe\":[%s]}\n",
                        qPrintable(text(dataKindName(*kind))), g.points,
                        layerListText(spec.widths).c_str(), qPrintable(json(result.seconds)),
                        qPrintable(json(ev.loss)), qPrintable(json(ev.accuracy)),
                        qPrintable(probeJson.join(QLatin1Char(','))));
        } else {
            std::printf("Trained in %.2f s\n", result.seconds);
            std::printf("Linear probe: %s\n", qPrintable(probeText.join(QStringLiteral(", "))));
            std::printf("accuracy: %.4f\n", ev.accuracy);
            if (!written.isEmpty())
                std::printf("Exported %s\n", qPrintable(written.join(QStringLiteral(", "))));
        }
        return 0;
    } catch (const std::exception &e) {
        return fail(verb, QString::fromStdString(e.what()));
    }
}

} // namespace app
