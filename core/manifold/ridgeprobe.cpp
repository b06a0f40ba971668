#include "core/manifold/ridgeprobe.h"

#include "core/errors.h"

#include <Eigen/Cholesky>
#include <Eigen/Core>
#include <cmath>
#include <string>

namespace core::manifold {

namespace {

void check(nn::MatrixView x, std::span<const std::int32_t> labels, int classes, const char *what)
{
    if (static_cast<std::int64_t>(labels.size()) != x.rows)
        throw ValueError(std::string("the probe's ") + what + " has " + std::to_string(x.rows) +
                         " samples but " + std::to_string(labels.size()) + " labels");
    for (const std::int32_t label : labels)
        if (label < 0 || label >= classes)
            throw ValueError("a label of " + std::to_string(label) + " is not one of " +
                             std::to_string(classes) + " classes");
}

} // namespace

double ridgeProbeAccuracy(nn::MatrixView fit, std::span<const std::int32_t> fitLabels,
                          nn::MatrixView test, std::span<const std::int32_t> testLabels,
                          int classes, const RidgeProbeOptions &options)
{
    if (classes < 2) throw ValueError("a probe needs at least 2 classes");
    check(fit, fitLabels, classes, "fit");
    check(test, testLabels, classes, "test");
    if (fit.cols != test.cols)
        throw ValueError("the probe was fitted on " + std::to_string(fit.cols) +
                         " features and tested on " + std::to_string(test.cols));
    if (fit.rows == 0 || test.rows == 0) throw ValueError("the probe needs samples");
    const Eigen::Index n = fit.rows, d = fit.cols;

    // Standardise with the fit's statistics; keep the features that vary.
    Eigen::VectorXd mean = Eigen::VectorXd::Zero(d), deviation = Eigen::VectorXd::Zero(d);
    for (Eigen::Index i = 0; i < n; ++i)
        for (Eigen::Index j = 0; j < d; ++j)
            mean(j) += fit(i, j);
    mean /= static_cast<double>(n);
    for (Eigen::Index i = 0; i < n; ++i)
        for (Eigen::Index j = 0; j < d; ++j) {
            const double v = fit(i, j) - mean(j);
            deviation(j) += v * v;
        }
    std::vector<Eigen::Index> kept;
    for (Eigen::Index j = 0; j < d; ++j) {
        deviation(j) = std::sqrt(deviation(j) / static_cast<double>(n));
        if (deviation(j) > 1e-9) kept.push_back(j);
    }
    const auto k = static_cast<Eigen::Index>(kept.size());
    auto design = [&](nn::MatrixView x) {
        Eigen::MatrixXd a(x.rows, k + 1);
        for (Eigen::Index i = 0; i < x.rows; ++i) {
            for (Eigen::Index c = 0; c < k; ++c) {
                const Eigen::Index j = kept[static_cast<std::size_t>(c)];
                a(i, c) = (x(i, j) - mean(j)) / deviation(j);
            }
            a(i, k) = 1.0; // the bias
        }
        return a;
    };

    const Eigen::MatrixXd a = design(fit);
    Eigen::MatrixXd targets = Eigen::MatrixXd::Zero(n, classes);
    for (Eigen::Index i = 0; i < n; ++i)
        targets(i, fitLabels[static_cast<std::size_t>(i)]) = 1.0;
    Eigen::MatrixXd gram = a.transpose() * a;
    gram.diagonal().head(k).array() += options.l2 * static_cast<double>(n);
    const Eigen::MatrixXd weights = gram.ldlt().solve(a.transpose() * targets);

    const Eigen::MatrixXd scores = design(test) * weights;
    std::int64_t right = 0;
    for (Eigen::Index i = 0; i < scores.rows(); ++i) {
        Eigen::Index best = 0;
        scores.row(i).maxCoeff(&best);
        if (best == testLabels[static_cast<std::size_t>(i)]) ++right;
    }
    return static_cast<double>(right) / static_cast<double>(scores.rows());
}

} // namespace core::manifold
