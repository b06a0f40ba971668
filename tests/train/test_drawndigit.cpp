// MNIST's preprocessing of a drawn digit, checked by invariants: the ink fits 20 x 20 with its
// aspect ratio, the centre of mass lands on (14, 14), moving or enlarging the drawing changes
// nothing, edges get grey levels, and real MNIST digits come out nearly as they went in.

#include "common/readbytes.h"
#include "core/data/drawndigit.h"
#include "core/data/mnist.h"
#include "core/errors.h"

#include <QFile>
#include <QTest>
#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

using namespace core;

namespace {

struct Drawing {
    int rows, cols;
    std::vector<float> ink;
    Drawing(int r, int c) : rows(r), cols(c), ink(static_cast<std::size_t>(r * c), 0.0f) {}
    float &at(int r, int c) { return ink[static_cast<std::size_t>(r * cols + c)]; }
    void fill(int r0, int c0, int h, int w, float v = 1.0f)
    {
        for (int r = r0; r < r0 + h; ++r)
            for (int c = c0; c < c0 + w; ++c)
                at(r, c) = v;
    }
    DigitPixels prepare() const { return mnistFromDrawing(ink, rows, cols); }
};

struct Box {
    int top = 28, left = 28, bottom = -1, right = -1;
    int height() const { return bottom - top + 1; }
    int width() const { return right - left + 1; }
};

Box inkBox(const DigitPixels &p)
{
    Box b;
    for (int r = 0; r < kDigitSide; ++r)
        for (int c = 0; c < kDigitSide; ++c)
            if (p[static_cast<std::size_t>(r * kDigitSide + c)] > 0.0f) {
                b.top = std::min(b.top, r);
                b.bottom = std::max(b.bottom, r);
                b.left = std::min(b.left, c);
                b.right = std::max(b.right, c);
            }
    return b;
}

double sum(std::span<const float> v)
{
    double s = 0;
    for (float x : v)
        s += x;
    return s;
}

// A random blob of overlapping discs, like a thick pen stroke.
Drawing blob(std::mt19937 &rng, int side)
{
    Drawing d(side, side);
    std::uniform_real_distribution<double> pos(0.3 * side, 0.7 * side);
    const double radius = side / 14.0;
    double r = pos(rng), c = pos(rng);
    std::normal_distribution<double> stepDist(0.0, side / 25.0);
    for (int k = 0; k < 40; ++k) {
        r = std::clamp(r + stepDist(rng), radius, side - radius - 1);
        c = std::clamp(c + stepDist(rng), radius, side - radius - 1);
        for (int y = 0; y < side; ++y)
            for (int x = 0; x < side; ++x)
                if ((y - r) * (y - r) + (x - c) * (x - c) <= radius * radius) d.at(y, x) = 1.0f;
    }
    return d;
}

} // namespace

class TestDrawnDigit : public QObject {
    Q_OBJECT
private slots:
    void emptyDrawingGivesAnEmptyField()
    {
        Drawing d(280, 280);
        d.at(5, 5) = 0.5f / 255.0f; // below one grey level: paper
        const DigitPixels p = d.prepare();
        QCOMPARE(sum(p), 0.0);
    }

    void badSizesAreRejected_data()
    {
        QTest::addColumn<int>("rows");
        QTest::addColumn<int>("cols");
        QTest::addColumn<int>("values");
        QTest::newRow("zero rows") << 0 << 10 << 0;
        QTest::newRow("negative cols") << 10 << -1 << 0;
        QTest::newRow("too few values") << 10 << 10 << 99;
        QTest::newRow("too many values") << 10 << 10 << 101;
    }
    void badSizesAreRejected()
    {
        QFETCH(int, rows);
        QFETCH(int, cols);
        QFETCH(int, values);
        std::vector<float> ink(static_cast<std::size_t>(values), 1.0f);
        QVERIFY_THROWS_EXCEPTION(ValueError, mnistFromDrawing(ink, rows, cols));
    }

    void inkFitsTwentyKeepingTheAspectRatio_data()
    {
        QTest::addColumn<int>("height");
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("boxHeight");
        QTest::addColumn<int>("boxWidth");
        QTest::newRow("tall 100 x 50") << 100 << 50 << 20 << 10;
        QTest::newRow("wide 50 x 100") << 50 << 100 << 10 << 20;
        QTest::newRow("square 200 x 200") << 200 << 200 << 20 << 20;
        QTest::newRow("small 7 x 7 grows") << 7 << 7 << 20 << 20;
        QTest::newRow("a thin 1: 240 x 24") << 240 << 24 << 20 << 2;
        QTest::newRow("a hairline 300 x 3") << 300 << 3 << 20 << 1;
    }
    void inkFitsTwentyKeepingTheAspectRatio()
    {
        QFETCH(int, height);
        QFETCH(int, width);
        QFETCH(int, boxHeight);
        QFETCH(int, boxWidth);
        Drawing d(320, 320);
        d.fill(7, 11, height, width);
        const DigitPixels p = d.prepare();
        const Box b = inkBox(p);
        QCOMPARE(b.height(), boxHeight);
        QCOMPARE(b.width(), boxWidth);
        // A solid rectangle stays solid: area averaging of full ink is full ink.
        QCOMPARE(*std::max_element(p.begin(), p.end()), 1.0f);
        QVERIFY(std::fabs(sum(p) - boxHeight * boxWidth) < 1e-3);
    }

