#include "ui/train/trainrecipe.h"

#include <QLocale>
#include <cmath>
#include <limits>

namespace ui {

using core::nn::Activation;
using core::nn::OptimizerConfig;
using core::nn::OptimizerKind;

RecipeInput RecipeInput::book()
{
    RecipeInput in;
    in.hidden = {LayerText{QStringLiteral("512"), Activation::Relu}};
    in.optimizer = OptimizerKind::RMSprop;
    in.learningRate = defaultLearningRate(in.optimizer);
    return in;
}

bool RecipeInput::operator==(const RecipeInput &other) const
{
    if (hidden.size() != other.hidden.size()) return false;
    for (qsizetype i = 0; i < hidden.size(); ++i)
        if (hidden[i].units.trimmed() != other.hidden[i].units.trimmed() ||
            hidden[i].activation != other.hidden[i].activation)
            return false;
    return optimizer == other.optimizer && learningRate.trimmed() == other.learningRate.trimmed() &&
           epochs == other.epochs && batchSize == other.batchSize && validate == other.validate &&
           seed == other.seed;
}

QString defaultLearningRate(OptimizerKind kind)
{
    return QString::number(OptimizerConfig::defaults(kind).learningRate, 'g', 6);
}

QString optimizerTitle(OptimizerKind kind)
{
    switch (kind) {
    case OptimizerKind::RMSprop:
        return QObject::tr("RMSprop (the book)");
    case OptimizerKind::Adam:
        return QObject::tr("Adam (the current notebook)");
    case OptimizerKind::SGD:
        return QObject::tr("SGD");
    }
    return {};
}

QString recipeName(const RecipeInput &input)
{
    RecipeInput book = RecipeInput::book();
    book.validate = input.validate;
    book.seed = input.seed; // the seed is Uncrumple's, not the book's: any seed is its recipe
    RecipeInput notebook = book;
    notebook.optimizer = OptimizerKind::Adam;
    notebook.learningRate = defaultLearningRate(OptimizerKind::Adam);
    QString name = QObject::tr("a custom recipe");
    if (input == book)
        name = QObject::tr("the book's recipe");
    else if (input == notebook)
        name = QObject::tr("the current notebook's recipe");
    // Listing 2.5's fit has no validation data: with it, the recipe is no longer the book's own.
    return input.validate ? QObject::tr("%1 with validation_data").arg(name) : name;
}

RecipeCheck checkRecipe(const RecipeInput &input)
{
    RecipeCheck check;
    for (qsizetype i = 0; i < input.hidden.size(); ++i) {
        const QString text = input.hidden[i].units.trimmed();
        bool ok = false;
        const int units = text.toInt(&ok);
        if (!ok || units < 1 || units > kMaxUnits) {
            check.error =
                QObject::tr("Layer %1: units expects a whole number from 1 to %2, got '%3'")
                    .arg(i + 1)
                    .arg(kMaxUnits)
                    .arg(input.hidden[i].units);
            check.field = QStringLiteral("units:%1").arg(i);
            return check;
        }
        check.recipe.layers.push_back({units, input.hidden[i].activation});
    }
    check.recipe.layers.push_back({kClasses, Activation::Softmax});

    // Both "0.001" and the user's locale ("0,001") are accepted; the engine wants a float.
    const QString lrText = input.learningRate.trimmed();
    bool ok = false;
    double lr = lrText.toDouble(&ok);
    if (!ok) lr = QLocale().toDouble(lrText, &ok);
    // Any positive float is allowed, 1e12 included: watching a run diverge is a lesson too.
    if (!ok || !std::isfinite(lr) || lr <= 0.0 || lr > std::numeric_limits<float>::max()) {
        check.error =
            QObject::tr("Learning rate expects a number above 0, got '%1'").arg(input.learningRate);
        check.field = QStringLiteral("learningRate");
        return check;
    }
    check.recipe.optimizer = OptimizerConfig::defaults(input.optimizer);
    check.recipe.optimizer.learningRate = static_cast<float>(lr);

    check.recipe.options.epochs = input.epochs;
    check.recipe.options.batchSize = input.batchSize;
    check.recipe.options.seed = input.seed;
    // The test set is evaluated after every epoch either way, for the per-epoch test curves:
    // validation_data only decides whether the code and Keras' line show it as fit's (val_).
    check.recipe.options.testEachEpoch = true;
    check.recipe.options.threads = 0; // every core, as `uncrumple train` by default
    try {
        check.recipe.optimizer.validate();
        check.recipe.options.validate();
    } catch (const std::exception &e) {
        check.error = QString::fromStdString(e.what());
        return check;
    }
    check.ok = true;
    return check;
}

} // namespace ui
