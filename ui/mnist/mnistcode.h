#pragma once
// The Python (NumPy + matplotlib + Keras datasets) that does what the MNIST page shows.

#include <QString>
#include <optional>

namespace ui {

struct MnistCodeInput {
    QString set = QStringLiteral("train"); // "train" or "test"
    QString expression;                    // the slice, e.g. "train_images[:, 7:-7, 7:-7]"
    QString shape;                         // its result's shape, e.g. "(60000, 14, 14)"
    QString sampleItem;          // how it selects digits, e.g. ":" or "10:100"; empty if not traced
    int labelFilter = -1;        // -1: none
    std::optional<qint64> digit; // the digit shown large
    std::optional<int> digitLabel;
    qint64 sampleCount = 60000; // digits in the set
    bool batchMode = false;
    int batchSize = 128;
    int batchIndex = 0;
};

QString mnistCode(const MnistCodeInput &in);

} // namespace ui
