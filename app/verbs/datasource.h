#pragma once
// Where the command-line verbs get MNIST: --data-dir, else UNCRUMPLE_DATA_DIR or the XDG data
// folder; the embedded sample only when the verb allows it, with a note on stderr.

#include <QString>
#include <memory>

namespace core {
struct MnistData;
}

namespace app {

// Throws std::runtime_error with a one-line message when no usable data set is found.
std::shared_ptr<const core::MnistData> loadData(const QString &dataDir, bool allowSample);

// The test set only (evaluate, predict), so that missing or broken training files do not matter:
// the result's training arrays are empty. Falls back to the sample's test digits when no folder
// was given and the default one lacks the test files.
std::shared_ptr<const core::MnistData> loadTestData(const QString &dataDir);

} // namespace app
