#include "app/verbs/verbs.h"

#include "app/verbs/datasource.h"
#include "app/verbs/nnsupport.h"
#include "core/data/mnist.h"
#include "core/nn/inference.h"
#include "core/nn/serialization.h"

#include <QCommandLineParser>
#include <cstdio>
#include <exception>

namespace app {

int runEvaluate(const QStringList &arguments)
{
    using namespace core::nn;
    const QString verb = QStringLiteral("evaluate");
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Evaluates a saved model on the MNIST test set, as model.evaluate(test_images, "
        "test_labels): prints test_loss, test_acc and the accuracy of each digit."));
    parser.addHelpOption();
    const QCommandLineOption modelOption(QStringLiteral("model"),
                                         QStringLiteral("a model saved by uncrumple train --save"),
                                         QStringLiteral("FILE"));
    const QCommandLineOption confusionOption(QStringLiteral("confusion"),
                                             QStringLiteral("also print the confusion matrix"));
    const QCommandLineOption threadsOption(QStringLiteral("threads"),
                                           QStringLiteral("threads (default: every core)"),
                                           QStringLiteral("N"));
    const QCommandLineOption dataDir(QStringLiteral("data-dir"),
                                     QStringLiteral("folder with the four MNIST IDX files"),
                                     QStringLiteral("DIR"));
    parser.addOptions({modelOption, confusionOption, threadsOption, dataDir});
    if (!parser.parse(arguments)) return fail(verb, parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(verbHelpText(parser, verb)), stdout);
        return 0;
    }
    if (!parser.isSet(modelOption)) return fail(verb, QStringLiteral("expected --model FILE"));
    if (!parser.positionalArguments().isEmpty())
        return fail(verb, QStringLiteral("unexpected argument '%1'")
                              .arg(parser.positionalArguments().constFirst()));
    QString error;
    int threads = 0;
    if (parser.isSet(threadsOption)) {
        const auto t = intFlag(parser, threadsOption, 1, 64, &error);
        if (!t) return fail(verb, error);
        threads = static_cast<int>(*t);
    }
    try {
        const ModelFile file = loadModel(parser.value(modelOption).toStdString());
        const auto data = loadTestData(parser.value(dataDir));
        const Dataset test = testSet(*data);
        const Evaluation ev = evaluate(file.model, test, threads);
        std::printf("Model: %s (%s, trained with %s)\nData: %s\n",
                    qPrintable(parser.value(modelOption)), file.model.describe().c_str(),
                    file.optimizer.empty() ? "an unnamed optimizer" : file.optimizer.c_str(),
                    qPrintable(describeTestData(*data)));
        std::printf("test_loss: %.4f\ntest_acc: %.4f\n", ev.loss, ev.accuracy);
        std::printf("accuracy per digit:");
        for (int k = 0; k < ev.classes; ++k)
            std::printf("%s%d: %.4f", k ? "  " : " ", k,
                        ev.classAccuracy[static_cast<std::size_t>(k)]);
        std::printf("\n");
        if (parser.isSet(confusionOption)) {
            std::printf("confusion matrix (rows: true digit, columns: predicted):\n     ");
            for (int p = 0; p < ev.classes; ++p)
                std::printf("%6d", p);
            std::printf("\n");
            for (int y = 0; y < ev.classes; ++y) {
                std::printf("%5d", y);
                for (int p = 0; p < ev.classes; ++p)
                    std::printf("%6lld", static_cast<long long>(ev.confusionAt(y, p)));
                std::printf("\n");
            }
        }
        return 0;
    } catch (const std::exception &e) {
        return fail(verb, QString::fromStdString(e.what()));
    }
}

} // namespace app
