#pragma once
// Using a model: evaluate (Keras' model.evaluate plus a confusion matrix), predict (model.predict),
// and the gradients of the loss (for inspection and for the finite-difference tests).

#include "core/nn/dataset.h"
#include "core/nn/layer.h"
#include "core/nn/matrix.h"
#include "core/nn/model.h"

#include <cstdint>
#include <span>
#include <vector>

namespace core::nn {

struct Evaluation {
    double loss = 0.0;     // mean sparse categorical crossentropy
    double accuracy = 0.0; // fraction of samples whose most probable class is the label
    std::int64_t samples = 0;
    int classes = 0;
    // classes x classes, row = true label, column = predicted class.
    std::vector<std::int64_t> confusion;
    // Per true class: the fraction predicted right (NaN for a class with no samples).
    std::vector<double> classAccuracy;

    std::int64_t confusionAt(int label, int predicted) const
    {
        return confusion[static_cast<std::size_t>(label * classes + predicted)];
    }
};

// threads 0: every core. The model must end in softmax and have data.features() inputs; labels
// must be below model.outputs(). Throws ValueError otherwise.
Evaluation evaluate(const Sequential &model, const Dataset &data, int threads = 0,
                    InputPath path = InputPath::Auto);

// The model's outputs (probabilities for a softmax model) for inputs (samples x model.inputs()),
// e.g. a digit drawn on the Train page as 1 x 784 floats in [0, 1]. Throws ValueError on a width
// mismatch.
Matrix predict(const Sequential &model, MatrixView inputs, int threads = 1);

struct Gradients {
    double loss = 0.0;             // mean loss over the samples
    std::vector<float> parameters; // ∂loss/∂parameter, same layout as Sequential::parameters()
    Matrix inputs;                 // ∂loss/∂input, samples x inputs
};

// The gradients of the mean sparse categorical crossentropy at the model's current weights,
// computed by the training step itself (the weights are not changed).
Gradients computeGradients(const Sequential &model, MatrixView inputs,
                           std::span<const std::int32_t> labels, InputPath path = InputPath::Dense);

// Number of threads for a request (0: every core), clamped to [1, 64].
int resolveThreads(int threads);

} // namespace core::nn
