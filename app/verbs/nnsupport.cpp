#include "app/verbs/nnsupport.h"

#include "core/data/mnist.h"
#include "core/nn/dataset.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <cmath>

namespace app {

std::optional<long long> intFlag(const QCommandLineParser &parser, const QCommandLineOption &option,
                                 long long min, long long max, QString *error)
{
    const QString text = parser.value(option);
    bool ok = false;
    const long long v = text.trimmed().toLongLong(&ok);
    if (ok && v >= min && v <= max) return v;
    *error = QStringLiteral("--%1 expects a whole number from %2 to %3, got '%4'")
                 .arg(option.names().constFirst())
                 .arg(min)
                 .arg(max)
                 .arg(text);
    return std::nullopt;
}

std::optional<double> numberFlag(const QCommandLineParser &parser, const QCommandLineOption &option,
                                 double min, bool minInclusive, double max, QString *error)
{
    const QString text = parser.value(option);
    bool ok = false;
    const double v = text.trimmed().toDouble(&ok);
    if (ok && std::isfinite(v) && (minInclusive ? v >= min : v > min) && v < max) return v;
    *error = QStringLiteral("--%1 expects a number %2 %3 and below %4, got '%5'")
                 .arg(option.names().constFirst(),
                      minInclusive ? QStringLiteral("from") : QStringLiteral("above"))
                 .arg(min)
                 .arg(max)
                 .arg(text);
    return std::nullopt;
}

QString outOfBounds(const QString &flag, long long index, long long testDigits)
{
    return QStringLiteral("%1 %2 is out of bounds for the %3 test digits (indices 0 to %4)")
        .arg(flag)
        .arg(index)
        .arg(testDigits)
        .arg(testDigits - 1);
}

core::nn::Dataset trainingSet(const core::MnistData &data)
{
    return core::nn::Dataset::fromTensors(data.trainImages, data.trainLabels, 255.0f);
}

core::nn::Dataset testSet(const core::MnistData &data)
{
    return core::nn::Dataset::fromTensors(data.testImages, data.testLabels, 255.0f);
}

QString describeData(const core::MnistData &data)
{
    return QStringLiteral("%1 training and %2 test digits from %3")
        .arg(data.trainImages.shape()[0])
        .arg(data.testImages.shape()[0])
        .arg(QString::fromStdString(data.origin));
}

QString describeTestData(const core::MnistData &data)
{
    return QStringLiteral("%1 test digits from %2")
        .arg(data.testImages.shape()[0])
        .arg(QString::fromStdString(data.origin));
}

} // namespace app
