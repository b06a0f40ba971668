#include "app/verbs/verbs.h"

#include "app/verbs/datasource.h"
#include "core/data/mnist.h"
#include "core/errors.h"
#include "core/tensor/expression.h"
#include "ui/common/pngfile.h"
#include "ui/common/tensorimage.h"

#include <QCommandLineParser>
#include <cmath>
#include <cstdio>
#include <exception>

namespace app {

int runSlice(const QStringList &arguments)
{
    const QString verb = QStringLiteral("slice");
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Evaluates a NumPy basic-indexing expression over train_images, train_labels, "
        "test_images and test_labels, e.g. 'train_images[:, 7:-7, 7:-7]', and prints "
        "the result's shape, dtype and the sum of its elements."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("EXPR"),
                                 QStringLiteral("the expression (quote it)"));
    const QCommandLineOption png(QStringLiteral("png"),
                                 QStringLiteral("also draw the result into FILE"),
                                 QStringLiteral("FILE"));
    const QCommandLineOption dataDir(QStringLiteral("data-dir"),
                                     QStringLiteral("folder with the four MNIST IDX files"),
                                     QStringLiteral("DIR"));
    parser.addOption(png);
    parser.addOption(dataDir);
    if (!parser.parse(arguments)) return fail(verb, parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(verbHelpText(parser, QStringLiteral("slice"))), stdout);
        return 0;
    }
    const QStringList exprs = parser.positionalArguments();
    if (exprs.size() != 1)
        return fail(verb, QStringLiteral(
                              "expected one EXPR such as 'train_images[10:100]', got %1 arguments")
                              .arg(exprs.size()));
    try {
        const core::Expression expression = core::parseExpression(exprs[0].toStdString());
        const auto data = loadData(parser.value(dataDir), true);
        const core::Evaluation result = core::evaluate(expression, core::mnistArrays(*data));
        if (result.attribute != core::Attribute::None) {
            std::printf("%s\n", result.valueText.c_str());
        } else {
            const core::Tensor &a = result.array;
            const double sum = a.sum();
            std::printf("shape: %s\ndtype: %s\n", core::formatShape(a.shape()).c_str(),
                        std::string(core::dtypeName(a.dtype())).c_str());
            if (a.dtype() == core::DType::UInt8)
                std::printf("sum: %.0f\n", sum);
            else
                std::printf("sum: %.9g\n", sum);
        }
        if (parser.isSet(png)) {
            const QImage image = ui::imageOfTensor(result.array, result.array.ndim() == 2 ? 8 : 2);
            const QString error = ui::writePngAtomically(image, parser.value(png));
            if (!error.isEmpty())
                return fail(verb,
                            QStringLiteral("cannot write %1: %2").arg(parser.value(png), error));
        }
        return 0;
    } catch (const core::ParseError &e) {
        return fail(verb, QStringLiteral("%1\n  %2\n  %3^")
                              .arg(QString::fromStdString(e.what()), exprs[0],
                                   QString(e.column() - 1, QLatin1Char(' '))));
    } catch (const std::exception &e) {
        return fail(verb, QString::fromStdString(e.what()));
    }
}

} // namespace app
