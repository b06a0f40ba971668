#include "ui/mnist/mnistcode.h"

namespace ui {

namespace {
// "code  # comment", kept short: the code panel is narrow on a laptop screen.
QString commented(const QString &code, const QString &comment)
{
    return code + QStringLiteral("  # ") + comment + QLatin1Char('\n');
}
} // namespace

QString mnistCode(const MnistCodeInput &in)
{
    const QString images = in.set + QStringLiteral("_images"),
                  labels = in.set + QStringLiteral("_labels");
    QString code = QStringLiteral(
        "from tensorflow.keras.datasets import mnist\n"
        "(train_images, train_labels), (test_images, test_labels) = mnist.load_data()\n\n");
    if (in.batchMode) {
        code += QStringLiteral("n = %1\n").arg(in.batchIndex);
        code += commented(
            QStringLiteral("batch = %1[%2 * n:%2 * (n + 1)]").arg(images).arg(in.batchSize),
            in.shape);
    } else if (!in.expression.isEmpty()) {
        code += QStringLiteral("my_slice = %1\n").arg(in.expression);
        code += commented(QStringLiteral("my_slice.shape"), in.shape);
    }
    if (in.labelFilter >= 0 && !in.sampleItem.isEmpty()) {
        const QString name = in.batchMode ? QStringLiteral("batch") : QStringLiteral("my_slice");
        const QString selected = in.sampleItem == QLatin1String(":")
                                     ? labels
                                     : QStringLiteral("%1[%2]").arg(labels, in.sampleItem);
        code += commented(QStringLiteral("%1[%2 == %3]").arg(name, selected).arg(in.labelFilter),
                          QStringLiteral("only the %1s").arg(in.labelFilter));
    }
    if (in.digit) {
        code += QStringLiteral("\ndigit = %1[%2]\n"
                               "import matplotlib.pyplot as plt\n"
                               "plt.imshow(digit, cmap=plt.cm.binary)\n"
                               "plt.show()\n")
                    .arg(images)
                    .arg(*in.digit);
        if (in.digitLabel)
            code += commented(QStringLiteral("%1[%2]").arg(labels).arg(*in.digit),
                              QString::number(*in.digitLabel));
    }
    code += QStringLiteral("\n%1 = %1.reshape((%2, 28 * 28))\n").arg(images).arg(in.sampleCount);
    code += QStringLiteral("%1 = %1.astype(\"float32\") / 255\n").arg(images);
    if (in.digit)
        code += commented(QStringLiteral("%1[%2]").arg(images).arg(*in.digit),
                          QStringLiteral("784 values in [0, 1]"));
    return code;
}

} // namespace ui
