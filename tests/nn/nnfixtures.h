// What the core/nn tests share: the embedded sample, random inputs, a bit-for-bit comparison and a
// small network trained on the sample.

#pragma once

#include "common/readbytes.h"
#include "core/nn/dataset.h"
#include "core/nn/layer.h"
#include "core/nn/matrix.h"
#include "core/nn/model.h"
#include "core/nn/optimizer.h"

#include <QString>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace nnfixtures {

// The embedded sample (resources/mnist): 800 training and 200 test digits, scaled to [0, 1].
core::nn::Dataset sampleTrain();
core::nn::Dataset sampleTest();

// A rows × cols matrix of uniform values in [-1, 1], about zeroShare of them zero.
core::nn::Matrix randomInputs(std::int64_t rows, std::int64_t cols, std::uint64_t seed,
                              double zeroShare);

bool sameBits(std::span<const float> a, std::span<const float> b);

// 784 → Dense(64, relu) → Dense(10, softmax) trained on sampleTrain() in batches of 32; a training
// that does not finish stops the test (qFatal).
core::nn::Sequential trainedOnSample(std::uint64_t seed, int threads, core::nn::InputPath path,
                                     int epochs = 2, core::nn::OptimizerConfig optimizer = {});

} // namespace nnfixtures
