#pragma once
// Loads an MNIST folder off the GUI thread. Lives on a QThread; results come back by queued signal
// as an immutable snapshot, errors as a message.

#include <QObject>
#include <QString>
#include <memory>

namespace core {
struct MnistData;
}

namespace ui {

using MnistSnapshot = std::shared_ptr<const core::MnistData>;

class DataLoader : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

public slots:
    void load(const QString &dir);

signals:
    void loaded(ui::MnistSnapshot data, qint64 milliseconds);
    void failed(const QString &message);
};

} // namespace ui

Q_DECLARE_METATYPE(ui::MnistSnapshot)
