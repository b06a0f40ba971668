// Training the page's network with core/nn's Trainer: the defaults separate two spirals and the
// crumpled sheets above 97%, and the probe climbs from the input to the last hidden layer; nested
// spheres stay tangled at width 3 (a width-3 layer maps R³ continuously into R³, so the class
// regions it draws keep the inner sphere enclosed: Johnson, "Deep, skinny neural networks are not
// universal approximators", ICLR 2019) and come apart at width 4.

#include "core/manifold/generate.h"
#include "core/manifold/layerstack.h"
#include "core/manifold/linearprobe.h"
#include "core/manifold/network.h"
#include "core/nn/trainer.h"

#include <QTest>

using namespace core::manifold;
namespace nn = core::nn;

Q_DECLARE_METATYPE(core::manifold::DataKind)

namespace {

struct Run {
    double accuracy = 0;
    double seconds = 0;
    std::vector<double> probe;
};

Run train(DataKind kind, std::uint64_t seed, std::vector<int> widths = {})
{
    const TrainingRecipe recipe = TrainingRecipe::defaults(kind);
    GeneratorOptions g;
    g.kind = kind;
    g.points = recipe.points;
    g.seed = seed;
    const LabeledPoints data = generate(g);
    NetworkSpec spec = NetworkSpec::defaults(data.dims());
    if (!widths.empty()) spec.widths = widths;
    nn::Sequential model = spec.build(seed);
    nn::TrainOptions o;
    o.epochs = recipe.epochs;
    o.batchSize = recipe.batchSize;
    o.seed = seed;
    o.threads = 1;
    nn::Trainer trainer(model, recipe.optimizer, o);
    const nn::Dataset ds = data.dataset();
    const nn::TrainResult result = trainer.fit(ds);
    Run run;
    run.seconds = result.seconds;
    run.accuracy = trainer.evaluate(ds).accuracy;
    run.probe = probeStages(LayerStack(model, data.points), data.labels);
    return run;
}

} // namespace

class TestManifoldTraining : public QObject {
    Q_OBJECT
private slots:
    void defaultsSeparate_data()
    {
        QTest::addColumn<DataKind>("kind");
        QTest::addColumn<std::uint64_t>("seed");
        QTest::newRow("sheets seed 1") << DataKind::Sheets << std::uint64_t(1);
        QTest::newRow("sheets seed 2") << DataKind::Sheets << std::uint64_t(2);
        QTest::newRow("spirals seed 1") << DataKind::Spirals << std::uint64_t(1);
        QTest::newRow("spirals seed 2") << DataKind::Spirals << std::uint64_t(2);
    }
    void defaultsSeparate()
    {
        QFETCH(DataKind, kind);
        QFETCH(std::uint64_t, seed);
        const Run run = train(kind, seed);
        qInfo("%s: accuracy %.4f in %.2f s", std::string(dataKindName(kind)).c_str(), run.accuracy,
              run.seconds);
        QVERIFY2(run.accuracy >= 0.97, qPrintable(QString::number(run.accuracy)));
        // Uncrumpled: no plane separates the input, one separates the last hidden layer.
        QVERIFY(run.probe.front() < 0.9);
        QVERIFY(run.probe[run.probe.size() - 2] >= 0.97);
    }

    void spheresNeedWidthFour()
    {
        for (std::uint64_t seed : {1u, 2u, 3u}) {
            const Run narrow = train(DataKind::Spheres, seed, {3, 3, 3, 2});
            const Run wide = train(DataKind::Spheres, seed, {4, 4, 4, 2});
            qInfo("spheres seed %d: width 3 %.4f, width 4 %.4f", int(seed), narrow.accuracy,
                  wide.accuracy);
            QVERIFY2(narrow.accuracy < 0.96, qPrintable(QString::number(narrow.accuracy)));
            QVERIFY2(wide.accuracy >= 0.99, qPrintable(QString::number(wide.accuracy)));
        }
    }
};

QTEST_GUILESS_MAIN(TestManifoldTraining)
#include "tst_manifoldtraining.moc"
