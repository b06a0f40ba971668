#pragma once
// The page's network, built with core/nn (the same Sequential, Trainer and optimizers as the Train
// page): inputs -> Dense(w_1, act) ... Dense(w_K-1, act) -> Dense(2, softmax).
// "3,3,3,2" (the command line's --layers) means three hidden layers of 3 units and the 2-unit
// softmax output, i.e. keras.Sequential([Dense(3, "tanh"), Dense(3, "tanh"), Dense(3, "tanh"),
// Dense(2, "softmax")]).

#include "core/manifold/datakind.h"
#include "core/nn/activation.h"
#include "core/nn/model.h"
#include "core/nn/optimizer.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace core::manifold {

inline constexpr int kMinHidden = 1;
inline constexpr int kMaxHidden = 6;
inline constexpr int kMaxWidth = 64;
inline constexpr int kClasses = 2;

struct NetworkSpec {
    int inputs = 3;
    std::vector<int> widths{3, 3, 3, 2}; // hidden layers, then the output (always kClasses)
    nn::Activation activation = nn::Activation::Tanh; // of the hidden layers: tanh, relu, sigmoid

    // 3D: 3 -> Dense(3, tanh) x3 -> Dense(2, softmax); 2D: the same with 2 units.
    static NetworkSpec defaults(int inputs);
    int hiddenLayers() const { return static_cast<int>(widths.size()) - 1; }
    // Throws ValueError: 1 to 6 hidden layers of 1 to 64 units, output of 2, a hidden activation
    // among tanh, relu, sigmoid.
    void validate() const;
    // Glorot-uniform weights from seed (Sequential::initialize).
    nn::Sequential build(std::uint64_t seed) const;
};

// "3,3,3,2" -> {3, 3, 3, 2}. Throws ValueError with a one-line message for anything else
// ("--layers: layer 2 has 0 units; each layer needs 1 to 64", "the last layer must have 2 units
// (one per class), got 3", "expected comma-separated whole numbers, got '3,x'").
std::vector<int> parseLayerList(std::string_view text);
// {3, 3, 3, 2} -> "3,3,3,2".
std::string layerListText(const std::vector<int> &widths);
// The hidden layers' activations the page offers (tanh, relu, sigmoid); throws ValueError
// otherwise ("activation must be tanh, relu or sigmoid, got 'softmax'").
nn::Activation hiddenActivationFromName(std::string_view name);

// How the defaults train: optimizer, learning rate, epochs, batch size, points.
struct TrainingRecipe {
    nn::OptimizerConfig optimizer;
    int epochs = 0;
    int batchSize = 32;
    int points = 2000;

    // Measured to reach >= 97% training accuracy with NetworkSpec::defaults (README, "Uncrumple").
    static TrainingRecipe defaults(DataKind kind);
};

// The Keras code of the network and its training, for the page's code panel:
//   model = keras.Sequential([
//       layers.Dense(3, activation="tanh"),
//       ...
//   ])
//   model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), ...)
//   model.fit(x, y, epochs=40, batch_size=32)
std::string kerasCode(const NetworkSpec &spec, const TrainingRecipe &recipe);

} // namespace core::manifold
