// Tensor basics: shapes as NumPy prints them, reshape with -1, astype, the book's / 255, sums.

#include "core/errors.h"
#include "core/tensor/indexing.h"
#include "core/tensor/tensor.h"

#include <QTest>

using namespace core;

class TestTensor : public QObject {
    Q_OBJECT
private slots:
    void formatShape_data()
    {
        QTest::addColumn<QList<qint64>>("dims");
        QTest::addColumn<QString>("text");
        QTest::newRow("scalar") << QList<qint64>{} << QStringLiteral("()");
        QTest::newRow("vector") << QList<qint64>{5} << QStringLiteral("(5,)");
        QTest::newRow("mnist") << QList<qint64>{60000, 28, 28} << QStringLiteral("(60000, 28, 28)");
        QTest::newRow("video") << QList<qint64>{4, 240, 144, 256, 3}
                               << QStringLiteral("(4, 240, 144, 256, 3)");
    }
    void formatShape()
    {
        QFETCH(QList<qint64>, dims);
        QFETCH(QString, text);
        QCOMPARE(QString::fromStdString(core::formatShape(Shape(dims.begin(), dims.end()))), text);
    }

    void newTensorIsZeroedAndContiguous()
    {
        Tensor t(DType::Float32, {3, 4});
        QCOMPARE(t.size(), std::int64_t{12});
        QCOMPARE(t.nbytes(), std::int64_t{48});
        QCOMPARE(t.ndim(), 2);
        QVERIFY(t.isContiguous());
        QCOMPARE(t.strides(), (Strides{4, 1}));
        QCOMPARE(t.sum(), 0.0);
    }

    void reshape_data()
    {
        QTest::addColumn<QList<qint64>>("target");
        QTest::addColumn<QString>("result");
        QTest::newRow("flatten") << QList<qint64>{60000, 784} << QStringLiteral("(60000, 784)");
        QTest::newRow("infer") << QList<qint64>{-1, 784} << QStringLiteral("(60000, 784)");
        QTest::newRow("infer last") << QList<qint64>{60000, -1} << QStringLiteral("(60000, 784)");
        QTest::newRow("all") << QList<qint64>{-1} << QStringLiteral("(47040000,)");
        QTest::newRow("bad")
            << QList<qint64>{60000, 785}
            << QStringLiteral("cannot reshape array of size 47040000 into shape (60000, 785)");
        QTest::newRow("two unknowns")
            << QList<qint64>{-1, -1} << QStringLiteral("can only specify one unknown dimension");
        QTest::newRow("bad infer")
            << QList<qint64>{-1, 13}
            << QStringLiteral("cannot reshape array of size 47040000 into shape (-1, 13)");
    }
    void reshape()
    {
        QFETCH(QList<qint64>, target);
        QFETCH(QString, result);
        // A view with huge logical size but shared small storage is enough to test shape rules.
        Tensor big(DType::UInt8, {60000, 28, 28});
        try {
            const Tensor r = big.reshape(Shape(target.begin(), target.end()));
            QCOMPARE(QString::fromStdString(core::formatShape(r.shape())), result);
            QCOMPARE(r.buffer().get(), big.buffer().get()); // contiguous input: a view, no copy
        } catch (const ValueError &e) {
            QCOMPARE(QString::fromStdString(e.what()), result);
        }
    }

    void reshapeOfAViewCopiesInRowMajorOrder()
    {
        Tensor a(DType::UInt8, {3, 4});
        for (int i = 0; i < 12; ++i)
            a.mutableData<std::uint8_t>()[i] = static_cast<std::uint8_t>(i);
        const IndexItem items[] = {Slice{}, Slice{std::nullopt, std::nullopt, -1}}; // a[:, ::-1]
        const Tensor flipped = index(a, items);
        QVERIFY(!flipped.isContiguous());
        const Tensor flat = flipped.reshape({-1});
        QVERIFY(flat.buffer().get() != a.buffer().get());
        const double expected[] = {3, 2, 1, 0, 7, 6, 5, 4, 11, 10, 9, 8};
        for (int i = 0; i < 12; ++i)
            QCOMPARE(flat.flatAt(i), expected[i]);
    }

    void astypeAndDivide()
    {
        Tensor a(DType::UInt8, {4});
        const std::uint8_t v[] = {0, 3, 128, 255};
        std::copy(v, v + 4, a.mutableData<std::uint8_t>());
        const Tensor f = a.astype(DType::Float32);
        QCOMPARE(f.dtype(), DType::Float32);
        QCOMPARE(f.flatAt(2), 128.0);
        const Tensor x = a.divided(255.0f);
        QCOMPARE(x.dtype(), DType::Float32);
        QCOMPARE(x.data<float>()[1], 3.0f / 255.0f);
        QCOMPARE(x.data<float>()[3], 1.0f);
        QCOMPARE(x.astype(DType::UInt8).flatAt(3), 1.0); // truncation toward zero, like NumPy
    }

    void wrongTypeAccessThrows()
    {
        Tensor a(DType::UInt8, {2});
        QVERIFY_THROWS_EXCEPTION(ValueError, a.data<float>());
    }

    void sumIsExactForBytes()
    {
        Tensor a(DType::UInt8, {1000, 1000});
        std::fill_n(a.mutableData<std::uint8_t>(), 1000000, std::uint8_t{255});
        QCOMPARE(a.sum(), 255000000.0);
    }

    void atChecksBounds()
    {
        Tensor a(DType::UInt8, {2, 3});
        const std::int64_t bad[] = {1, 3};
        try {
            a.at(bad);
            QFAIL("expected IndexError");
        } catch (const IndexError &e) {
            QCOMPARE(QString::fromStdString(e.what()),
                     QStringLiteral("index 3 is out of bounds for axis 1 with size 3"));
        }
    }
};

QTEST_APPLESS_MAIN(TestTensor)
#include "test_tensor.moc"
