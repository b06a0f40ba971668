// The cell engine beyond what the NumPy golden file covers: the per-cell memory limit, notebook
// state between cells, the book's mnist import and load_data, statements the engine refuses,
// the parser's depth limit, and the API the Tensors and Operations pages call directly.

#include "core/cell/repr.h"
#include "core/cell/session.h"
#include "core/cell/shaperules.h"

#include <QElapsedTimer>
#include <QTest>
#include <array>
#include <thread>

using namespace core::cell;

namespace {
QString errorOf(Session &s, const char *cell)
{
    const CellResult r = s.run(cell);
    return r.error ? QString::fromStdString(r.error->text()) : QString();
}
QString reprOf(Session &s, const char *cell)
{
    const CellResult r = s.run(cell);
    if (r.error) return QStringLiteral("error: ") + QString::fromStdString(r.error->text());
    return QString::fromStdString(r.valueRepr);
}
} // namespace

class TestCell : public QObject {
    Q_OBJECT
private slots:
    void longChainsAreRefusedAsCPythonsCompilerRefusesThem()
    {
        // 50,000 links once overflowed the evaluator's stack (a crash, not an error).
        Session s;
        s.run("a = 1");
        for (const char *link : {"+a", "[0]", ".real", "()"}) {
            std::string cell = "a";
            for (int i = 0; i < 50000; ++i)
                cell += link;
            QCOMPARE(errorOf(s, cell.c_str()),
                     QStringLiteral("RecursionError: maximum recursion depth exceeded during "
                                    "compilation"));
        }
        std::string ok = "a";
        for (int i = 0; i < 900; ++i)
            ok += "+a";
        QCOMPARE(reprOf(s, ok.c_str()), QStringLiteral("901"));
    }

    void aLongCellStopsWhenInterrupted()
    {
        // Closing the app interrupts a running cell: ten (1500, 1500) products would take
        // seconds; the next chunk of work after interrupt() fails with KeyboardInterrupt.
        Session s;
        std::string cell = "import numpy as np\nx = np.ones((1500, 1500))";
        for (int i = 0; i < 10; ++i)
            cell += "\ny = x @ x";
        CellResult result;
        QElapsedTimer clock;
        clock.start();
        std::thread worker([&] { result = s.run(cell); });
        QTest::qWait(50);
        s.interrupt();
        worker.join();
        QVERIFY(result.error);
        QCOMPARE(QString::fromStdString(result.error->type), QStringLiteral("KeyboardInterrupt"));
        QVERIFY2(clock.elapsed() < 2000, qPrintable(QString::number(clock.elapsed())));
    }

    void defaultMemoryLimitRefusesBeforeAllocating()
    {
        Session s;
        QCOMPARE(s.memoryLimit(), std::int64_t{1} << 30);
        // 3.2 GB: NumPy would try; the engine refuses with NumPy's message and allocates nothing.
        QCOMPARE(errorOf(s, "import numpy as np\nx = np.zeros((20000, 20000))"),
                 QStringLiteral("numpy.core._exceptions._ArrayMemoryError: Unable to allocate "
                                "2.98 GiB for an array with shape (20000, 20000) and data type "
                                "float64"));
        QVERIFY(!s.variable("x"));
        // Just under the limit is fine.
        QCOMPARE(errorOf(s, "import numpy as np\nx = np.zeros((1000, 1000, 100), dtype=np.uint8)"),
                 QString());
    }

    void limitCountsEverythingOneCellAllocates()
    {
        Session s;
        s.setMemoryLimit(1 << 20);
        s.run("import numpy as np");
        QCOMPARE(errorOf(s, "a = np.zeros(100000)"), QString()); // 800 KB
        QCOMPARE(errorOf(s, "b = np.zeros(100000)\nc = b + 1"),
                 QStringLiteral("numpy.core._exceptions._ArrayMemoryError: Unable to allocate "
                                "781. KiB for an array with shape (100000,) and data type "
                                "float64"));
        QVERIFY(s.variable("b")); // assignments before the error stay, as in Python
        QCOMPARE(errorOf(s, "c = a * 2"), QString()); // a new cell has its own budget
        QCOMPARE(errorOf(s, "d = a.astype(np.float32) + np.zeros(100000, dtype=np.float32)"),
                 QStringLiteral("numpy.core._exceptions._ArrayMemoryError: Unable to allocate "
                                "391. KiB for an array with shape (100000,) and data type "
                                "float32"));
    }

