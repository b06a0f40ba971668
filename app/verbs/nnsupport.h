#pragma once
// Shared by the train, evaluate and predict verbs: reading numeric flags with one-line errors, and
// turning MNIST tensors into the engine's data sets.

#include <QString>
#include <cstdint>
#include <optional>

class QCommandLineParser;
class QCommandLineOption;

namespace core {
struct MnistData;
}
namespace core::nn {
class Dataset;
}

namespace app {

// The flag's value as a whole number in [min, max]; nullopt with *error set otherwise
// ("--epochs expects a whole number from 1 to 100000, got 'abc'").
std::optional<long long> intFlag(const QCommandLineParser &parser, const QCommandLineOption &option,
                                 long long min, long long max, QString *error);
// The flag's value as a finite number in (min, max) (or [min, max) when minInclusive).
std::optional<double> numberFlag(const QCommandLineParser &parser, const QCommandLineOption &option,
                                 double min, bool minInclusive, double max, QString *error);

// "--index 200 is out of bounds for the 200 test digits (indices 0 to 199)": a test digit index
// past the end (predict --index, the GUI's --train-draw).
QString outOfBounds(const QString &flag, long long index, long long testDigits);

// x / 255 as float32, as the book prepares the images.
core::nn::Dataset trainingSet(const core::MnistData &data);
core::nn::Dataset testSet(const core::MnistData &data);

// "60000 training and 10000 test digits from DIR" or "... from the embedded sample".
QString describeData(const core::MnistData &data);
// "10000 test digits from DIR": for the verbs that load the test set only.
QString describeTestData(const core::MnistData &data);

} // namespace app
