// NumPy's repr of arrays. Every expected string below was printed by NumPy 1.24.2 (Debian 12) for
// the same values, e.g. repr(np.arange(2000).astype(np.uint8)).

#include "core/tensor/format.h"

#include <QTest>

using namespace core;

namespace {
// "v1,v2,..." or "arange:MOD:DIV" (value i is (i % MOD) / DIV) to keep the table short.
Tensor build(const QString &dtype, const QList<qint64> &dims, const QString &values)
{
    Tensor t(dtype == QLatin1String("uint8") ? DType::UInt8 : DType::Float32,
             Shape(dims.begin(), dims.end()));
    const QStringList parts = values.split(QLatin1Char(','));
    const QStringList gen = values.split(QLatin1Char(':'));
    for (std::int64_t i = 0; i < t.size(); ++i) {
        double v = gen.size() == 3
                       ? static_cast<double>(i % gen[1].toLongLong()) / gen[2].toDouble()
                       : parts[i].toDouble();
        if (t.dtype() == DType::UInt8)
            t.mutableData<std::uint8_t>()[i] = static_cast<std::uint8_t>(v);
        else
            t.mutableData<float>()[i] = static_cast<float>(v);
    }
    return t;
}
} // namespace

class TestFormat : public QObject {
    Q_OBJECT
private slots:
    void repr_data()
    {
        QTest::addColumn<QString>("dtype");
        QTest::addColumn<QList<qint64>>("dims");
        QTest::addColumn<QString>("values");
        QTest::addColumn<QString>("expected");
        QTest::newRow("uint8 summarized")
            << QStringLiteral("uint8") << QList<qint64>{2000} << QStringLiteral("arange:256:1")
            << QStringLiteral("array([  0,   1,   2, ..., 205, 206, 207], dtype=uint8)");
        QTest::newRow("uint8 short")
            << QStringLiteral("uint8") << QList<qint64>{5} << QStringLiteral("5.0,0.0,4.0,1.0,9.0")
            << QStringLiteral("array([5, 0, 4, 1, 9], dtype=uint8)");
        QTest::newRow("uint8 wrap")
            << QStringLiteral("uint8") << QList<qint64>{40}
            << QStringLiteral(
                   "0.0,6.0,12.0,18.0,24.0,30.0,36.0,42.0,48.0,54.0,60.0,66.0,72.0,78.0,84.0,90.0,"
                   "96.0,102.0,108.0,114.0,120.0,126.0,132.0,138.0,144.0,150.0,156.0,162.0,168.0,"
                   "174.0,180.0,186.0,192.0,198.0,204.0,210.0,216.0,222.0,228.0,234.0")
            << QStringLiteral("array([  0,   6,  12,  18,  24,  30,  36,  42,  48,  54,  60,  66,  "
                              "72,\n        78,  84,  90,  96, 102, 108, 114, 120, 126, 132, 138, "
                              "144, 150,\n       156, 162, 168, 174, 180, 186, 192, 198, 204, 210, "
                              "216, 222, 228,\n       234], dtype=uint8)");
        QTest::newRow("uint8 2d")
            << QStringLiteral("uint8") << QList<qint64>{2, 20}
            << QStringLiteral("0.0,1.0,2.0,3.0,4.0,5.0,6.0,7.0,8.0,9.0,10.0,11.0,12.0,13.0,14.0,15."
                              "0,16.0,17.0,18.0,19.0,20.0,21.0,22.0,23.0,24.0,25.0,26.0,27.0,28.0,"
                              "29.0,30.0,31.0,32.0,33.0,34.0,35.0,36.0,37.0,38.0,39.0")
            << QStringLiteral(
                   "array([[ 0,  1,  2,  3,  4,  5,  6,  7,  8,  9, 10, 11, 12, 13, 14, 15,\n      "
                   "  16, 17, 18, 19],\n       [20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, "
                   "32, 33, 34, 35,\n        36, 37, 38, 39]], dtype=uint8)");
        QTest::newRow("uint8 3d")
            << QStringLiteral("uint8") << QList<qint64>{2, 3, 4}
            << QStringLiteral("0.0,1.0,2.0,3.0,4.0,5.0,6.0,7.0,8.0,9.0,10.0,11.0,12.0,13.0,14.0,15."
                              "0,16.0,17.0,18.0,19.0,20.0,21.0,22.0,23.0")
            << QStringLiteral("array([[[ 0,  1,  2,  3],\n        [ 4,  5,  6,  7],\n        [ 8,  "
                              "9, 10, 11]],\n\n       [[12, 13, 14, 15],\n        [16, 17, 18, "
                              "19],\n        [20, 21, 22, 23]]], dtype=uint8)");
        QTest::newRow("uint8 3d summarized")
            << QStringLiteral("uint8") << QList<qint64>{2, 600, 3} << QStringLiteral("arange:251:1")
            << QStringLiteral("array([[[ 0,  1,  2],\n        [ 3,  4,  5],\n        [ 6,  7,  "
                              "8],\n        ...,\n        [34, 35, 36],\n        [37, 38, 39],\n   "
                              "     [40, 41, 42]],\n\n       [[43, 44, 45],\n        [46, 47, "
                              "48],\n        [49, 50, 51],\n        ...,\n        [77, 78, 79],\n  "
                              "      [80, 81, 82],\n        [83, 84, 85]]], dtype=uint8)");
        QTest::newRow("uint8 scalar")
            << QStringLiteral("uint8") << QList<qint64>{} << QStringLiteral("9.0")
            << QStringLiteral("array(9, dtype=uint8)");
        QTest::newRow("float pixels")
            << QStringLiteral("float32") << QList<qint64>{12}
            << QStringLiteral(
                   "0.0,0.0117647061124444,0.07058823853731155,0.07058823853731155,0."
                   "4941176474094391,0.5333333611488342,0.686274528503418,0.10196078568696976,0."
                   "6509804129600525,1.0,0.9686274528503418,0.49803921580314636")
            << QStringLiteral("array([0.        , 0.01176471, 0.07058824, 0.07058824, "
                              "0.49411765,\n       0.53333336, 0.6862745 , 0.10196079, 0.6509804 , "
                              "1.        ,\n       0.96862745, 0.49803922], dtype=float32)");
        QTest::newRow("float exp")
            << QStringLiteral("float32") << QList<qint64>{3}
            << QStringLiteral("9.999999747378752e-06,2.0,3.0")
            << QStringLiteral("array([1.e-05, 2.e+00, 3.e+00], dtype=float32)");
        QTest::newRow("float exp mixed")
            << QStringLiteral("float32") << QList<qint64>{3}
            << QStringLiteral("1.4999999621068127e-05,2.0,-3.25")
            << QStringLiteral("array([ 1.50e-05,  2.00e+00, -3.25e+00], dtype=float32)");
        QTest::newRow("float negative")
            << QStringLiteral("float32") << QList<qint64>{3} << QStringLiteral("-1.5,2.0,3.0")
            << QStringLiteral("array([-1.5,  2. ,  3. ], dtype=float32)");
        QTest::newRow("float zeros")
            << QStringLiteral("float32") << QList<qint64>{4} << QStringLiteral("0.0,0.0,0.0,0.0")
            << QStringLiteral("array([0., 0., 0., 0.], dtype=float32)");
        QTest::newRow("float probabilities")
            << QStringLiteral("float32") << QList<qint64>{10}
            << QStringLiteral("1.0726176213893268e-07,2.4497797568301394e-08,1.2880024769401643e-"
                              "05,0.00013432961713988334,3.4226554923577623e-10,2."
                              "6386587137494644e-07,6.045386413688902e-12,0.9998292326927185,1."
                              "432773501619522e-06,2.210109778388869e-05")
            << QStringLiteral(
                   "array([1.0726176e-07, 2.4497798e-08, 1.2880025e-05, 1.3432962e-04,\n       "
                   "3.4226555e-10, 2.6386587e-07, 6.0453864e-12, 9.9982923e-01,\n       "
                   "1.4327735e-06, 2.2101098e-05], dtype=float32)");
        // The README's predict example. Not printed by NumPy here (Debian's python3 has none):
        // the shortest repr of predictions[0][8] is 6.145264e-08, one digit short of its
        // neighbours, and Dragon4's min_digits fills the digit from the exact float32 value
        // 6.14526385...e-08 (Decimal(np.float32(...)) in Python), so NumPy prints 6.1452639e-08,
        // not 6.1452640e-08; the other nine are their shortest reprs.
        QTest::newRow("float digits past the shortest are the exact value's")
            << QStringLiteral("float32") << QList<qint64>{10}
            << QStringLiteral("6.948301489728692e-09,1.8087141506750726e-10,1.2045425137330312e-"
                              "05,1.683051959844306e-05,1.0841325667060309e-12,1."
                              "7793096773743855e-08,3.050931699660232e-14,0.9999699592590332,6."
                              "145263853341021e-08,1.0475705494172871e-06")
            << QStringLiteral(
                   "array([6.9483015e-09, 1.8087142e-10, 1.2045425e-05, 1.6830520e-05,\n       "
                   "1.0841326e-12, 1.7793097e-08, 3.0509317e-14, 9.9996996e-01,\n       "
                   "6.1452639e-08, 1.0475705e-06], dtype=float32)");
        QTest::newRow("float 2d")
            << QStringLiteral("float32") << QList<qint64>{3, 4}
            << QStringLiteral(
                   "0.0,0.1428571492433548,0.2857142984867096,0.4285714328289032,0."
                   "5714285969734192,0.7142857313156128,0.8571428656578064,1.0,1.1428571939468384,"
                   "1.2857142686843872,1.4285714626312256,1.5714285373687744")
            << QStringLiteral("array([[0.        , 0.14285715, 0.2857143 , 0.42857143],\n       "
                              "[0.5714286 , 0.71428573, 0.85714287, 1.        ],\n       "
                              "[1.1428572 , 1.2857143 , 1.4285715 , 1.5714285 ]], dtype=float32)");
        QTest::newRow("float big")
            << QStringLiteral("float32") << QList<qint64>{2} << QStringLiteral("1000000000.0,1.0")
            << QStringLiteral("array([1.e+09, 1.e+00], dtype=float32)");
        QTest::newRow("float summarized")
            << QStringLiteral("float32") << QList<qint64>{1500}
            << QStringLiteral("arange:1000000:4")
            << QStringLiteral("array([0.0000e+00, 2.5000e-01, 5.0000e-01, ..., 3.7425e+02, "
                              "3.7450e+02,\n       3.7475e+02], dtype=float32)");
    }
    void repr()
    {
        QFETCH(QString, dtype);
        QFETCH(QList<qint64>, dims);
        QFETCH(QString, values);
        QFETCH(QString, expected);
        QCOMPARE(QString::fromStdString(formatArray(build(dtype, dims, values))), expected);
    }

    void emptyArrays()
    {
        QCOMPARE(QString::fromStdString(formatArray(Tensor(DType::UInt8, {0}))),
                 QStringLiteral("array([], dtype=uint8)"));
        QCOMPARE(QString::fromStdString(formatArray(Tensor(DType::UInt8, {0, 28, 28}))),
                 QStringLiteral("array([], shape=(0, 28, 28), dtype=uint8)"));
    }

    void scalars()
    {
        QCOMPARE(QString::fromStdString(formatScalar(0.011764706f, DType::Float32)),
                 QStringLiteral("0.01176471"));
        QCOMPARE(QString::fromStdString(formatScalar(255, DType::UInt8)), QStringLiteral("255"));
        QCOMPARE(QString::fromStdString(formatScalar(1.0, DType::Float32)), QStringLiteral("1."));
    }
};

QTEST_APPLESS_MAIN(TestFormat)
#include "test_format.moc"