    void arangeOfAnInfiniteLengthIsRefused()
    {
        // The cell fuzzer's first find: a length past int64 (or infinite) was converted to an
        // integer, undefined behaviour. NumPy 1.24's own words (checked in Debian's NumPy).
        core::cell::Session s;
        s.run("import numpy as np");
        for (const char *cell : {"np.arange(21e3087)", "np.arange(-1e400)", "np.arange(1e19)",
                                 "np.arange(0, 1e300, 1e-300)"})
            QCOMPARE(errorOf(s, cell), QStringLiteral("ValueError: Maximum allowed size exceeded"));
        QCOMPARE(errorOf(s, "np.arange(1e400 - 1e400)"),
                 QStringLiteral("ValueError: arange: cannot compute length"));
        QCOMPARE(reprOf(s, "np.arange(0.5, 3, dtype=np.int64)"),
                 QStringLiteral("array([0, 1, 2])"));
    }

    void smallIntegerPowersWrapAsNumPys()
    {
        // The cell fuzzer's fourth find: int16 ** int16 multiplied in int (C++ promotes both
        // operands), which overflowed it. NumPy 1.24's own results.
        core::cell::Session s;
        reprOf(s, "import numpy as np");
        QCOMPARE(reprOf(s, "np.array([251, 3], dtype=np.uint8) ** 300"),
                 QStringLiteral("array([20945,  9841], dtype=int16)"));
        QCOMPARE(
            reprOf(s, "np.array([61, 1], dtype=np.int8) ** np.array([1861, 2], dtype=np.int16)"),
            QStringLiteral("array([-5811,     1], dtype=int16)"));
    }

    void repetitionCountsAgainstTheLimit()
    {
        // The cell fuzzer's second find: '!' * 122**4 built 221 MB a character at a time and
        // '' * 10**15 never ended. Python's own answers, within the cell's budget.
        core::cell::Session s;
        s.setMemoryLimit(1 << 20);
        QCOMPARE(errorOf(s, "'!' * 122**2**2"), QStringLiteral("MemoryError"));
        QCOMPARE(errorOf(s, "[1, 2] * 10**17"), QStringLiteral("MemoryError"));
        QCOMPARE(reprOf(s, "len('' * 10**15)"), QStringLiteral("0"));
        QCOMPARE(reprOf(s, "[1, 2] * 2"), QStringLiteral("[1, 2, 1, 2]"));
        QCOMPARE(reprOf(s, "'ab' * -1"), QStringLiteral("''"));
    }

    void reshapeToAnImpossibleSizeIsRefused()
    {
        // The cell fuzzer's third find: the shape's product overflowed (undefined behaviour).
        // NumPy 1.24's words.
        core::cell::Session s;
        s.run("import numpy as np\nx = np.zeros(6)");
        QCOMPARE(errorOf(s, "x.reshape([2, 9223372036854775807, 0, 2])"),
                 QStringLiteral("ValueError: cannot reshape array of size 6 into shape "
                                "(2,9223372036854775807,0,2)"));
        QCOMPARE(errorOf(s, "x.reshape([2, 9223372036854775807, -1])"),
                 QStringLiteral("ValueError: cannot reshape array of size 6 into shape "
                                "(2,9223372036854775807,newaxis)"));
    }

