#pragma once
// The Train page's files: models in the engine's format (the same files `uncrumple train --save`
// writes and `uncrumple evaluate --model` reads), the training history as CSV, the charts as PNG.
// Every write is atomic (a temporary file renamed over the target); every outcome is one line to
// show in place, and a failure changes nothing.

#include "ui/train/trainrecipe.h"
#include "ui/train/trainsnapshots.h"

#include <QString>

class QImage;

namespace ui {

struct FileOutcome {
    bool ok = false;
    QString message;
};

FileOutcome saveModelFile(const QString &path, const core::nn::Sequential &model,
                          const QString &optimizer);

struct LoadedModel {
    FileOutcome outcome;
    ModelSnapshot model;
    QString optimizer;  // "rmsprop", as the file names it
    RecipeInput recipe; // the editor's recipe with the file's layers and optimizer
};
// Reads a model the page can train and show (784 inputs, hidden layers the editor can hold,
// Dense(10, softmax) last); base gives the recipe's other fields.
LoadedModel loadModelFile(const QString &path, const RecipeInput &base);

// text as UTF-8; what names the content in the message ("3,000 batches").
FileOutcome writeTextFile(const QString &path, const QString &text, const QString &what);
FileOutcome writePngFile(const QString &path, const QImage &image, const QString &what);

} // namespace ui
