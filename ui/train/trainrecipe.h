#pragma once
// What the Train page's model editor holds (listings 2.2-2.3 and the model.fit line of 2.5), as the
// user typed it, and its checked form for the engine. Qt-light so tests can drive it without
// widgets.

#include "core/nn/layer.h"
#include "core/nn/optimizer.h"
#include "core/nn/trainer.h"

#include <QList>
#include <QString>
#include <vector>

namespace ui {

// A hidden Dense layer as typed: units as text (so "0" or "abc" can be named in an error).
struct LayerText {
    QString units;
    core::nn::Activation activation = core::nn::Activation::Relu;
};

struct RecipeInput {
    QList<LayerText> hidden; // before the Dense(10, softmax)
    core::nn::OptimizerKind optimizer = core::nn::OptimizerKind::RMSprop;
    QString learningRate; // as typed
    int epochs = 5;
    int batchSize = 128;
    // validation_data=(test_images, test_labels) in fit. Off as in listing 2.5: the per-epoch test
    // curves are then drawn from model.evaluate after each epoch, apart from fit (the same
    // numbers).
    bool validate = false;
    quint64 seed = 0;

    // The book's recipe: Dense(512, relu), RMSprop(0.001), 5 epochs, batch 128.
    static RecipeInput book();
    bool operator==(const RecipeInput &other) const;
};

// Checked and ready for the engine.
struct Recipe {
    std::vector<core::nn::DenseSpec> layers; // hidden layers, then Dense(classes, softmax)
    core::nn::OptimizerConfig optimizer;
    core::nn::TrainOptions options;
};

struct RecipeCheck {
    bool ok = false;
    Recipe recipe;
    QString error; // one line naming the field, e.g. "Learning rate: expects a number above 0..."
    QString field; // "learningRate", "units:N" (0-based hidden layer), or empty
};

inline constexpr int kMaxUnits = 4096;
inline constexpr int kClasses = 10;

RecipeCheck checkRecipe(const RecipeInput &input);

// The learning rate as the field shows it for a kind (Keras' default).
QString defaultLearningRate(core::nn::OptimizerKind kind);
// "rmsprop" -> "RMSprop (the book)", etc.
QString optimizerTitle(core::nn::OptimizerKind kind);
// The recipe in words: "the book's recipe", "the current notebook's recipe" or "a custom recipe",
// "... with validation_data" when fit is given the test set (listing 2.5 is not).
QString recipeName(const RecipeInput &input);

} // namespace ui
