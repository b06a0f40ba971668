// The Uncrumple page's data sets: shapes, labels, balance, seeds (bit for bit), the crumpling warp
// (sheets never cross), and the one property that makes the sheets crumpled: no plane separates
// them, although they are flat and separable at crumple 0.

#include "core/errors.h"
#include "core/manifold/crumplewarp.h"
#include "core/manifold/generate.h"
#include "core/manifold/linearprobe.h"
#include "core/manifold/sheets.h"

#include <QTest>
#include <cmath>
#include <cstring>

using namespace core::manifold;

Q_DECLARE_METATYPE(core::manifold::DataKind)

namespace {

LabeledPoints make(DataKind kind, int points, std::uint64_t seed, double noise = -1.0,
                   double crumple = 1.0)
{
    GeneratorOptions g;
    g.kind = kind;
    g.points = points;
    g.seed = seed;
    g.noise = noise;
    g.crumple = crumple;
    return generate(g);
}

bool sameBits(const LabeledPoints &a, const LabeledPoints &b)
{
    return a.size() == b.size() && a.dims() == b.dims() && a.labels == b.labels &&
           std::memcmp(a.points.data(), b.points.data(),
                       sizeof(float) * static_cast<std::size_t>(a.size() * a.dims())) == 0;
}

} // namespace

class TestManifoldData : public QObject {
    Q_OBJECT
private slots:
    void kindsHaveNamesAndDims()
    {
        QCOMPARE(static_cast<int>(allDataKinds().size()), 7);
        for (DataKind k : allDataKinds()) {
            QCOMPARE(dataKindFromName(dataKindName(k)), std::optional<DataKind>(k));
            QVERIFY(dataKindDims(k) == 2 || dataKindDims(k) == 3);
        }
        QCOMPARE(dataKindDims(DataKind::Sheets), 3);
        QCOMPARE(dataKindDims(DataKind::Spirals), 2);
        QVERIFY(!dataKindFromName("spiral"));
    }

    void shapesLabelsBalance_data()
    {
        QTest::addColumn<DataKind>("kind");
        QTest::addColumn<int>("points");
        for (DataKind k : allDataKinds())
            for (int n : {100, 2001, 50000})
                QTest::addRow("%s %d", std::string(dataKindName(k)).c_str(), n) << k << n;
    }
    void shapesLabelsBalance()
    {
        QFETCH(DataKind, kind);
        QFETCH(int, points);
        const LabeledPoints d = make(kind, points, 3);
        QCOMPARE(d.size(), static_cast<std::int64_t>(points));
        QCOMPARE(d.dims(), dataKindDims(kind));
        QCOMPARE(static_cast<int>(d.labels.size()), points);
        const auto counts = d.classCounts();
        QCOMPARE(counts[0] + counts[1], static_cast<std::int64_t>(points));
        QCOMPARE(counts[0], static_cast<std::int64_t>((points + 1) / 2));
        for (int i = 0; i < points; ++i)
            QCOMPARE(d.labels[static_cast<std::size_t>(i)], i % 2);
        for (std::int64_t i = 0; i < d.size() * d.dims(); ++i) {
            QVERIFY(std::isfinite(d.points.data()[i]));
            QVERIFY(std::abs(d.points.data()[i]) < 3.0f);
        }
        // The engine's data set holds the same samples.
        QCOMPARE(d.dataset().size(), d.size());
        QCOMPARE(d.dataset().features(), d.dims());
    }

    void sameSeedSameBits_data()
    {
        QTest::addColumn<DataKind>("kind");
        for (DataKind k : allDataKinds())
            QTest::addRow("%s", std::string(dataKindName(k)).c_str()) << k;
    }
    void sameSeedSameBits()
    {
        QFETCH(DataKind, kind);
        QVERIFY(sameBits(make(kind, 3000, 42), make(kind, 3000, 42)));
        QVERIFY(!sameBits(make(kind, 3000, 42), make(kind, 3000, 43)));
        // Noise moves the points; zero noise leaves them on the ideal shape.
        QVERIFY(!sameBits(make(kind, 500, 42, 0.0), make(kind, 500, 42, 0.1)));
    }

