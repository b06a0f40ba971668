// The digit colours, read as text: each label in the grid is drawn in its digit's colour on the
// page background, beside an index number in the placeholder grey. Contrast follows WCAG 2.1
// (relative luminance of linear sRGB); distinctness is the CIE 1976 colour difference in L*a*b*.

#include "ui/common/palette.h"

#include <QApplication>
#include <QPalette>
#include <QTest>
#include <array>
#include <cmath>

namespace {

double linear(int channel)
{
    const double c = channel / 255.0;
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double luminance(const QColor &c)
{
    return 0.2126 * linear(c.red()) + 0.7152 * linear(c.green()) + 0.0722 * linear(c.blue());
}

double contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

// sRGB to CIE L*a*b* (D65).
std::array<double, 3> lab(const QColor &c)
{
    const double r = linear(c.red()), g = linear(c.green()), b = linear(c.blue());
    const double x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
    const double y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    const double z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
    auto f = [](double t) { return t > 0.008856 ? std::cbrt(t) : 7.787 * t + 16.0 / 116.0; };
    return {116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))};
}

double deltaE(const QColor &a, const QColor &b)
{
    const auto p = lab(a), q = lab(b);
    return std::hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
}

// A translucent colour as it shows over an opaque background.
QColor over(const QColor &fg, const QColor &bg)
{
    const double a = fg.alphaF();
    auto mix = [a](int f, int b) { return static_cast<int>(std::lround(f * a + b * (1 - a))); };
    return QColor(mix(fg.red(), bg.red()), mix(fg.green(), bg.green()), mix(fg.blue(), bg.blue()));
}

} // namespace

class TestPalette : public QObject {
    Q_OBJECT
private slots:
    void sanityOfTheFormulas()
    {
        QCOMPARE(contrast(Qt::black, Qt::white), 21.0);
        QCOMPARE(contrast(Qt::white, Qt::white), 1.0);
        QVERIFY(std::abs(lab(Qt::white)[0] - 100.0) < 0.01);
    }

    void digitColoursReadOnThePage_data()
    {
        QTest::addColumn<QColor>("background");
        const QPalette pal = QApplication::palette();
        QTest::newRow("white") << QColor(Qt::white);
        QTest::newRow("grid (Base)") << pal.color(QPalette::Base);
        QTest::newRow("page (Window)") << pal.color(QPalette::Window);
    }

    void digitColoursReadOnThePage()
    {
        QFETCH(QColor, background);
        if (background.lightness() < 128) QSKIP("a dark system palette; the digits are for light");
        for (int d = 0; d < 10; ++d) {
            const double ratio = contrast(ui::palette::digit(d), background);
            QVERIFY2(ratio >= 3.0,
                     qPrintable(QStringLiteral("digit %1 (%2) on %3: %4:1")
                                    .arg(d)
                                    .arg(ui::palette::digit(d).name(), background.name())
                                    .arg(ratio, 0, 'f', 2)));
        }
    }

    void digitColoursAreDistinct()
    {
        // About 2.3 is the smallest difference people notice; 25 is an unmistakably other colour.
        for (int a = 0; a < 10; ++a)
            for (int b = a + 1; b < 10; ++b)
                QVERIFY2(deltaE(ui::palette::digit(a), ui::palette::digit(b)) > 25,
                         qPrintable(QStringLiteral("digits %1 and %2").arg(a).arg(b)));
    }

    void curvesReadOnAWashedOutProjector()
    {
        // A projector washes light colours out first: in presentation mode the train and test
        // curves read at 4.5:1 on the charts' white, the faint per-batch curve at 2.5:1; and the
        // two stay told apart.
        const QColor white(Qt::white);
        for (const QColor &c : {ui::palette::trainCurve(true), ui::palette::testCurve(true),
                                ui::palette::lossCurve(true), ui::palette::accuracyCurve(true)})
            QVERIFY2(contrast(c, white) >= 4.5, qPrintable(c.name()));
        QVERIFY2(contrast(over(ui::palette::rawCurve(true), white), white) >= 2.5,
                 qPrintable(over(ui::palette::rawCurve(true), white).name()));
        QVERIFY(deltaE(ui::palette::trainCurve(true), ui::palette::testCurve(true)) > 40);
        QVERIFY(deltaE(ui::palette::lossCurve(true), ui::palette::accuracyCurve(true)) > 40);
        QVERIFY(contrast(ui::palette::accuracyCurve(false), white) < 3.0);
        // And they are darker than the monitor's: the light accent reads at less than 3:1.
        QVERIFY(contrast(ui::palette::trainCurve(false), white) < 3.0);
    }

    void noDigitLooksLikeTheGreyIndex()
    {
        const QPalette pal = QApplication::palette();
        const QColor grey = over(pal.color(QPalette::PlaceholderText), pal.color(QPalette::Base));
        for (int d = 0; d < 10; ++d)
            QVERIFY2(deltaE(ui::palette::digit(d), grey) > 25,
                     qPrintable(QStringLiteral("digit %1 vs %2").arg(d).arg(grey.name())));
    }
};

QTEST_MAIN(TestPalette)
#include "test_palette.moc"
