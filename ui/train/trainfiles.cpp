#include "ui/train/trainfiles.h"

#include "core/errors.h"
#include "core/nn/atomicfile.h"
#include "core/nn/serialization.h"
#include "ui/common/numbers.h"
#include "ui/common/pngfile.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QObject>
#include <exception>
#include <span>

namespace ui {

namespace {

QString shown(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

// Why the Train page cannot hold this model, or empty.
QString pageProblem(const core::nn::Sequential &m)
{
    const int last = m.layerCount() - 1;
    if (m.inputs() != 784)
        return QObject::tr("it takes %1 inputs, not 784 (28 x 28 pixels)").arg(m.inputs());
    if (last < 0 || m.layer(last).units != kClasses ||
        m.layer(last).activation != core::nn::Activation::Softmax)
        return QObject::tr("it does not end in Dense(10, softmax)");
    if (last > 4)
        return QObject::tr("it has %1 hidden layers; this page edits at most 4").arg(last);
    for (int i = 0; i < last; ++i)
        if (m.layer(i).activation == core::nn::Activation::Softmax || m.layer(i).units > kMaxUnits)
            return QObject::tr("its layer %1 cannot be edited here").arg(i + 1);
    return {};
}

} // namespace

FileOutcome saveModelFile(const QString &path, const core::nn::Sequential &model,
                          const QString &optimizer)
{
    try {
        const QByteArray name = optimizer.toLatin1();
        core::nn::saveModel(
            path.toStdString(), model,
            std::string_view(name.constData(), static_cast<std::size_t>(name.size())));
    } catch (const std::exception &e) {
        return {false, QObject::tr("Not saved: %1").arg(QString::fromStdString(e.what()))};
    }
    return {true, QObject::tr("Saved the model to %1 (%2 parameters)")
                      .arg(shown(path), thousands(static_cast<qint64>(model.parameterCount())))};
}

LoadedModel loadModelFile(const QString &path, const RecipeInput &base)
{
    LoadedModel loaded;
    core::nn::ModelFile file;
    try {
        file = core::nn::loadModel(path.toStdString());
    } catch (const std::exception &e) {
        loaded.outcome.message = QObject::tr("Not loaded (the current model is kept): %1")
                                     .arg(QString::fromStdString(e.what()));
        return loaded;
    }
    const core::nn::Sequential &m = file.model;
    if (const QString problem = pageProblem(m); !problem.isEmpty()) {
        loaded.outcome.message =
            QObject::tr("Not loaded (the current model is kept): %1 holds %2, but %3.")
                .arg(shown(path), QString::fromStdString(m.describe()), problem);
        return loaded;
    }
    loaded.recipe = base;
    loaded.recipe.hidden.clear();
    for (int i = 0; i + 1 < m.layerCount(); ++i)
        loaded.recipe.hidden.append({QString::number(m.layer(i).units), m.layer(i).activation});
    if (const auto kind = core::nn::optimizerFromName(file.optimizer)) {
        loaded.recipe.optimizer = *kind;
        loaded.recipe.learningRate = defaultLearningRate(*kind);
    }
    loaded.optimizer = QString::fromStdString(file.optimizer);
    loaded.outcome = {
        true, QObject::tr("Loaded %1: %2, trained with %3.")
                  .arg(shown(path), QString::fromStdString(m.describe()), loaded.optimizer)};
    loaded.model = std::make_shared<const core::nn::Sequential>(std::move(file.model));
    return loaded;
}

FileOutcome writeTextFile(const QString &path, const QString &text, const QString &what)
{
    // The engine's atomic write, not QSaveFile: on a full disk QSaveFile (Qt 6.4) committed an
    // empty file over the old one and reported success.
    const QByteArray utf8 = text.toUtf8();
    try {
        core::nn::writeFileAtomically(QFile::encodeName(path).toStdString(),
                                      std::as_bytes(std::span(utf8.constData(), utf8.size())));
    } catch (const core::FormatError &e) {
        return {false, QObject::tr("Not exported: %1").arg(QString::fromStdString(e.what()))};
    }
    return {true, QObject::tr("Exported %1 to %2").arg(what, shown(path))};
}

FileOutcome writePngFile(const QString &path, const QImage &image, const QString &what)
{
    const QString error = writePngAtomically(image, path);
    if (!error.isEmpty())
        return {false, QObject::tr("Not exported: cannot write %1: %2").arg(shown(path), error)};
    return {true, QObject::tr("Exported %1 to %2").arg(what, shown(path))};
}

} // namespace ui
