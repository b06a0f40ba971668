#pragma once
// Shared by evaluate() and the Trainer's per-epoch test (internal header).

#include "core/nn/dataset.h"
#include "core/nn/inference.h"
#include "core/nn/layer.h"
#include "core/nn/model.h"

namespace core::nn {

class Engine;

// The share of exact zeros from which the sparse input path is faster: between 50% and 60% on
// the project machines (bench_train --crossover, random data, the book's network). MNIST has 81%.
inline constexpr double kSparseZeroFraction = 0.6;

// Whether batches of batchSize samples of data go through the sparse input path (Auto: mostly
// zeros, and batches the sparse path takes). Builds the data set's sparse rows when so.
bool useSparse(InputPath path, const Dataset &data, std::int64_t batchSize);
// Throws ValueError when the model cannot be trained or evaluated on data; what names the caller.
void checkCompatible(const Sequential &model, const Dataset &data, const char *what);
// Runs the whole data set through engine in batches of its capacity.
Evaluation evaluateWith(Engine &engine, const Sequential &model, const Dataset &data);

} // namespace core::nn
