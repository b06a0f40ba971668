#include "core/manifold/linearprobe.h"

#include "core/errors.h"
#include "core/manifold/layerstack.h"

#include <Eigen/Cholesky>
#include <cmath>
#include <string>

namespace core::manifold {

ProbeResult linearProbe(nn::MatrixView features, std::span<const std::int32_t> labels,
                        const ProbeOptions &options)
{
    const std::int64_t rows = features.rows;
    const int d = static_cast<int>(features.cols);
    if (static_cast<std::int64_t>(labels.size()) != rows)
        throw ValueError("the probe needs one label a point: " + std::to_string(rows) +
                         " points, " + std::to_string(labels.size()) + " labels");
    ProbeResult result;
    result.weights = Eigen::VectorXd::Zero(d);
    if (rows == 0) return result;
    const std::int64_t stride =
        options.maxSamples > 0
            ? std::max<std::int64_t>(1, (rows + options.maxSamples - 1) / options.maxSamples)
            : 1;
    const std::int64_t m = (rows + stride - 1) / stride;

    // Standardised features plus a constant column, for the fitted subset.
    Eigen::VectorXd mean = Eigen::VectorXd::Zero(d), scale = Eigen::VectorXd::Ones(d);
    for (std::int64_t i = 0; i < rows; i += stride)
        for (int j = 0; j < d; ++j)
            mean(j) += features(i, j);
    mean /= static_cast<double>(m);
    Eigen::VectorXd var = Eigen::VectorXd::Zero(d);
    for (std::int64_t i = 0; i < rows; i += stride)
        for (int j = 0; j < d; ++j)
            var(j) += (features(i, j) - mean(j)) * (features(i, j) - mean(j));
    for (int j = 0; j < d; ++j) {
        const double sd = std::sqrt(var(j) / static_cast<double>(m));
        scale(j) = sd > 1e-12 ? sd : 1.0;
    }
    Eigen::MatrixXd x(m, d + 1);
    Eigen::VectorXd y(m);
    for (std::int64_t i = 0, r = 0; i < rows; i += stride, ++r) {
        for (int j = 0; j < d; ++j)
            x(r, j) = (features(i, j) - mean(j)) / scale(j);
        x(r, d) = 1.0;
        y(r) = labels[static_cast<std::size_t>(i)] == 1 ? 1.0 : 0.0;
    }

    // Newton's method on the penalised mean log-loss.
    Eigen::VectorXd w = Eigen::VectorXd::Zero(d + 1);
    Eigen::MatrixXd penalty = Eigen::MatrixXd::Identity(d + 1, d + 1) * options.l2;
    penalty(d, d) = 1e-12; // keeps the Hessian invertible without pulling the bias
    for (int it = 0; it < options.iterations; ++it) {
        const Eigen::VectorXd z = x * w;
        Eigen::VectorXd p(m), h(m);
        for (std::int64_t r = 0; r < m; ++r) {
            p(r) = 1.0 / (1.0 + std::exp(-z(r)));
            h(r) = p(r) * (1.0 - p(r));
        }
        const Eigen::VectorXd g = x.transpose() * (p - y) / static_cast<double>(m) + penalty * w;
        const Eigen::MatrixXd hessian =
            x.transpose() * h.asDiagonal() * x / static_cast<double>(m) + penalty;
        const Eigen::VectorXd step = hessian.ldlt().solve(g);
        if (!step.allFinite()) break;
        w -= step;
        result.iterations = it + 1;
        if (step.norm() < 1e-10) break;
    }

    // Back to the features' own coordinates, and the accuracy over every point.
    for (int j = 0; j < d; ++j)
        result.weights(j) = w(j) / scale(j);
    result.bias = w(d) - result.weights.dot(mean);
    std::int64_t correct = 0;
    for (std::int64_t i = 0; i < rows; ++i) {
        double z = result.bias;
        for (int j = 0; j < d; ++j)
            z += result.weights(j) * features(i, j);
        correct += (z > 0) == (labels[static_cast<std::size_t>(i)] == 1);
    }
    result.accuracy = static_cast<double>(correct) / static_cast<double>(rows);
    return result;
}

std::vector<double> probeStages(const LayerStack &stack, std::span<const std::int32_t> labels,
                                const ProbeOptions &options)
{
    std::vector<double> accuracy;
    for (int i = 0; i <= stack.layers(); ++i)
        accuracy.push_back(linearProbe(stack.stage(i), labels, options).accuracy);
    return accuracy;
}

} // namespace core::manifold
