#include "core/manifold/network.h"

#include "core/errors.h"

#include <charconv>
#include <sstream>

namespace core::manifold {

namespace {

std::string quoted(std::string_view s)
{
    return "'" + std::string(s) + "'";
}

} // namespace

NetworkSpec NetworkSpec::defaults(int inputs)
{
    NetworkSpec spec;
    spec.inputs = inputs;
    spec.widths = {inputs, inputs, inputs, kClasses};
    spec.activation = nn::Activation::Tanh;
    return spec;
}

void NetworkSpec::validate() const
{
    if (inputs < 1) throw ValueError("the network needs at least 1 input");
    const int hidden = hiddenLayers();
    if (hidden < kMinHidden || hidden > kMaxHidden)
        throw ValueError("the network needs " + std::to_string(kMinHidden) + " to " +
                         std::to_string(kMaxHidden) + " hidden layers before the output, got " +
                         std::to_string(std::max(hidden, 0)));
    for (std::size_t i = 0; i < widths.size(); ++i)
        if (widths[i] < 1 || widths[i] > kMaxWidth)
            throw ValueError("layer " + std::to_string(i + 1) + " has " +
                             std::to_string(widths[i]) + " units; each layer needs 1 to " +
                             std::to_string(kMaxWidth));
    if (widths.back() != kClasses)
        throw ValueError("the last layer must have " + std::to_string(kClasses) +
                         " units (one per class), got " + std::to_string(widths.back()));
    if (activation != nn::Activation::Tanh && activation != nn::Activation::Relu &&
        activation != nn::Activation::Sigmoid)
        throw ValueError("activation must be tanh, relu or sigmoid, got " +
                         quoted(nn::activationName(activation)));
}

nn::Sequential NetworkSpec::build(std::uint64_t seed) const
{
    validate();
    std::vector<nn::DenseSpec> layers;
    for (std::size_t i = 0; i + 1 < widths.size(); ++i)
        layers.push_back({widths[i], activation});
    layers.push_back({kClasses, nn::Activation::Softmax});
    nn::Sequential model(inputs, std::move(layers));
    model.initialize(seed);
    return model;
}

std::vector<int> parseLayerList(std::string_view text)
{
    std::vector<int> widths;
    std::size_t start = 0;
    while (true) {
        const std::size_t comma = text.find(',', start);
        const std::string_view item = text.substr(
            start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
        int value = 0;
        const auto [end, ec] = std::from_chars(item.data(), item.data() + item.size(), value);
        if (item.empty() || ec != std::errc() || end != item.data() + item.size())
            throw ValueError("expected comma-separated whole numbers such as 3,3,3,2, got " +
                             quoted(text));
        widths.push_back(value);
        if (comma == std::string_view::npos) break;
        start = comma + 1;
    }
    NetworkSpec spec;
    spec.widths = widths;
    spec.validate();
    return widths;
}

std::string layerListText(const std::vector<int> &widths)
{
    std::string s;
    for (std::size_t i = 0; i < widths.size(); ++i)
        s += (i ? "," : "") + std::to_string(widths[i]);
    return s;
}

nn::Activation hiddenActivationFromName(std::string_view name)
{
    const auto a = nn::activationFromName(name);
    if (!a ||
        (*a != nn::Activation::Tanh && *a != nn::Activation::Relu && *a != nn::Activation::Sigmoid))
        throw ValueError("activation must be tanh, relu or sigmoid, got " + quoted(name));
    return *a;
}

TrainingRecipe TrainingRecipe::defaults(DataKind kind)
{
    // Measured with `uncrumple manifold` on seeds 1 to 16 (README, "Uncrumple"). Two-unit layers
    // need larger batches and a larger step to leave the plateaus where a unit has saturated.
    TrainingRecipe r;
    r.points = 2000;
    if (dataKindDims(kind) == 3) {
        r.optimizer = nn::OptimizerConfig::adam(0.02f);
        r.batchSize = 32;
        r.epochs = 300;
    } else {
        r.optimizer = nn::OptimizerConfig::adam(0.05f);
        r.batchSize = 128;
        r.epochs = 500;
    }
    return r;
}

std::string kerasCode(const NetworkSpec &spec, const TrainingRecipe &recipe)
{
    std::ostringstream s;
    s << "model = keras.Sequential([\n";
    for (std::size_t i = 0; i + 1 < spec.widths.size(); ++i)
        s << "    layers.Dense(" << spec.widths[i] << ", activation=\""
          << nn::activationName(spec.activation) << "\"),\n";
    s << "    layers.Dense(" << kClasses << ", activation=\"softmax\"),\n";
    s << "])\n";
    s << "model.compile(optimizer=keras.optimizers." << recipe.optimizer.describe() << ",\n"
      << "              loss=\"sparse_categorical_crossentropy\",\n"
      << "              metrics=[\"accuracy\"])\n";
    s << "model.fit(x, y, epochs=" << recipe.epochs << ", batch_size=" << recipe.batchSize << ")\n";
    return s.str();
}

} // namespace core::manifold