    void centreOfMassLandsOnTheCentre()
    {
        std::mt19937 rng(2024);
        for (int trial = 0; trial < 20; ++trial) {
            const DigitPixels p = blob(rng, 200).prepare();
            const CentreOfMass c = centreOfMass(p, kDigitSide, kDigitSide);
            QVERIFY2(c.mass > 0, "the blob vanished");
            // Whole-pixel shifts, as MNIST did: within half a pixel of pixel (14, 14).
            QVERIFY2(std::fabs(c.row - 14.0) <= 0.5 + 1e-9, qPrintable(QString::number(c.row)));
            QVERIFY2(std::fabs(c.col - 14.0) <= 0.5 + 1e-9, qPrintable(QString::number(c.col)));
        }
    }

    void movingTheDrawingChangesNothing()
    {
        std::mt19937 rng(7);
        const Drawing a = blob(rng, 200);
        Drawing b(300, 260); // a different canvas, the same strokes elsewhere
        for (int r = 0; r < a.rows; ++r)
            for (int c = 0; c < a.cols; ++c)
                b.at(r + 61, c + 37) = a.ink[static_cast<std::size_t>(r * a.cols + c)];
        const DigitPixels pa = a.prepare(), pb = b.prepare();
        QVERIFY(std::equal(pa.begin(), pa.end(), pb.begin()));
    }

    void enlargingTheDrawingChangesNothing()
    {
        std::mt19937 rng(11);
        const Drawing a = blob(rng, 120);
        Drawing big(360, 360); // every pixel becomes 3 x 3
        for (int r = 0; r < big.rows; ++r)
            for (int c = 0; c < big.cols; ++c)
                big.at(r, c) = a.ink[static_cast<std::size_t>((r / 3) * a.cols + c / 3)];
        const DigitPixels pa = a.prepare(), pb = big.prepare();
        for (std::size_t i = 0; i < pa.size(); ++i)
            QVERIFY2(std::fabs(pa[i] - pb[i]) < 1e-4f, qPrintable(QString::number(i)));
    }

    void strokeEdgesBecomeGreyLevels()
    {
        Drawing d(280, 280);
        for (int y = 0; y < 280; ++y)
            for (int x = 0; x < 280; ++x)
                if ((y - 140) * (y - 140) + (x - 140) * (x - 140) <= 100 * 100) d.at(y, x) = 1.0f;
        const DigitPixels p = d.prepare();
        const auto greys =
            std::count_if(p.begin(), p.end(), [](float v) { return v > 0 && v < 1; });
        QVERIFY2(greys >= 8, qPrintable(QString::number(greys)));
        // Ink density is kept: the disc covers pi/4 of its 20 x 20 box.
        QVERIFY(std::fabs(sum(p) - 400.0 * M_PI / 4.0) < 4.0);
    }

    void mnistDigitsComeOutAsTheyWentIn()
    {
        // MNIST's digits were normalised this way, so preparing one again must give it back: the
        // same 20-pixel box and the same centring (a one-pixel error in the centring convention
        // drops the median correlation to 0.79).
        const QString dir = QStringLiteral(UNCRUMPLE_SAMPLE_DIR);
        const MnistData data =
            mnistFromSample(readBytes(dir + QStringLiteral("/t10k-images-1000-idx3-ubyte.gz")),
                            readBytes(dir + QStringLiteral("/t10k-labels-1000-idx1-ubyte.gz")));
        const auto *pixels = data.testImages.data<std::uint8_t>();
        int unchanged = 0;
        double worst = 1.0;
        const int n = 200;
        for (int k = 0; k < n; ++k) {
            std::vector<float> in(784);
            for (int i = 0; i < 784; ++i)
                in[static_cast<std::size_t>(i)] = pixels[k * 784 + i] / 255.0f;
            const DigitPixels out = mnistFromDrawing(in, 28, 28);
            QCOMPARE(std::max(inkBox(out).height(), inkBox(out).width()), kDigitBox);
            double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0, diff = 0;
            for (int i = 0; i < 784; ++i) {
                const double x = in[static_cast<std::size_t>(i)],
                             y = out[static_cast<std::size_t>(i)];
                sx += x, sy += y, sxx += x * x, syy += y * y, sxy += x * y;
                diff = std::max(diff, std::fabs(x - y));
            }
            const double cov = sxy - sx * sy / 784, vx = sxx - sx * sx / 784,
                         vy = syy - sy * sy / 784;
            worst = std::min(worst, cov / std::sqrt(vx * vy));
            unchanged += diff < 1e-6;
        }
        qInfo("%d of %d digits unchanged; lowest correlation %.4f", unchanged, n, worst);
        QVERIFY2(unchanged >= n * 95 / 100, qPrintable(QString::number(unchanged)));
        QVERIFY2(worst > 0.95, qPrintable(QString::number(worst)));
    }
};

QTEST_APPLESS_MAIN(TestDrawnDigit)
#include "test_drawndigit.moc"
