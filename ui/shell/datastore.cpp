#include "ui/shell/datastore.h"

#include "core/data/mnist.h"
#include "ui/common/numbers.h"

#include <QDir>
#include <QFile>
#include <span>

namespace ui {

namespace {
QByteArray readResource(const QString &name)
{
    QFile f(name);
    if (!f.open(QIODevice::ReadOnly))
        throw std::runtime_error("missing resource " + name.toStdString());
    return f.readAll();
}

std::span<const std::byte> bytes(const QByteArray &a)
{
    return {reinterpret_cast<const std::byte *>(a.constData()), static_cast<std::size_t>(a.size())};
}
} // namespace

DataStore::DataStore(QObject *parent) : QObject(parent), m_data(loadSample())
{
    qRegisterMetaType<ui::MnistSnapshot>();
    auto *loader = new DataLoader;
    loader->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, loader, &QObject::deleteLater);
    connect(this, &DataStore::requestLoad, loader, &DataLoader::load);
    connect(loader, &DataLoader::loaded, this, &DataStore::onLoaded);
    connect(loader, &DataLoader::failed, this, &DataStore::onFailed);
    m_thread.setObjectName(QStringLiteral("data loader"));
    m_thread.start();
}

DataStore::~DataStore()
{
    m_thread.quit();
    m_thread.wait();
}

MnistSnapshot DataStore::loadSample()
{
    const QByteArray images =
        readResource(QStringLiteral(":/mnist/t10k-images-1000-idx3-ubyte.gz"));
    const QByteArray labels =
        readResource(QStringLiteral(":/mnist/t10k-labels-1000-idx1-ubyte.gz"));
    return std::make_shared<const core::MnistData>(
        core::mnistFromSample(bytes(images), bytes(labels)));
}

bool DataStore::loadDirectory(const QString &dir)
{
    m_dir = dir;
    if (!core::hasMnistFiles(dir.toStdString())) {
        onFailed(tr("%1 does not hold the four MNIST files (%2, ...)")
                     .arg(QDir::toNativeSeparators(dir),
                          QString::fromLatin1(core::kMnistFileNames[0].data())));
        return false;
    }
    m_loading = true;
    emit loadingChanged(true);
    emit requestLoad(dir);
    return true;
}

void DataStore::onLoaded(ui::MnistSnapshot data, qint64 milliseconds)
{
    m_data = std::move(data);
    m_loadMs = milliseconds;
    m_lastError.clear();
    m_loading = false;
    emit loadingChanged(false);
    emit dataChanged();
}

void DataStore::onFailed(const QString &message)
{
    m_lastError = message;
    if (m_loading) {
        m_loading = false;
        emit loadingChanged(false);
    }
    emit loadFailed(message);
}

QString DataStore::statusText() const
{
    auto count = [&](const core::Tensor &t) { return thousands(t.shape()[0]); };
    if (m_loading) return tr("Loading MNIST from %1 ...").arg(QDir::toNativeSeparators(m_dir));
    if (m_data->origin == "embedded sample") {
        if (!m_lastError.isEmpty())
            return tr("Embedded sample of %1 digits; the full set did not load: %2")
                .arg(count(m_data->trainImages) + QStringLiteral(" + ") + count(m_data->testImages),
                     shortError());
        return tr("Embedded sample: the first 1,000 MNIST test digits (%1 as train, %2 as test). "
                  "For all 70,000 run scripts/fetch-mnist, then restart.")
            .arg(count(m_data->trainImages), count(m_data->testImages));
    }
    return tr("%1: %2 train + %3 test digits from %4 (loaded in %5 ms)")
        .arg(m_data->isFullSet ? tr("MNIST") : tr("IDX data set"), count(m_data->trainImages),
             count(m_data->testImages),
             QDir::toNativeSeparators(QString::fromStdString(m_data->origin)))
        .arg(m_loadMs);
}

QString DataStore::statusDetails() const
{
    if (m_lastError.isEmpty() || m_loading) return QString();
    return tr("The data set in %1 was not loaded:\n\n%2\n\nThe current data stays. For all 70,000 "
              "MNIST digits run scripts/fetch-mnist, then restart.")
        .arg(QDir::toNativeSeparators(m_dir), m_lastError);
}

QString DataStore::shortError() const
{
    // The folder is in the details; the status line keeps the file name and the reason.
    QString message = m_lastError;
    for (const QString &dir : {m_dir, QDir::toNativeSeparators(m_dir)}) {
        if (dir.isEmpty()) continue;
        QString prefix = dir;
        if (!prefix.endsWith(QLatin1Char('/')) && !prefix.endsWith(QDir::separator()))
            prefix += dir.contains(QLatin1Char('/')) ? QLatin1Char('/') : QDir::separator();
        message.replace(prefix, QString());
    }
    return message;
}

} // namespace ui
