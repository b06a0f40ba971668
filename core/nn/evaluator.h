#pragma once
// Shared by evaluate() and the Trainer's per-epoch test (internal header).

#include "core/nn/dataset.h"
#include "core/nn/inference.h"
#include "core/nn/layer.h"
#include "core/nn/model.h"

namespace core::nn {

class Engine;

// The share of zeros from which the sparse input path is faster (measured on the project
// machines with bench_train --path; see bench/trainbench.cpp).
inline constexpr double kSparseZeroFraction = 0.5;

bool useSparse(InputPath path, const Dataset &data);
// Throws ValueError when the model cannot be trained or evaluated on data; what names the caller.
void checkCompatible(const Sequential &model, const Dataset &data, const char *what);
// Runs the whole data set through engine in batches of its capacity.
Evaluation evaluateWith(Engine &engine, const Sequential &model, const Dataset &data);

} // namespace core::nn
