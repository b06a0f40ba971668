#pragma once
// "How uncrumpled is it?": the accuracy of a linear classifier fitted on a layer's output (a linear
// probe, Alain & Bengio, "Understanding intermediate layers using linear classifier probes", 2016).
// The classifier is logistic regression, fitted by Newton's method (iteratively reweighted least
// squares) on standardised features with a small L2 penalty, a fixed number of iterations: it
// converges in about ten on these data and is deterministic. The accuracy is measured on the points
// it was fitted on (every point; the fit itself uses at most maxSamples of them, evenly spaced):
// the question is whether a plane separates them, not generalisation.

#include "core/nn/matrix.h"

#include <Eigen/Core>
#include <cstdint>
#include <span>
#include <vector>

namespace core::manifold {

class LayerStack;

struct ProbeOptions {
    int iterations = 25;            // Newton steps (stops early once the step is below 1e-10)
    double l2 = 1e-4;               // penalty on the weights (not the bias), per sample
    std::int64_t maxSamples = 5000; // fits on every k-th point beyond this (0: all)
};

struct ProbeResult {
    double accuracy = 0.0;   // fraction of the fitted points on the right side
    Eigen::VectorXd weights; // in the features' own coordinates: class 1 where w·x + bias > 0
    double bias = 0.0;
    int iterations = 0; // Newton steps taken
};

// features: rows x d, labels: rows entries, 0 or 1. Throws ValueError on a size mismatch.
ProbeResult linearProbe(nn::MatrixView features, std::span<const std::int32_t> labels,
                        const ProbeOptions &options = {});

// The probe's accuracy for every stage of stack: the input, then each layer's output.
std::vector<double> probeStages(const LayerStack &stack, std::span<const std::int32_t> labels,
                                const ProbeOptions &options = {});

} // namespace core::manifold
