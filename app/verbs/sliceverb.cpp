#include "app/verbs/verbs.h"

#include "app/verbs/datasource.h"
#include "core/data/mnist.h"
#include "core/errors.h"
#include "core/tensor/expression.h"
#include "ui/common/pngfile.h"
#include "ui/common/tensorimage.h"

#include <QCommandLineParser>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <exception>

namespace app {

namespace {

// A --png grid: the first 400 images, 20 to a row.
constexpr int kGridColumns = 20;
constexpr int kGridImages = 400;
// A single image is drawn 8 pixels to an element unless that passes kLargestSide; a picture
// wider or taller than kLargestSide at one pixel an element is refused.
constexpr std::int64_t kLargestSide = 4096;

int pngScale(const core::Tensor &a)
{
    if (a.ndim() != 2) return 2;
    const std::int64_t side = std::max(a.shape()[0], a.shape()[1]);
    return static_cast<int>(
        std::clamp<std::int64_t>(kLargestSide / std::max<std::int64_t>(side, 1), 1, 8));
}

// Why the result cannot be drawn, or empty: --png draws images (rows, cols) or a stack of them
// (N, rows, cols); a tuple, a number or a row of labels is not a picture.
QString pngRefusal(const core::Evaluation &result, const QString &expr)
{
    const core::Tensor &a = result.array;
    const QString shape = QString::fromStdString(core::formatShape(a.shape()));
    if (result.attribute != core::Attribute::None)
        return QStringLiteral("--png: nothing to draw: '%1' is %2, not an array")
            .arg(expr, QString::fromStdString(result.valueText));
    if (a.ndim() < 2 || a.ndim() > 3)
        return QStringLiteral("--png draws images, shape (rows, cols) or (N, rows, cols); '%1' "
                              "has shape %2")
            .arg(expr, shape);
    if (a.size() == 0)
        return QStringLiteral("--png: nothing to draw: '%1' is empty, shape %2").arg(expr, shape);
    const std::int64_t rows = a.shape()[a.ndim() - 2], cols = a.shape()[a.ndim() - 1];
    if (rows > kLargestSide || cols > kLargestSide)
        return QStringLiteral("--png: a picture of shape %1 would be %2 x %3 pixels (at most %4 "
                              "a side); slice fewer rows or columns")
            .arg(shape)
            .arg(cols)
            .arg(rows)
            .arg(kLargestSide);
    return {};
}

} // namespace

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
    const QCommandLineOption png(
        QStringLiteral("png"),
        QStringLiteral("also draw the result into FILE: an image (rows, cols), or "
                       "the first 400 of a stack (N, rows, cols), 20 "
                       "to a row"),
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
        // Refused before anything is printed, so a script sees either the whole answer or none.
        if (parser.isSet(png)) {
            const QString refusal = pngRefusal(result, exprs[0]);
            if (!refusal.isEmpty()) return fail(verb, refusal);
        }
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
            const core::Tensor &a = result.array;
            const QImage image = ui::imageOfTensor(a, pngScale(a), kGridColumns, kGridImages);
            const QString error = ui::writePngAtomically(image, parser.value(png));
            if (!error.isEmpty())
                return fail(verb,
                            QStringLiteral("cannot write %1: %2").arg(parser.value(png), error));
            if (a.ndim() == 3 && a.shape()[0] > kGridImages)
                std::fprintf(stderr, "note: %s shows the first %d of the %lld images\n",
                             qPrintable(parser.value(png)), kGridImages,
                             static_cast<long long>(a.shape()[0]));
        }
        return 0;
    } catch (const std::exception &e) {
        return fail(verb, QString::fromStdString(e.what()));
    }
}

} // namespace app
