// The Figures menu's starting points do what their titles say (plain math, no GL): the
// translation, rotation and scaling of figures 2.9 to 2.11, the affine map of 2.12 with ReLU in
// 2.13, and a last figure whose trained chain really separates the two moons.

#include "core/geometry/chain.h"
#include "core/geometry/pointcloud.h"
#include "ui/geometry/figurepresets.h"

#include <QTest>
#include <cmath>

using namespace ui;

namespace {

const FigurePreset &figure(const QString &number)
{
    for (const FigurePreset &p : figurePresets())
        if (p.title.startsWith(QStringLiteral("Figure %1:").arg(number))) return p;
    qFatal("no figure %s", qPrintable(number));
}

Eigen::Vector2d through(const FigurePreset &preset, const Eigen::Vector2d &v)
{
    return core::geometry::applyStages(core::geometry::fullStages(preset.state.chain), v);
}

bool near(const Eigen::Vector2d &a, const Eigen::Vector2d &b)
{
    return (a - b).norm() < 1e-9;
}

} // namespace

class TestFigurePresets : public QObject {
    Q_OBJECT
private slots:
    void theChaptersFiguresInOrder()
    {
        QStringList numbers;
        for (const FigurePreset &p : figurePresets())
            if (p.title.startsWith(QStringLiteral("Figure ")))
                numbers << p.title.section(QLatin1Char(':'), 0, 0).mid(7);
        QCOMPARE(numbers, (QStringList{QStringLiteral("2.8"), QStringLiteral("2.9"),
                                       QStringLiteral("2.10"), QStringLiteral("2.11"),
                                       QStringLiteral("2.12"), QStringLiteral("2.13")}));
    }

    void eachFigureDoesWhatItsTitleSays()
    {
        const FigurePreset &sum = figure(QStringLiteral("2.8"));
        QVERIFY(sum.state.showSum && sum.state.vectors.size() == 2 && sum.state.chain.empty());
        QVERIFY(near(through(figure(QStringLiteral("2.9")), {0, 0}), {1.0, 0.5}));
        const double c = std::cos(M_PI / 6), s = std::sin(M_PI / 6);
        QVERIFY(near(through(figure(QStringLiteral("2.10")), {1, 0}), {c, s}));
        QVERIFY(near(through(figure(QStringLiteral("2.10")), {0, 1}), {-s, c}));
        QVERIFY(near(through(figure(QStringLiteral("2.11")), {1, 1}), {1.5, 0.5}));
        // 2.12: W·x + b with W = [[1, -0.5], [0.5, 1]]; 2.13: the same W, shifted, then ReLU,
        // which folds a point mapped into negative coordinates onto zero and keeps the others.
        const FigurePreset &affine = figure(QStringLiteral("2.12"));
        QVERIFY(near(through(affine, {0, 0}), {0.5, -0.5}));
        QVERIFY(near(through(affine, {1, 0}), {1.5, 0.0}));
        const FigurePreset &relu = figure(QStringLiteral("2.13"));
        QVERIFY(near(through(relu, {-2, 0}), {0, 0}));    // (-1.4, -0.6) before ReLU
        QVERIFY(near(through(relu, {1, 0}), {1.6, 0.9})); // positive: unchanged
    }

    void moonsFigureSeparatesTheMoons()
    {
        // The last figure's chain is a trained classifier: after it, x > 0 means the second moon.
        const FigurePreset &preset = figurePresets().back();
        QCOMPARE(preset.state.cloud, CloudKind::Moons);
        const auto stages = core::geometry::fullStages(preset.state.chain);
        const auto cloud = core::geometry::moonsCloud(preset.state.cloudCount);
        int right = 0;
        for (std::size_t i = 0; i < cloud.points.size(); ++i) {
            const Eigen::Vector2d out =
                core::geometry::applyStages(stages, cloud.points[i].cast<double>());
            if ((out.x() > 0) == (cloud.labels[i] == 1)) ++right;
        }
        const double accuracy = double(right) / double(cloud.points.size());
        QVERIFY2(accuracy > 0.995, qPrintable(QString::number(accuracy)));
    }
};

QTEST_APPLESS_MAIN(TestFigurePresets)
#include "tst_figurepresets.moc"
