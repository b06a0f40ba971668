#include "app/verbs/datasource.h"

#include "core/data/idx.h"
#include "core/data/mnist.h"
#include "core/errors.h"
#include "core/tensor/shape.h"
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

// dir/name, else dir/name.gz, as core::loadMnist looks for them; empty when neither exists.
std::filesystem::path locate(const std::filesystem::path &dir, std::string_view name)
{
    std::error_code ec;
    auto path = dir / name;
    if (std::filesystem::exists(path, ec)) return path;
    path += ".gz";
    return std::filesystem::exists(path, ec) ? path : std::filesystem::path();
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
    const auto imagesPath = locate(dir, core::kMnistFileNames[2]);
    const auto labelsPath = locate(dir, core::kMnistFileNames[3]);
    if (imagesPath.empty() || labelsPath.empty()) {
        if (!dataDir.isEmpty())
            throw std::runtime_error(
                "MNIST's test set (t10k-images-idx3-ubyte and t10k-labels-idx1-ubyte, raw or "
                ".gz) not found in " +
                dir.string() + ": run scripts/fetch-mnist, or pass --data-dir DIR");
        return sampleInstead(dir);
    }
    auto data = std::make_shared<core::MnistData>();
    data->testImages = core::readIdx(imagesPath);
    data->testLabels = core::readIdx(labelsPath);
    const core::Tensor &images = data->testImages;
    if (images.ndim() != 3 || images.dtype() != core::DType::UInt8)
        throw core::FormatError(imagesPath.string() +
                                ": expected uint8 images of rank 3 (N, rows, cols), found " +
                                std::string(core::dtypeName(images.dtype())) + " with shape " +
                                core::formatShape(images.shape()));
    core::checkLabels(data->testLabels, 10, labelsPath.string());
    if (images.shape()[0] != data->testLabels.shape()[0])
        throw core::FormatError(imagesPath.string() + " has " + std::to_string(images.shape()[0]) +
                                " images but " + labelsPath.string() + " has " +
                                std::to_string(data->testLabels.shape()[0]) +
                                " labels: expected the same count");
    data->origin = dir.string();
    return data;
}

} // namespace app
