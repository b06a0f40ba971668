// NumPy basic indexing: slice resolution against CPython, and slicing results against NumPy 1.24
// (the golden shapes and values below were printed by NumPy on np.arange(120).reshape(4, 5, 6)).

#include "core/errors.h"
#include "core/tensor/expression.h"
#include "core/tensor/indexing.h"
#include "slicegolden.h"

#include <QTest>

using namespace core;

namespace {
Tensor arange456()
{
    Tensor a(DType::UInt8, {4, 5, 6});
    for (int i = 0; i < 120; ++i)
        a.mutableData<std::uint8_t>()[i] = static_cast<std::uint8_t>(i);
    return a;
}

Tensor evalOn(const Tensor &a, const QString &text)
{
    const Expression e = parseExpression(text.toStdString());
    return evaluate(e,
                    [&](std::string_view name) -> std::optional<Tensor> {
                        if (name == "a") return a;
                        return std::nullopt;
                    })
        .array;
}

QString values(const Tensor &t)
{
    QStringList out;
    for (std::int64_t i = 0; i < t.size(); ++i)
        out << QString::number(static_cast<int>(t.flatAt(i)));
    return out.join(QLatin1Char(','));
}
} // namespace

class TestIndexing : public QObject {
    Q_OBJECT
private slots:
    void resolveSliceMatchesCPython()
    {
        int checked = 0;
        for (const auto &g : kSliceGolden) {
            const SliceRange r = resolveSlice(Slice{g.start, g.stop, g.step}, g.size);
            QCOMPARE(r.length, g.length);
            QCOMPARE(r.step, g.resolvedStep);
            if (g.length > 0) QCOMPARE(r.start, g.firstIndex);
            ++checked;
        }
        QCOMPARE(checked, 540);
    }

