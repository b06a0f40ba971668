#pragma once
// A wide space seen in 3D, for MNIST's hidden space: features of many samples (784 pixels, or a
// layer's 512 units) projected onto their top three principal axes, with how linearly separable
// the classes are there (a ridge probe fitted on the shown samples, measured on held-out ones).

#include "core/manifold/pca.h"
#include "core/nn/matrix.h"
#include "core/nn/model.h"

#include <cstdint>
#include <span>

namespace core::manifold {

struct FeatureView {
    nn::Matrix points;     // shown x 3
    Projection projection; // features -> 3, aligned to the previous one given
    double probeAccuracy = 0.0;
};

// Rows [0, shown) of features are shown and fit the PCA and the probe; rows [shown, end) measure
// the probe. previous (may be null) keeps the picture steady: each axis keeps its sign.
FeatureView featureView(nn::MatrixView features, std::span<const std::int32_t> labels,
                        std::int64_t shown, int classes, const Projection *previous = nullptr);

// The first layer's output (samples x its units) for inputs (samples x model.inputs()).
nn::Matrix firstLayer(const nn::Sequential &model, nn::MatrixView inputs);

} // namespace core::manifold
