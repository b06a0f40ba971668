#include "app/verbs/datasource.h"

#include "core/data/mnist.h"
#include "ui/shell/datastore.h"

#include <cstdio>
#include <stdexcept>

namespace app {

namespace {

std::filesystem::path folder(const QString &dataDir)
{
    return dataDir.isEmpty() ? core::defaultMnistDir()
                             : std::filesystem::path(dataDir.toStdString());
}

std::shared_ptr<const core::MnistData> sampleInstead(const std::filesystem::path &dir)
{
    std::fprintf(stderr,
                 "note: MNIST not found in %s; using the embedded sample of 1,000 test "
                 "digits (run scripts/fetch-mnist for the full set)\n",
                 dir.string().c_str());
    return ui::DataStore::loadSample();
}

} // namespace

std::shared_ptr<const core::MnistData> loadData(const QString &dataDir, bool allowSample)
{
    const std::filesystem::path dir = folder(dataDir);
    if (core::hasMnistFiles(dir))
        return std::make_shared<const core::MnistData>(core::loadMnist(dir));
    if (!dataDir.isEmpty() || !allowSample)
        throw std::runtime_error("MNIST not found in " + dir.string() +
                                 ": run scripts/fetch-mnist, or pass --data-dir DIR");
    return sampleInstead(dir);
}

std::shared_ptr<const core::MnistData> loadTestData(const QString &dataDir)
{
    const std::filesystem::path dir = folder(dataDir);
    if (!core::hasMnistTestFiles(dir)) {
        if (!dataDir.isEmpty())
            throw std::runtime_error(
                "MNIST's test set (t10k-images-idx3-ubyte and t10k-labels-idx1-ubyte, raw or "
                ".gz) not found in " +
                dir.string() + ": run scripts/fetch-mnist, or pass --data-dir DIR");
        return sampleInstead(dir);
    }
    return std::make_shared<const core::MnistData>(core::loadMnistTest(dir));
}

} // namespace app