    void slicing_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QString>("shape");
        QTest::addColumn<QString>("values");
        QTest::newRow("a[1]") << QStringLiteral("a[1]") << QStringLiteral("(5, 6)")
                              << QStringLiteral("30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,"
                                                "46,47,48,49,50,51,52,53,54,55,56,57,58,59");
        QTest::newRow("a[-1]") << QStringLiteral("a[-1]") << QStringLiteral("(5, 6)")
                               << QStringLiteral(
                                      "90,91,92,93,94,95,96,97,98,99,100,101,102,103,104,105,106,"
                                      "107,108,109,110,111,112,113,114,115,116,117,118,119");
        QTest::newRow("a[1, 2]") << QStringLiteral("a[1, 2]") << QStringLiteral("(6,)")
                                 << QStringLiteral("42,43,44,45,46,47");
        QTest::newRow("a[1, 2, 3]")
            << QStringLiteral("a[1, 2, 3]") << QStringLiteral("()") << QStringLiteral("45");
        QTest::newRow("a[-1, -1, -1]")
            << QStringLiteral("a[-1, -1, -1]") << QStringLiteral("()") << QStringLiteral("119");
        QTest::newRow("a[:]")
            << QStringLiteral("a[:]") << QStringLiteral("(4, 5, 6)")
            << QStringLiteral(
                   "0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,"
                   "29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49,50,51,52,53,54,"
                   "55,56,57,58,59,60,61,62,63,64,65,66,67,68,69,70,71,72,73,74,75,76,77,78,79,80,"
                   "81,82,83,84,85,86,87,88,89,90,91,92,93,94,95,96,97,98,99,100,101,102,103,104,"
                   "105,106,107,108,109,110,111,112,113,114,115,116,117,118,119");
        QTest::newRow("a[1:3]")
            << QStringLiteral("a[1:3]") << QStringLiteral("(2, 5, 6)")
            << QStringLiteral("30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49,50,51,"
                              "52,53,54,55,56,57,58,59,60,61,62,63,64,65,66,67,68,69,70,71,72,73,"
                              "74,75,76,77,78,79,80,81,82,83,84,85,86,87,88,89");
        QTest::newRow("a[::2]") << QStringLiteral("a[::2]") << QStringLiteral("(2, 5, 6)")
                                << QStringLiteral(
                                       "0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,"
                                       "23,24,25,26,27,28,29,60,61,62,63,64,65,66,67,68,69,70,71,"
                                       "72,73,74,75,76,77,78,79,80,81,82,83,84,85,86,87,88,89");
        QTest::newRow("a[::-1]")
            << QStringLiteral("a[::-1]") << QStringLiteral("(4, 5, 6)")
            << QStringLiteral(
                   "90,91,92,93,94,95,96,97,98,99,100,101,102,103,104,105,106,107,108,109,110,111,"
                   "112,113,114,115,116,117,118,119,60,61,62,63,64,65,66,67,68,69,70,71,72,73,74,"
                   "75,76,77,78,79,80,81,82,83,84,85,86,87,88,89,30,31,32,33,34,35,36,37,38,39,40,"
                   "41,42,43,44,45,46,47,48,49,50,51,52,53,54,55,56,57,58,59,0,1,2,3,4,5,6,7,8,9,"
                   "10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29");
        QTest::newRow("a[:, ::-2]")
            << QStringLiteral("a[:, ::-2]") << QStringLiteral("(4, 3, 6)")
            << QStringLiteral(
                   "24,25,26,27,28,29,12,13,14,15,16,17,0,1,2,3,4,5,54,55,56,57,58,59,42,43,44,45,"
                   "46,47,30,31,32,33,34,35,84,85,86,87,88,89,72,73,74,75,76,77,60,61,62,63,64,65,"
                   "114,115,116,117,118,119,102,103,104,105,106,107,90,91,92,93,94,95");
        QTest::newRow("a[..., 1]")
            << QStringLiteral("a[..., 1]") << QStringLiteral("(4, 5)")
            << QStringLiteral("1,7,13,19,25,31,37,43,49,55,61,67,73,79,85,91,97,103,109,115");
        QTest::newRow("a[1, ...]")
            << QStringLiteral("a[1, ...]") << QStringLiteral("(5, 6)")
            << QStringLiteral("30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49,50,51,"
                              "52,53,54,55,56,57,58,59");
        QTest::newRow("a[..., 1:3, 2]")
            << QStringLiteral("a[..., 1:3, 2]") << QStringLiteral("(4, 2)")
            << QStringLiteral("8,14,38,44,68,74,98,104");
        QTest::newRow("a[None]")
            << QStringLiteral("a[None]") << QStringLiteral("(1, 4, 5, 6)")
            << QStringLiteral(
                   "0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,"
                   "29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49,50,51,52,53,54,"
                   "55,56,57,58,59,60,61,62,63,64,65,66,67,68,69,70,71,72,73,74,75,76,77,78,79,80,"
                   "81,82,83,84,85,86,87,88,89,90,91,92,93,94,95,96,97,98,99,100,101,102,103,104,"
                   "105,106,107,108,109,110,111,112,113,114,115,116,117,118,119");
        QTest::newRow("a[:, None, 1]")
            << QStringLiteral("a[:, None, 1]") << QStringLiteral("(4, 1, 6)")
            << QStringLiteral(
                   "6,7,8,9,10,11,36,37,38,39,40,41,66,67,68,69,70,71,96,97,98,99,100,101");
        QTest::newRow("a[..., None]")
            << QStringLiteral("a[..., None]") << QStringLiteral("(4, 5, 6, 1)")
            << QStringLiteral(
                   "0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,"
                   "29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49,50,51,52,53,54,"
                   "55,56,57,58,59,60,61,62,63,64,65,66,67,68,69,70,71,72,73,74,75,76,77,78,79,80,"
                   "81,82,83,84,85,86,87,88,89,90,91,92,93,94,95,96,97,98,99,100,101,102,103,104,"
                   "105,106,107,108,109,110,111,112,113,114,115,116,117,118,119");
        QTest::newRow("a[10:20]") << QStringLiteral("a[10:20]") << QStringLiteral("(0, 5, 6)")
                                  << QStringLiteral("");
        QTest::newRow("a[-100:2]")
            << QStringLiteral("a[-100:2]") << QStringLiteral("(2, 5, 6)")
            << QStringLiteral("0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,"
                              "26,27,28,29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,"
                              "48,49,50,51,52,53,54,55,56,57,58,59");
        QTest::newRow("a[3:1]") << QStringLiteral("a[3:1]") << QStringLiteral("(0, 5, 6)")
                                << QStringLiteral("");
        QTest::newRow("a[3:1:-1]")
            << QStringLiteral("a[3:1:-1]") << QStringLiteral("(2, 5, 6)")
            << QStringLiteral("90,91,92,93,94,95,96,97,98,99,100,101,102,103,104,105,106,107,108,"
                              "109,110,111,112,113,114,115,116,117,118,119,60,61,62,63,64,65,66,67,"
                              "68,69,70,71,72,73,74,75,76,77,78,79,80,81,82,83,84,85,86,87,88,89");
        QTest::newRow("a[:, 4:0:-2, ::3]")
            << QStringLiteral("a[:, 4:0:-2, ::3]") << QStringLiteral("(4, 2, 2)")
            << QStringLiteral("24,27,12,15,54,57,42,45,84,87,72,75,114,117,102,105");
        QTest::newRow("a[1:-1, 1:-1, 1:-1]")
            << QStringLiteral("a[1:-1, 1:-1, 1:-1]") << QStringLiteral("(2, 3, 4)")
            << QStringLiteral(
                   "37,38,39,40,43,44,45,46,49,50,51,52,67,68,69,70,73,74,75,76,79,80,81,82");
        QTest::newRow("a[0][1][2]")
            << QStringLiteral("a[0][1][2]") << QStringLiteral("()") << QStringLiteral("8");
        QTest::newRow("a[0][::-1][1:3]")
            << QStringLiteral("a[0][::-1][1:3]") << QStringLiteral("(2, 6)")
            << QStringLiteral("18,19,20,21,22,23,12,13,14,15,16,17");
        QTest::newRow("a[:, :, -2:]")
            << QStringLiteral("a[:, :, -2:]") << QStringLiteral("(4, 5, 2)")
            << QStringLiteral("4,5,10,11,16,17,22,23,28,29,34,35,40,41,46,47,52,53,58,59,64,65,70,"
                              "71,76,77,82,83,88,89,94,95,100,101,106,107,112,113,118,119");
        QTest::newRow("a[-4]") << QStringLiteral("a[-4]") << QStringLiteral("(5, 6)")
                               << QStringLiteral("0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,"
                                                 "19,20,21,22,23,24,25,26,27,28,29");
        QTest::newRow("a[2,]") << QStringLiteral("a[2,]") << QStringLiteral("(5, 6)")
                               << QStringLiteral("60,61,62,63,64,65,66,67,68,69,70,71,72,73,74,75,"
                                                 "76,77,78,79,80,81,82,83,84,85,86,87,88,89");
        QTest::newRow("a[:0]") << QStringLiteral("a[:0]") << QStringLiteral("(0, 5, 6)")
                               << QStringLiteral("");
        QTest::newRow("a[5:]") << QStringLiteral("a[5:]") << QStringLiteral("(0, 5, 6)")
                               << QStringLiteral("");
        QTest::newRow("a[::-3, 1]") << QStringLiteral("a[::-3, 1]") << QStringLiteral("(2, 6)")
                                    << QStringLiteral("96,97,98,99,100,101,6,7,8,9,10,11");
        QTest::newRow("a[1, :, 5:0:-2]")
            << QStringLiteral("a[1, :, 5:0:-2]") << QStringLiteral("(5, 3)")
            << QStringLiteral("35,33,31,41,39,37,47,45,43,53,51,49,59,57,55");
        QTest::newRow("a[-5:-1:2, ..., ::5]")
            << QStringLiteral("a[-5:-1:2, ..., ::5]") << QStringLiteral("(2, 5, 2)")
            << QStringLiteral("0,5,6,11,12,17,18,23,24,29,60,65,66,71,72,77,78,83,84,89");
    }
    void slicing()
    {
        QFETCH(QString, expression);
        QFETCH(QString, shape);
        QFETCH(QString, values);
        const Tensor r = evalOn(arange456(), expression);
        QCOMPARE(QString::fromStdString(formatShape(r.shape())), shape);
        QCOMPARE(::values(r), values);
    }

    void errors_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QString>("message");
        QTest::newRow("a[4]") << QStringLiteral("a[4]")
                              << QStringLiteral("index 4 is out of bounds for axis 0 with size 4");
        QTest::newRow("a[-5]") << QStringLiteral("a[-5]")
                               << QStringLiteral(
                                      "index -5 is out of bounds for axis 0 with size 4");
        QTest::newRow("a[0, 5]") << QStringLiteral("a[0, 5]")
                                 << QStringLiteral(
                                        "index 5 is out of bounds for axis 1 with size 5");
        QTest::newRow("a[0, 0, 6]")
            << QStringLiteral("a[0, 0, 6]")
            << QStringLiteral("index 6 is out of bounds for axis 2 with size 6");
        QTest::newRow("a[0, 0, 0, 0]")
            << QStringLiteral("a[0, 0, 0, 0]")
            << QStringLiteral(
                   "too many indices for array: array is 3-dimensional, but 4 were indexed");
        QTest::newRow("a[..., ...]")
            << QStringLiteral("a[..., ...]")
            << QStringLiteral("an index can only have a single ellipsis ('...')");
        QTest::newRow("a[::0]") << QStringLiteral("a[::0]")
                                << QStringLiteral("slice step cannot be zero");
        QTest::newRow("a[1][5]") << QStringLiteral("a[1][5]")
                                 << QStringLiteral(
                                        "index 5 is out of bounds for axis 0 with size 5");
    }
    void errors()
    {
        QFETCH(QString, expression);
        QFETCH(QString, message);
        try {
            evalOn(arange456(), expression);
            QFAIL("expected an error");
        } catch (const std::runtime_error &e) {
            QCOMPARE(QString::fromStdString(e.what()), message);
        }
    }

    void slicesAreViewsSharingStorage()
    {
        Tensor a = arange456();
        const IndexItem items[] = {std::int64_t{1}, Slice{1, 3, std::nullopt}};
        Tensor v = index(a, items);
        QCOMPARE(v.buffer().get(), a.buffer().get());
        a.mutableData<std::uint8_t>()[1 * 30 + 1 * 6 + 0] = 200;
        QCOMPARE(v.flatAt(0), 200.0);
        QVERIFY(!index(a, std::vector<IndexItem>{Slice{}, Slice{},
                                                 Slice{std::nullopt, std::nullopt, 2}})
                     .isContiguous());
    }

    void planTracksSourceAxes()
    {
        const IndexItem items[] = {Slice{10, 100, std::nullopt}, Slice{7, -7, std::nullopt},
                                   std::int64_t{3}};
        const IndexPlan plan = planIndex({60000, 28, 28}, items);
        QCOMPARE(plan.axes.size(), std::size_t{2});
        QCOMPARE(plan.axes[0].sourceAxis, 0);
        QCOMPARE(plan.axes[0].range.start, std::int64_t{10});
        QCOMPARE(plan.axes[0].range.length, std::int64_t{90});
        QCOMPARE(plan.axes[1].sourceAxis, 1);
        QCOMPARE(plan.axes[1].range.start, std::int64_t{7});
        QCOMPARE(plan.axes[1].range.length, std::int64_t{14});
        QCOMPARE(plan.fixed.size(), std::size_t{1});
        QCOMPARE(plan.fixed[0].first, 2);
        QCOMPARE(plan.fixed[0].second, std::int64_t{3});
    }

    void formatItems_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::newRow("slices") << QStringLiteral("a[10:100, 7:-7, ::2]");
        QTest::newRow("int") << QStringLiteral("a[4]");
        QTest::newRow("ellipsis") << QStringLiteral("a[..., 3]");
        QTest::newRow("none") << QStringLiteral("a[None, :3]");
        QTest::newRow("negative step") << QStringLiteral("a[::-1]");
        QTest::newRow("chained") << QStringLiteral("a[0][1:2]");
    }
    void hugeStepsTakeOneElement_data();
    void hugeStepsTakeOneElement();
    void formatItems()
    {
        QFETCH(QString, expression);
        QCOMPARE(
            QString::fromStdString(formatExpression(parseExpression(expression.toStdString()))),
            expression);
    }
};