    void shapesAreWhatTheySay()
    {
        // Noise-free: spheres of radius 0.45 and 1, circles of 0.5 and 1.2, XOR by quadrant.
        const LabeledPoints s = make(DataKind::Spheres, 1000, 5, 0.0);
        for (std::int64_t i = 0; i < s.size(); ++i) {
            const double r = std::hypot(s.points(i, 0), s.points(i, 1), s.points(i, 2));
            QVERIFY(std::abs(r - (s.labels[static_cast<std::size_t>(i)] == 0 ? 0.45 : 1.0)) < 1e-5);
        }
        const LabeledPoints c = make(DataKind::Circles, 1000, 5, 0.0);
        for (std::int64_t i = 0; i < c.size(); ++i) {
            const double r = std::hypot(c.points(i, 0), c.points(i, 1));
            QVERIFY(std::abs(r - (c.labels[static_cast<std::size_t>(i)] == 0 ? 0.5 : 1.2)) < 1e-5);
        }
        const LabeledPoints x = make(DataKind::Xor, 1000, 5, 0.0);
        for (std::int64_t i = 0; i < x.size(); ++i)
            QCOMPARE(x.points(i, 0) * x.points(i, 1) < 0,
                     x.labels[static_cast<std::size_t>(i)] == 1);
        // Helices: radius 1 around the z axis.
        const LabeledPoints h = make(DataKind::Helices, 1000, 5, 0.0);
        for (std::int64_t i = 0; i < h.size(); ++i)
            QVERIFY(std::abs(std::hypot(h.points(i, 0), h.points(i, 1)) - 1.0) < 1e-5);
    }

    void crumpleWarpIsInjectiveStepByStep()
    {
        for (std::uint64_t seed : {1u, 2u, 3u, 99u})
            for (double amount : {0.5, 1.0, 2.0}) {
                const CrumpleWarp w(amount, seed);
                QVERIFY(w.steps() >= 1);
                QVERIFY2(w.contraction() <= 0.5 + 1e-12, "each step must stay a diffeomorphism");
            }
        const CrumpleWarp flat(0.0, 1);
        QCOMPARE(flat.steps(), 0);
        QCOMPARE(flat.apply({0.3, -0.2, 0.1}), Eigen::Vector3d(0.3, -0.2, 0.1));
    }

    void sheetsNeverCross()
    {
        // The same (x, y) on both sheets stays apart: each step shrinks distances by at most
        // (1 - h Lip) >= 0.5, so the gap 0.4 stays above 0.4 * 0.5^steps > 0.
        for (double amount : {1.0, 2.0}) {
            const CrumpleWarp w(amount, 7);
            double smallest = 1e9;
            for (int i = 0; i < 2000; ++i) {
                const double x = -1.0 + 2.0 * (i % 45) / 44.0, y = -1.0 + 2.0 * (i / 45) / 44.0;
                const Eigen::Vector3d a = w.apply({x, y, -kSheetHalfGap});
                const Eigen::Vector3d b = w.apply({x, y, kSheetHalfGap});
                smallest = std::min(smallest, (a - b).norm());
            }
            QVERIFY2(smallest > 0.4 * std::pow(0.5, w.steps()), "the sheets touched");
            QVERIFY(smallest > 0.02);
        }
    }

    void flatSheetsAreLinearlySeparable()
    {
        const LabeledPoints d = make(DataKind::Sheets, 2000, 1, 0.02, 0.0);
        QCOMPARE(linearProbe(d.points, d.labels).accuracy, 1.0);
    }

    void crumpledSheetsAreNotLinearlySeparable_data()
    {
        QTest::addColumn<std::uint64_t>("seed");
        for (std::uint64_t s = 1; s <= 12; ++s)
            QTest::addRow("seed %d", static_cast<int>(s)) << s;
    }
    void crumpledSheetsAreNotLinearlySeparable()
    {
        QFETCH(std::uint64_t, seed);
        const LabeledPoints d = make(DataKind::Sheets, 2000, seed);
        const double acc = linearProbe(d.points, d.labels).accuracy;
        QVERIFY2(acc < 0.9, qPrintable(QString::number(acc)));
        // Badly crumpled is worse still for a plane.
        const LabeledPoints bad = make(DataKind::Sheets, 2000, seed, -1.0, 2.0);
        QVERIFY(linearProbe(bad.points, bad.labels).accuracy < 0.85);
    }

    void badOptionsThrow()
    {
        auto bad = [](GeneratorOptions g) {
            QVERIFY_THROWS_EXCEPTION(core::ValueError, generate(g));
        };
        GeneratorOptions g;
        g.points = -5;
        bad(g);
        g.points = 99;
        bad(g);
        g.points = 50001;
        bad(g);
        g = {};
        g.crumple = -0.1;
        bad(g);
        g.crumple = 2.5;
        bad(g);
        g = {};
        g.noise = 1.5;
        bad(g);
        g.noise = std::nan("");
        bad(g);
        try {
            g = {};
            g.points = -5;
            g.validate();
        } catch (const core::ValueError &e) {
            QCOMPARE(QString(e.what()), QString("points must be from 100 to 50000, got -5"));
        }
    }
};

QTEST_GUILESS_MAIN(TestManifoldData)
#include "tst_manifolddata.moc"
