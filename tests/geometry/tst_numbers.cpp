// How the Geometry page prints numbers and what its area readout claims (plain widgets, no GL):
// Python's repr for huge entries ("2e+20", not a 21-digit integer) with a side panel that keeps
// its width, and, with a ReLU in the chain, which number includes it.

#include "core/geometry/chain.h"
#include "ui/common/numberformat.h"
#include "ui/geometry/numberentry.h"
#include "ui/geometry/readouts.h"
#include "ui/geometry/transformeditor.h"
#include "ui/geometry/vectorpanel.h"

#include <QApplication>
#include <QLabel>
#include <QTest>

using namespace ui;
using core::geometry::Transform;

class TestNumbers : public QObject {
    Q_OBJECT
private slots:
    void asPythonPrintsThem_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<int>("decimals");
        QTest::addColumn<QString>("label");
        QTest::addColumn<QString>("literal");
        // Python: repr(2e20) == '2e+20', repr(1e308) == '1e+308', repr(1e16) == '1e+16',
        // repr(-1.5e17) == '-1.5e+17', repr(1e15) == '1000000000000000.0'.
        QTest::newRow("2e20") << 2e20 << 4 << "2e+20"
                              << "2e+20";
        QTest::newRow("1e308") << 1e308 << 4 << "1e+308"
                               << "1e+308";
        QTest::newRow("1e16") << 1e16 << 2 << "1e+16"
                              << "1e+16";
        QTest::newRow("-1.5e17") << -1.5e17 << 4 << "-1.5e+17"
                                 << "-1.5e+17";
        QTest::newRow("rounded mantissa") << 1.23456789e20 << 2 << "1.23e+20"
                                          << "1.23e+20";
        QTest::newRow("1e15 stays fixed") << 1e15 << 2 << "1000000000000000"
                                          << "1000000000000000.0";
        QTest::newRow("plain") << 2.5 << 2 << "2.5"
                               << "2.5";
        QTest::newRow("whole") << 2.0 << 2 << "2"
                               << "2.0";
        QTest::newRow("no minus zero") << -0.0001 << 2 << "0"
                                       << "0.0";
    }
    void asPythonPrintsThem()
    {
        QFETCH(double, value);
        QFETCH(int, decimals);
        QFETCH(QString, label);
        QFETCH(QString, literal);
        QCOMPARE(formatNumber(value, decimals), label);
        QCOMPARE(pythonNumber(value, decimals), literal);
    }

    // An entry of 1e308 shows "1e+308" and the editor and the vector panel keep their width (a
    // 309-digit integer made them wider than the screen).
    void hugeEntriesKeepTheLayout()
    {
        TransformEditor editor;
        editor.setStep(0, Transform::scaleBy(2, 1));
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        const int editorWidth = editor.sizeHint().width();
        editor.setStep(0, Transform::scaleBy(1e308, 1));
        auto *sx = editor.findChild<NumberEntry *>(QStringLiteral("sx"));
        QVERIFY(sx);
        QCOMPARE(sx->text(), QStringLiteral("1e+308"));
        bool shown = false;
        for (const QLabel *label : editor.findChildren<QLabel *>())
            shown = shown || label->text() == QLatin1String("1e+308"); // the matrix diag(sx, sy)
        QVERIFY(shown);
        QVERIFY2(
            editor.sizeHint().width() <= editorWidth + editor.fontMetrics().averageCharWidth() * 4,
            qPrintable(QStringLiteral("%1 -> %2").arg(editorWidth).arg(editor.sizeHint().width())));

        VectorPanel panel;
        panel.setVectors({Eigen::Vector2d(2, 1)}, {Eigen::Vector2d(4, 1)}, {false}, false);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        const int panelWidth = panel.sizeHint().width();
        panel.setVectors({Eigen::Vector2d(1e20, 1)}, {Eigen::Vector2d(2e20, 1)}, {false}, false);
        auto *image = panel.findChild<QLabel *>(QStringLiteral("v1image"));
        QVERIFY(image);
        QVERIFY2(image->text().endsWith(QStringLiteral("(2e+20, 1)")), qPrintable(image->text()));
        QVERIFY2(
            panel.sizeHint().width() <= panelWidth + panel.fontMetrics().averageCharWidth() * 4,
            qPrintable(QStringLiteral("%1 -> %2").arg(panelWidth).arg(panel.sizeHint().width())));
    }

    // With a ReLU the det is of the linear parts only, and the signed area includes the fold:
    // each line says so instead of "det = -3.58" above "signed area = -0.102".
    void theAreaReadoutSaysWhatIncludesTheRelu()
    {
        Eigen::Matrix2d W;
        W << 1, 2, 3, -1; // det -7
        const core::geometry::Chain linear{Transform::affineMap(W, {0.5, 0.5}, false)};
        const QStringList plain = areaReadouts(core::geometry::fullStages(linear));
        QCOMPARE(plain.value(0), QStringLiteral("det = -7   (areas × 7, orientation flipped)"));
        QCOMPARE(plain.value(1), QStringLiteral("signed area of T(unit square) = -7"));

        const core::geometry::Chain folded{Transform::affineMap(W, {0.5, 0.5}, true)};
        const QStringList relu = areaReadouts(core::geometry::fullStages(folded));
        QCOMPARE(relu.value(0), QStringLiteral("det of the linear parts = -7   (ReLU left out)"));
        QVERIFY2(relu.value(1).startsWith(QStringLiteral("signed area of T(unit square) = ")) &&
                     relu.value(1).endsWith(QStringLiteral("   (ReLU included)")),
                 qPrintable(relu.value(1)));
        QVERIFY(!relu.value(1).contains(QStringLiteral("= -7 ")));
    }
};

QTEST_MAIN(TestNumbers)
#include "tst_numbers.moc"
