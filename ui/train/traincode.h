#pragma once
// The Keras code of listings 2.1-2.7 for the recipe in the editor, with what the page has measured
// written in as comments (the latest epoch, predictions[0], test_acc), so the code panel reads as
// the notebook would after running it.

#include "ui/train/trainrecipe.h"

#include <QString>
#include <optional>

namespace ui {

struct TrainCodeFacts {
    qint64 trainCount = 60000;
    qint64 testCount = 10000;
    bool sample = false;          // the embedded 800/200 sample, not the full set
    QString progressLine;         // "Epoch 3/5 ... loss: 0.0695 - accuracy: 0.9790" while training
    int firstPrediction = 0;      // test_images[first:first + 10] on the predictions tab
    std::optional<int> predicted; // predictions[0].argmax()
    float probability = 0.0f;     // predictions[0][predicted]
    std::optional<int> label;     // test_labels[first]
    std::optional<double> testLoss; // model.evaluate
    std::optional<double> testAccuracy;
    int weightUnit = 0;        // the unit shown large on the weights tab
    int firstLayerUnits = 512; // model.layers[0] width (10 without hidden layers)
    // The page shows a model trained with another recipe: the measured facts above are left out
    // (they are not this code's) and the code says so.
    bool previousModel = false;
};

QString trainCode(const RecipeInput &input, const TrainCodeFacts &facts);

} // namespace ui
