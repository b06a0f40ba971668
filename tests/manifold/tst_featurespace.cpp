// MNIST's hidden space in core: the ridge probe for many classes, a wide space seen in 3D by PCA
// (steady between frames), and the first layer's output.

#include "core/errors.h"
#include "core/manifold/featurespace.h"
#include "core/manifold/ridgeprobe.h"
#include "core/nn/random.h"

#include <QTest>
#include <cmath>
#include <random>
#include <vector>

using namespace core;
using namespace core::manifold;

namespace {

// classes blobs in dims dimensions, each around its own corner, n samples a class, interleaved.
struct Blobs {
    nn::Matrix x;
    std::vector<std::int32_t> labels;
};

Blobs blobs(int classes, int dims, int perClass, double spread, std::uint32_t seed)
{
    std::mt19937 rng(seed);
    std::normal_distribution<double> noise(0.0, spread);
    Blobs b{nn::Matrix(classes * perClass, dims), {}};
    for (int i = 0; i < classes * perClass; ++i) {
        const int c = i % classes;
        b.labels.push_back(c);
        for (int j = 0; j < dims; ++j)
            b.x(i, j) = static_cast<float>((j % classes == c ? 3.0 : 0.0) + noise(rng));
    }
    return b;
}

} // namespace

class TestFeatureSpace : public QObject {
    Q_OBJECT
private slots:
    void theProbeSeparatesSeparableClasses()
    {
        const Blobs b = blobs(4, 20, 100, 0.5, 1);
        const double accuracy = ridgeProbeAccuracy(
            b.x.view().middleRows(0, 200), std::span(b.labels).first(200),
            b.x.view().middleRows(200, 200), std::span(b.labels).subspan(200), 4);
        QCOMPARE(accuracy, 1.0);
    }

    void theProbeIsNearChanceOnRandomLabels()
    {
        Blobs b = blobs(4, 20, 200, 0.5, 2);
        std::mt19937 rng(3);
        for (auto &label : b.labels)
            label = static_cast<std::int32_t>(rng() % 4);
        const double accuracy = ridgeProbeAccuracy(
            b.x.view().middleRows(0, 400), std::span(b.labels).first(400),
            b.x.view().middleRows(400, 400), std::span(b.labels).subspan(400), 4);
        QVERIFY2(accuracy < 0.4, qPrintable(QString::number(accuracy)));
    }

    void theProbeRefusesWhatDoesNotFit()
    {
        const Blobs b = blobs(3, 5, 10, 0.5, 4);
        const auto labels = std::span(b.labels);
        QVERIFY_THROWS_EXCEPTION(ValueError,
                                 ridgeProbeAccuracy(b.x, labels.first(5), b.x, labels, 3));
        std::vector<std::int32_t> bad(b.labels);
        bad[0] = 7;
        QVERIFY_THROWS_EXCEPTION(ValueError, ridgeProbeAccuracy(b.x, bad, b.x, labels, 3));
    }

    void aFlatSpaceIsSeenWhole()
    {
        // Points on a 3D subspace of 12 dimensions: PCA keeps all of their variance.
        std::mt19937 rng(5);
        std::normal_distribution<double> g(0.0, 1.0);
        const int n = 300;
        nn::Matrix x(n, 12);
        std::vector<std::int32_t> labels;
        for (int i = 0; i < n; ++i) {
            const double a = g(rng) * 3, b = g(rng) * 2, c = g(rng);
            for (int j = 0; j < 12; ++j)
                x(i, j) = static_cast<float>(a * std::sin(j + 1.0) + b * std::cos(2.0 * j) +
                                             c * (j % 3 == 0 ? 1.0 : -0.5));
            labels.push_back(a > 0 ? 1 : 0);
        }
        const FeatureView view = featureView(x, labels, 200, 2);
        QCOMPARE(view.points.rows(), 200);
        QCOMPARE(view.points.cols(), 3);
        QVERIFY(view.projection.explained() > 0.999);
        QVERIFY(view.probeAccuracy > 0.95); // the label is a side of a plane
        // The next frame keeps each axis's sign, whatever the eigen-solver returns.
        Projection flipped = view.projection;
        flipped.basis = -flipped.basis;
        const FeatureView again = featureView(x, labels, 200, 2, &flipped);
        for (int c = 0; c < 3; ++c)
            QVERIFY(again.projection.basis.col(c).dot(flipped.basis.col(c)) > 0);
        QVERIFY_THROWS_EXCEPTION(ValueError, featureView(x, labels, n, 2));
    }

    void theFirstLayerIsReluOfXwPlusB()
    {
        nn::Sequential model(2, {{3, nn::Activation::Relu}, {2, nn::Activation::Softmax}});
        auto w = model.mutableKernel(0);
        const float kernel[6] = {1, -1, 0.5f, 2, 1, -3}; // 2 x 3, row-major
        std::copy(kernel, kernel + 6, w.begin());
        auto b = model.mutableBias(0);
        b[0] = 0.5f;
        b[1] = -1.0f;
        b[2] = 0.0f;
        nn::Matrix x(1, 2);
        x(0, 0) = 1.0f;
        x(0, 1) = 2.0f;
        const nn::Matrix h = firstLayer(model, x);
        QCOMPARE(h.cols(), 3);
        QCOMPARE(h(0, 0), 1.0f * 1 + 2.0f * 2 + 0.5f); // 5.5
        QCOMPARE(h(0, 1), 0.0f);                       // -1 + 2 - 1 = 0
        QCOMPARE(h(0, 2), 0.0f);                       // 0.5 - 6 < 0: clamped
    }
};

QTEST_APPLESS_MAIN(TestFeatureSpace)
#include "tst_featurespace.moc"
