#include "app/verbs/verbs.h"

#include "app/verbs/datasource.h"
#include "app/verbs/nnsupport.h"
#include "core/data/mnist.h"
#include "core/nn/inference.h"
#include "core/nn/matrix.h"
#include "core/nn/serialization.h"
#include "core/tensor/format.h"
#include "core/tensor/tensor.h"

#include <QCommandLineParser>
#include <algorithm>
#include <cstdio>
#include <exception>

namespace app {

int runPredict(const QStringList &arguments)
{
    using namespace core::nn;
    const QString verb = QStringLiteral("predict");
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Runs a saved model on test digits, as listing 2.6 does: prints predictions[i] (the ten "
        "class probabilities), the predicted digit and the true label."));
    parser.addHelpOption();
    const QCommandLineOption modelOption(QStringLiteral("model"),
                                         QStringLiteral("a model saved by uncrumple train --save"),
                                         QStringLiteral("FILE"));
    const QCommandLineOption indexOption(QStringLiteral("index"),
                                         QStringLiteral("first test digit (default 0)"),
                                         QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption countOption(QStringLiteral("count"),
                                         QStringLiteral("number of digits (default 1)"),
                                         QStringLiteral("K"), QStringLiteral("1"));
    const QCommandLineOption dataDir(QStringLiteral("data-dir"),
                                     QStringLiteral("folder with the four MNIST IDX files"),
                                     QStringLiteral("DIR"));
    parser.addOptions({modelOption, indexOption, countOption, dataDir});
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
    const auto count = intFlag(parser, countOption, 1, 100000, &error);
    if (!count) return fail(verb, error);
    try {
        const ModelFile file = loadModel(parser.value(modelOption).toStdString());
        const auto data = loadTestData(parser.value(dataDir));
        const Dataset test = testSet(*data);
        const std::int64_t size = test.size();
        // The range is the test set's, known once it is loaded.
        bool number = false;
        const long long typed = parser.value(indexOption).trimmed().toLongLong(&number);
        if (number && typed >= size)
            return fail(verb, outOfBounds(QStringLiteral("--index"), typed, size));
        const auto index = intFlag(parser, indexOption, 0, size - 1, &error);
        if (!index) return fail(verb, error);
        const std::int64_t first = *index, last = *index + *count - 1;
        // In the flags' terms: the user never typed index + count - 1.
        if (last >= size)
            return fail(verb, QStringLiteral("--index %1 --count %2 goes past the %3 test digits "
                                             "(at most --count %4 from --index %1)")
                                  .arg(first)
                                  .arg(*count)
                                  .arg(size)
                                  .arg(size - first));
        if (file.model.inputs() != test.features())
            return fail(verb,
                        QStringLiteral("the model takes %1 inputs but the digits have %2 pixels")
                            .arg(file.model.inputs())
                            .arg(test.features()));
        Matrix inputs(*count, test.features());
        test.copyRows(first, *count, inputs.data());
        const Matrix p = predict(file.model, inputs);
        std::printf(">>> predictions = model.predict(test_images[%lld:%lld])\n",
                    static_cast<long long>(first), static_cast<long long>(last + 1));
        for (std::int64_t k = 0; k < *count; ++k) {
            const std::int64_t i = first + k;
            core::Tensor row(core::DType::Float32, {p.cols()});
            std::copy_n(p.row(k), p.cols(), row.mutableData<float>());
            const float *r = p.row(k);
            const auto best = static_cast<int>(std::max_element(r, r + p.cols()) - r);
            const int label = test.labels()[static_cast<std::size_t>(i)];
            std::printf(">>> predictions[%lld]\n%s\n", static_cast<long long>(k),
                        core::formatArray(row).c_str());
            std::printf(">>> predictions[%lld].argmax()\n%d\n", static_cast<long long>(k), best);
            std::printf(">>> predictions[%lld][%d]\n%s\n", static_cast<long long>(k), best,
                        core::formatScalar(r[best], core::DType::Float32).c_str());
            std::printf(">>> test_labels[%lld]\n%d\n", static_cast<long long>(i), label);
            std::printf("predicted digit: %d, true label: %d (%s)\n", best, label,
                        best == label ? "right" : "wrong");
        }
        return 0;
    } catch (const std::exception &e) {
        return fail(verb, QString::fromStdString(e.what()));
    }
}

} // namespace app