    void variablesPersistBetweenCells()
    {
        Session s;
        QVERIFY(s.run("import numpy as np\nx = np.arange(6).reshape(2, 3)").ok());
        const CellResult r = s.run("x.T");
        QVERIFY(r.ok());
        QCOMPARE(r.value->asArray().shape(), (core::Shape{3, 2}));
        QCOMPARE(QString::fromStdString(r.valueRepr),
                 QStringLiteral("array([[0, 3],\n       [1, 4],\n       [2, 5]])"));
        s.clearVariables();
        QCOMPARE(errorOf(s, "x"), QStringLiteral("NameError: name 'x' is not defined"));
    }

    void mnistImportAndLoadData()
    {
        core::Tensor images(core::DType::UInt8, {3, 28, 28});
        core::Tensor labels(core::DType::UInt8, {3});
        labels.mutableData<std::uint8_t>()[1] = 7;
        Session s([&](std::string_view name) -> std::optional<core::Tensor> {
            if (name == "train_images" || name == "test_images") return images;
            if (name == "train_labels" || name == "test_labels") return labels;
            return std::nullopt;
        });
        const CellResult r =
            s.run("from tensorflow.keras.datasets import mnist\nimport numpy as np\n"
                  "(train_images, train_labels), (test_images, test_labels) = mnist.load_data()\n"
                  "print(train_images.shape, train_images.dtype)\ntest_labels[1]");
        QVERIFY2(r.ok(), r.error ? r.error->text().c_str() : "");
        QCOMPARE(QString::fromStdString(r.output), QStringLiteral("(3, 28, 28) uint8\n"));
        QCOMPARE(QString::fromStdString(r.valueRepr), QStringLiteral("7"));
        // The arrays are there by name without the import, as on the MNIST page.
        QCOMPARE(reprOf(s, "len(train_labels[1:])"), QStringLiteral("2"));

        Session empty;
        QCOMPARE(errorOf(empty, "from keras.datasets import mnist\nmnist.load_data()")
                     .section(QLatin1Char(':'), 0, 0),
                 QStringLiteral("FileNotFoundError"));
        QCOMPARE(errorOf(empty, "from tensorflow.keras import layers"),
                 QStringLiteral("ImportError: cannot import name 'layers' from 'tensorflow.keras' "
                                "(these cells run NumPy code; only the book's mnist dataset "
                                "import is available)"));
    }

    void refusedStatementsSayWhy()
    {
        Session s;
        const CellResult r = s.run("x = 1\nfor i in range(3):\n    x = i");
        QVERIFY(!r.ok());
        QCOMPARE(QString::fromStdString(r.error->text()),
                 QStringLiteral("SyntaxError: 'for' statements are not supported in these cells"));
        QCOMPARE(r.error->line, 2);
        QCOMPARE(r.error->column, 1);
        QCOMPARE(errorOf(s, "d = {1: 2}"),
                 QStringLiteral("SyntaxError: dictionaries and sets are not supported in these "
                                "cells"));
        QCOMPARE(errorOf(s, "x += 1"),
                 QStringLiteral("SyntaxError: augmented assignment ('+=') is not supported in "
                                "these cells"));
    }

    void depthLimitStopsBeforeTheStack()
    {
        Session s;
        const std::string parens = std::string(300, '(') + "1" + std::string(300, ')');
        const CellResult r = s.run(parens);
        QCOMPARE(QString::fromStdString(r.error->text()),
                 QStringLiteral("SyntaxError: too many nested parentheses"));
        QCOMPARE(r.error->column, 201);
        const std::string minus = std::string(100000, '-') + "1";
        QCOMPARE(QString::fromStdString(s.run(minus).error->type), QStringLiteral("SyntaxError"));
        const std::string lists = std::string(30, '[') + "1" + std::string(30, ']');
        QCOMPARE(QString::fromStdString(
                     s.run("import numpy as np\nnp.array(" + lists + ").ndim").valueRepr),
                 QStringLiteral("30"));
    }

    void itemAssignmentBroadcastsAndCasts()
    {
        Session s;
        QCOMPARE(reprOf(s, "import numpy as np\nx = np.zeros((2, 3), dtype=np.uint8)\n"
                           "x[0] = 7.9\nx[1, 1:] = [300, 2]\nx"),
                 QStringLiteral("array([[ 7,  7,  7],\n       [ 0, 44,  2]], dtype=uint8)"));
    }

