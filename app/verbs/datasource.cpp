#include "app/verbs/datasource.h"

#include "core/data/mnist.h"
#include "ui/shell/datastore.h"

#include <cstdio>
#include <stdexcept>

namespace app {

std::shared_ptr<const core::MnistData> loadData(const QString &dataDir, bool allowSample)
{
    const std::filesystem::path dir =
        dataDir.isEmpty() ? core::defaultMnistDir() : std::filesystem::path(dataDir.toStdString());
    if (core::hasMnistFiles(dir))
        return std::make_shared<const core::MnistData>(core::loadMnist(dir));
    if (!dataDir.isEmpty() || !allowSample)
        throw std::runtime_error("MNIST not found in " + dir.string() +
                                 ": run scripts/fetch-mnist, or pass --data-dir DIR");
    std::fprintf(stderr,
                 "note: MNIST not found in %s; using the embedded sample of 1,000 test "
                 "digits (run scripts/fetch-mnist for the full set)\n",
                 dir.string().c_str());
    return ui::DataStore::loadSample();
}

} // namespace app
