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

} // namespace app
