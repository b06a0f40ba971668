#include "ui/mnist/attributelisting.h"

#include "core/data/mnist.h"
#include "core/tensor/format.h"

#include <QStringList>

namespace ui {

QString attributeListing(const core::MnistData &data, const QString &set)
{
    const auto resolve = core::mnistArrays(data);
    QString out;
    const QStringList lines = {
        set + QStringLiteral("_images.ndim"), set + QStringLiteral("_images.shape"),
        set + QStringLiteral("_images.dtype"), QStringLiteral("len(%1_labels)").arg(set),
        set + QStringLiteral("_labels")};
    for (const QString &line : lines) {
        const core::Evaluation r =
            core::evaluate(core::parseExpression(line.toStdString()), resolve);
        const std::string value =
            r.attribute == core::Attribute::None ? core::formatArray(r.array) : r.valueText;
        out += QStringLiteral(">>> %1\n%2\n").arg(line, QString::fromStdString(value));
    }
    return out;
}

} // namespace ui
