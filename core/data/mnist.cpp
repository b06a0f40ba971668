#include "core/data/mnist.h"

#include "core/data/idx.h"
#include "core/errors.h"
#include "core/tensor/indexing.h"

#include <cstdlib>

namespace core {

namespace {

std::filesystem::path locate(const std::filesystem::path &dir, std::string_view name)
{
    std::error_code ec;
    const auto raw = dir / name;
    if (std::filesystem::exists(raw, ec)) return raw;
    auto gz = raw;
    gz += ".gz";
    if (std::filesystem::exists(gz, ec)) return gz;
    return raw;
}

void checkPair(const Tensor &images, const std::string &imageSource, const Tensor &labels,
               const std::string &labelSource)
{
    if (images.ndim() != 3 || images.dtype() != DType::UInt8)
        throw FormatError(
            imageSource + ": expected uint8 images of rank 3 (N, rows, cols), found " +
            std::string(dtypeName(images.dtype())) + " with shape " + formatShape(images.shape()));
    checkLabels(labels, 10, labelSource);
    if (images.shape()[0] != labels.shape()[0])
        throw FormatError(imageSource + " has " + std::to_string(images.shape()[0]) +
                          " images but " + labelSource + " has " +
                          std::to_string(labels.shape()[0]) + " labels: expected the same count");
}

} // namespace

std::filesystem::path defaultMnistDir()
{
    if (const char *dir = std::getenv("UNCRUMPLE_DATA_DIR"); dir && *dir) return dir;
    if (const char *xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg)
        return std::filesystem::path(xdg) / "uncrumple" / "mnist";
    const char *home = std::getenv("HOME");
    return std::filesystem::path(home && *home ? home : ".") / ".local" / "share" / "uncrumple" /
           "mnist";
}

bool hasMnistFiles(const std::filesystem::path &dir)
{
    std::error_code ec;
    for (auto name : kMnistFileNames)
        if (!std::filesystem::exists(locate(dir, name), ec)) return false;
    return true;
}

MnistData loadMnist(const std::filesystem::path &dir)
{
    std::array<std::filesystem::path, 4> paths;
    for (std::size_t i = 0; i < 4; ++i)
        paths[i] = locate(dir, kMnistFileNames[i]);
    MnistData data;
    data.trainImages = readIdx(paths[0]);
    data.trainLabels = readIdx(paths[1]);
    data.testImages = readIdx(paths[2]);
    data.testLabels = readIdx(paths[3]);
    checkPair(data.trainImages, paths[0].string(), data.trainLabels, paths[1].string());
    checkPair(data.testImages, paths[2].string(), data.testLabels, paths[3].string());
    data.isFullSet = data.trainImages.shape() == Shape{60000, 28, 28} &&
                     data.testImages.shape() == Shape{10000, 28, 28};
    data.origin = dir.string();
    return data;
}

bool hasMnistTestFiles(const std::filesystem::path &dir)
{
    std::error_code ec;
    return std::filesystem::exists(locate(dir, kMnistFileNames[2]), ec) &&
           std::filesystem::exists(locate(dir, kMnistFileNames[3]), ec);
}

MnistData loadMnistTest(const std::filesystem::path &dir)
{
    const auto imagesPath = locate(dir, kMnistFileNames[2]);
    const auto labelsPath = locate(dir, kMnistFileNames[3]);
    MnistData data;
    data.testImages = readIdx(imagesPath);
    data.testLabels = readIdx(labelsPath);
    checkPair(data.testImages, imagesPath.string(), data.testLabels, labelsPath.string());
    data.origin = dir.string();
    return data;
}

MnistData mnistFromSample(std::span<const std::byte> gzImages, std::span<const std::byte> gzLabels)
{
    const Tensor images = parseIdx(gzImages, "embedded sample images");
    const Tensor labels = parseIdx(gzLabels, "embedded sample labels");
    checkPair(images, "embedded sample images", labels, "embedded sample labels");
    if (images.shape()[0] <= kSampleTrainCount)
        throw FormatError("embedded sample images: expected more than " +
                          std::to_string(kSampleTrainCount) + " digits, found " +
                          std::to_string(images.shape()[0]));
    const IndexItem head[] = {Slice{std::nullopt, kSampleTrainCount, std::nullopt}};
    const IndexItem tail[] = {Slice{kSampleTrainCount, std::nullopt, std::nullopt}};
    MnistData data;
    data.trainImages = index(images, head);
    data.trainLabels = index(labels, head);
    data.testImages = index(images, tail);
    data.testLabels = index(labels, tail);
    data.origin = "embedded sample";
    return data;
}

ArrayResolver mnistArrays(const MnistData &data)
{
    return [data](std::string_view name) -> std::optional<Tensor> {
        if (name == "train_images") return data.trainImages;
        if (name == "train_labels") return data.trainLabels;
        if (name == "test_images") return data.testImages;
        if (name == "test_labels") return data.testLabels;
        return std::nullopt;
    };
}

} // namespace core