// Found by the slice fuzzer (tests/fuzz/regressions/slice/crash-fff341d...): a step so large
// that step * stride overflowed (signed overflow, undefined behaviour). NumPy takes one element.
void TestIndexing::hugeStepsTakeOneElement_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("shape");
    QTest::addColumn<QString>("values");
    QTest::newRow("forward") << "a[::9223372036854775807, 0, 0]"
                             << "(1,)"
                             << "0";
    QTest::newRow("backward") << "a[::-9223372036854775807, 0, 0]"
                              << "(1,)"
                              << "90";
    QTest::newRow("found by the fuzzer") << "a[1::33720368547758070, 1, :2]"
                                         << "(1, 2)"
                                         << "36,37";
    QTest::newRow("inner axis") << "a[0, 0, 2::9223372036854775807]"
                                << "(1,)"
                                << "2";
}

void TestIndexing::hugeStepsTakeOneElement()
{
    QFETCH(QString, text);
    QFETCH(QString, shape);
    QFETCH(QString, values);
    const Tensor t = evalOn(arange456(), text);
    QCOMPARE(QString::fromStdString(formatShape(t.shape())), shape);
    QCOMPARE(::values(t), values);
    for (const auto s : t.strides())
        QVERIFY2(std::abs(s) <= 120, qPrintable(QString::number(s))); // within the array
    QCOMPARE(t.contiguous().sum(), t.sum());
}

QTEST_APPLESS_MAIN(TestIndexing)
#include "test_indexing.moc"
