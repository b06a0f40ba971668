#include "ui/train/traincode.h"

#include <QStringList>

namespace ui {

namespace {

QString pyActivation(core::nn::Activation a)
{
    const auto n = core::nn::activationName(a);
    return QString::fromLatin1(n.data(), static_cast<qsizetype>(n.size()));
}

// How compile() is given the optimizer: its name when Keras' default learning rate is used, as the
// book writes it; otherwise the object with the rate.
QString optimizerArgument(const RecipeInput &in)
{
    const QString lr = in.learningRate.trimmed();
    const bool defaultRate = lr.toDouble() == defaultLearningRate(in.optimizer).toDouble();
    switch (in.optimizer) {
    case core::nn::OptimizerKind::RMSprop:
        return defaultRate ? QStringLiteral("\"rmsprop\"")
                           : QStringLiteral("keras.optimizers.RMSprop(learning_rate=%1)").arg(lr);
    case core::nn::OptimizerKind::Adam:
        return defaultRate ? QStringLiteral("\"adam\"")
                           : QStringLiteral("keras.optimizers.Adam(learning_rate=%1)").arg(lr);
    case core::nn::OptimizerKind::SGD:
        return defaultRate ? QStringLiteral("\"sgd\"")
                           : QStringLiteral("keras.optimizers.SGD(learning_rate=%1)").arg(lr);
    }
    return {};
}

} // namespace

QString trainCode(const RecipeInput &in, const TrainCodeFacts &f)
{
    QString c;
    c += QStringLiteral("from tensorflow import keras\n"
                        "from tensorflow.keras import layers\n\n");
    c += QStringLiteral("# Listing 2.1: loading the MNIST dataset in Keras\n"
                        "from tensorflow.keras.datasets import mnist\n"
                        "(train_images, train_labels), (test_images, test_labels) = "
                        "mnist.load_data()\n");
    if (f.sample)
        c += QStringLiteral("# here: the embedded sample, %1 train and %2 test digits\n")
                 .arg(f.trainCount)
                 .arg(f.testCount);
    if (in.seed != 0) c += QStringLiteral("keras.utils.set_random_seed(%1)\n").arg(in.seed);

    c += QStringLiteral("\n# Listing 2.2: the network architecture\nmodel = keras.Sequential([\n");
    for (const LayerText &l : in.hidden)
        c += QStringLiteral("    layers.Dense(%1, activation=\"%2\"),\n")
                 .arg(l.units.trimmed(), pyActivation(l.activation));
    c += QStringLiteral("    layers.Dense(10, activation=\"softmax\")\n])\n");

    c += QStringLiteral("\n# Listing 2.3: the compilation step\n"
                        "model.compile(optimizer=%1,\n"
                        "              loss=\"sparse_categorical_crossentropy\",\n"
                        "              metrics=[\"accuracy\"])\n")
             .arg(optimizerArgument(in));

    c += QStringLiteral("\n# Listing 2.4: preparing the image data\n"
                        "train_images = train_images.reshape((%1, 28 * 28))\n"
                        "train_images = train_images.astype(\"float32\") / 255\n"
                        "test_images = test_images.reshape((%2, 28 * 28))\n"
                        "test_images = test_images.astype(\"float32\") / 255\n")
             .arg(f.trainCount)
             .arg(f.testCount);

    c += QStringLiteral("\n# Listing 2.5: \"fitting\" the model\n"
                        "model.fit(train_images, train_labels, epochs=%1, batch_size=%2")
             .arg(in.epochs)
             .arg(in.batchSize);
    c += in.validate ? QStringLiteral(",\n          validation_data=(test_images, test_labels))\n")
                     : QStringLiteral(")\n");
    if (!f.progressLine.isEmpty()) c += QStringLiteral("# %1\n").arg(f.progressLine);
    if (!in.validate)
        c += QStringLiteral("# Not in listing 2.5: for its per-epoch test curves, the page runs\n"
                            "# model.evaluate(test_images, test_labels) after each epoch, apart "
                            "from fit\n");
    if (f.previousModel)
        c += QStringLiteral("# Not run yet: the charts, weights, predictions and evaluation on the "
                            "page\n# are of the model trained before the recipe changed\n");

    c += QStringLiteral("\n# Listing 2.6: using the model to make predictions\n"
                        "test_digits = test_images[%1:%2]\n"
                        "predictions = model.predict(test_digits)\n")
             .arg(f.firstPrediction)
             .arg(f.firstPrediction + 10);
    if (f.predicted) {
        c += QStringLiteral("predictions[0].argmax()  # %1\n").arg(*f.predicted);
        c += QStringLiteral("predictions[0][%1]  # %2\n")
                 .arg(*f.predicted)
                 .arg(static_cast<double>(f.probability), 0, 'g', 8);
    } else {
        c += QStringLiteral("predictions[0].argmax()\n");
    }
    if (f.label)
        c += QStringLiteral("test_labels[%1]  # %2\n").arg(f.firstPrediction).arg(*f.label);

    c += QStringLiteral("\n# Listing 2.7: evaluating the model on new data\n"
                        "test_loss, test_acc = model.evaluate(test_images, test_labels)\n"
                        "print(f\"test_acc: {test_acc}\")");
    if (f.testAccuracy) c += QStringLiteral("  # test_acc: %1").arg(*f.testAccuracy, 0, 'f', 4);
    c += QLatin1Char('\n');

    c += QStringLiteral("\n# The first layer's weights of unit %1 as an image\n"
                        "import matplotlib.pyplot as plt\n"
                        "kernel = model.layers[0].kernel.numpy()  # (784, %2)\n"
                        "w = kernel[:, %1].reshape((28, 28))\n"
                        "m = abs(w).max()\n"
                        "plt.imshow(w, cmap=\"RdBu_r\", vmin=-m, vmax=m)\n")
             .arg(f.weightUnit)
             .arg(f.firstLayerUnits);
    return c;
}

} // namespace ui