    void seededRandomIsReproducible()
    {
        Session a, b;
        const char *cell = "import numpy as np\nnp.random.seed(1234)\nnp.random.random(3)";
        QCOMPARE(reprOf(a, cell), reprOf(b, cell));
        QCOMPARE(reprOf(a, cell), QStringLiteral("array([0.19151945, 0.62210877, 0.43772774])"));
    }

    void shapeRulesForThePages()
    {
        ShapeRule r = broadcastShapes({32, 10}, {10});
        QVERIFY(r.ok());
        QCOMPARE(*r.shape, (core::Shape{32, 10}));
        r = broadcastShapes({64, 3, 32, 10}, {32, 10});
        QCOMPARE(*r.shape, (core::Shape{64, 3, 32, 10}));
        r = broadcastShapes({3, 4}, {5});
        QVERIFY(!r.ok());
        QCOMPARE(
            QString::fromStdString(r.error),
            QStringLiteral("operands could not be broadcast together with shapes (3,4) (5,) "));
        QCOMPARE(r.axisA, 1);
        QCOMPARE(r.axisB, 0);
        r = broadcastShapes({2, 1, 3}, {4, 2});
        QCOMPARE(r.axisA, 2);
        QCOMPARE(r.axisB, 1);

        r = dotShape({2, 3}, {4});
        QCOMPARE(QString::fromStdString(r.error),
                 QStringLiteral("shapes (2,3) and (4,) not aligned: 3 (dim 1) != 4 (dim 0)"));
        QCOMPARE(r.axisA, 1);
        QCOMPARE(r.axisB, 0);
        QCOMPARE(*dotShape({5, 6, 7, 8}, {8}).shape, (core::Shape{5, 6, 7}));
        QCOMPARE(*dotShape({5, 6, 7, 8}, {8, 9}).shape, (core::Shape{5, 6, 7, 9}));
        QCOMPARE(*dotShape({2, 3, 4}, {5, 4, 6}).shape, (core::Shape{2, 3, 5, 6}));
        QCOMPARE(*matmulShape({2, 3, 4}, {5, 1, 4, 6}).shape, (core::Shape{5, 2, 3, 6}));
        QVERIFY(!matmulShape({3}, {}).ok());

        r = reshapeShape(6, {4, -1});
        QCOMPARE(QString::fromStdString(r.error),
                 QStringLiteral("cannot reshape array of size 6 into shape (4,newaxis)"));
        r = reshapeShape(6, {-1, 1});
        QCOMPARE(*r.shape, (core::Shape{6, 1}));
        QCOMPARE(r.axisA, 0);
        QCOMPARE(QString::fromStdString(compactShape({60000, 28, 28})),
                 QStringLiteral("(60000,28,28)"));
    }

    void elementAccessForThePages()
    {
        Session s;
        const CellResult r = s.run("import numpy as np\nx = np.array([[0.5, 1/3], [2, 1e-5]], "
                                   "dtype=np.float32)\nx.T");
        QVERIFY(r.ok());
        const core::Tensor &t = r.value->asArray();
        QCOMPARE(byteStrides(t), (core::Strides{4, 8}));
        QCOMPARE(QString::fromStdString(elementRepr(t, std::array<std::int64_t, 2>{1, 0})),
                 QStringLiteral("0.33333334"));
        QCOMPARE(QString::fromStdString(elementRepr(t, std::array<std::int64_t, 2>{1, 1})),
                 QStringLiteral("1e-05"));
        QCOMPARE(t.at(std::array<std::int64_t, 2>{0, 1}), 2.0);
        QCOMPARE(QString::fromStdString(scalarRepr(255, core::DType::UInt8)),
                 QStringLiteral("255"));
        QCOMPARE(QString::fromStdString(dtypeRepr(core::DType::Float64)),
                 QStringLiteral("dtype('float64')"));
    }
};

QTEST_APPLESS_MAIN(TestCell)
#include "test_cell.moc"
