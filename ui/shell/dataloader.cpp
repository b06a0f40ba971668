#include "ui/shell/dataloader.h"

#include "core/data/mnist.h"

#include <QElapsedTimer>
#include <exception>

namespace ui {

void DataLoader::load(const QString &dir)
{
    try {
        QElapsedTimer timer;
        timer.start();
        auto data = std::make_shared<const core::MnistData>(core::loadMnist(dir.toStdString()));
        emit loaded(data, timer.elapsed());
    } catch (const std::exception &e) {
        emit failed(QString::fromStdString(e.what()));
    }
}

} // namespace ui
