// The real MNIST files, checked against facts known independently of this code (DESIGN.md and the
// book), and the book's slices with shapes and sums printed by NumPy 1.24 on the same files.

#include "common/readbytes.h"
#include "core/data/idx.h"
#include "core/data/mnist.h"
#include "core/errors.h"
#include "core/tensor/expression.h"
#include "core/tensor/format.h"
#include "core/tensor/indexing.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <array>
#include <filesystem>

using namespace core;

class TestMnist : public QObject {
    Q_OBJECT
    MnistData m_data;

private slots:
    void initTestCase()
    {
        const auto dir = defaultMnistDir();
        if (!hasMnistFiles(dir))
            QFAIL(qPrintable(
                QStringLiteral("full MNIST not found in %1: run scripts/fetch-mnist first")
                    .arg(QString::fromStdString(dir.string()))));
        m_data = loadMnist(dir);
    }

    void shapesAndTypes()
    {
        QVERIFY(m_data.isFullSet);
        QCOMPARE(QString::fromStdString(formatShape(m_data.trainImages.shape())),
                 QStringLiteral("(60000, 28, 28)"));
        QCOMPARE(QString::fromStdString(formatShape(m_data.testImages.shape())),
                 QStringLiteral("(10000, 28, 28)"));
        QCOMPARE(m_data.trainImages.dtype(), DType::UInt8);
        QCOMPARE(m_data.trainImages.ndim(), 3);
        QCOMPARE(m_data.trainLabels.size(), std::int64_t{60000});
    }

    void labelsMatchTheBook()
    {
        const auto *train = m_data.trainLabels.data<std::uint8_t>();
        const auto *test = m_data.testLabels.data<std::uint8_t>();
        const std::array<int, 5> trainHead{5, 0, 4, 1, 9}, testHead{7, 2, 1, 0, 4};
        const std::array<int, 3> trainTail{5, 6, 8}, testTail{4, 5, 6};
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(int(train[i]), trainHead[i]);
            QCOMPARE(int(test[i]), testHead[i]);
        }
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(int(train[59997 + i]), trainTail[i]);
            QCOMPARE(int(test[9997 + i]), testTail[i]);
        }
        QCOMPARE(int(train[4]), 9);
        QCOMPARE(QString::fromStdString(formatArray(m_data.trainLabels)),
                 QStringLiteral("array([5, 0, 4, ..., 5, 6, 8], dtype=uint8)"));
        QCOMPARE(QString::fromStdString(formatArray(m_data.testLabels)),
                 QStringLiteral("array([7, 2, 1, ..., 4, 5, 6], dtype=uint8)"));
    }

    void classCounts()
    {
        const std::array<int, 10> expected{5923, 6742, 5958, 6131, 5842,
                                           5421, 5918, 6265, 5851, 5949};
        std::array<int, 10> counts{};
        const auto *p = m_data.trainLabels.data<std::uint8_t>();
        for (int i = 0; i < 60000; ++i)
            ++counts[p[i]];
        QCOMPARE(counts, expected);
    }

    void bookSlices_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QString>("shape");
        QTest::addColumn<qint64>("sum");
        QTest::newRow("train_images[10:100]") << QStringLiteral("train_images[10:100]")
                                              << QStringLiteral("(90, 28, 28)") << qint64(2296583);
        QTest::newRow("train_images[10:100, :, :]")
            << QStringLiteral("train_images[10:100, :, :]") << QStringLiteral("(90, 28, 28)")
            << qint64(2296583);
        QTest::newRow("train_images[10:100, 0:28, 0:28]")
            << QStringLiteral("train_images[10:100, 0:28, 0:28]") << QStringLiteral("(90, 28, 28)")
            << qint64(2296583);
        QTest::newRow("train_images[:, 14:, 14:]")
            << QStringLiteral("train_images[:, 14:, 14:]") << QStringLiteral("(60000, 14, 14)")
            << qint64(428641687);
        QTest::newRow("train_images[:, 7:-7, 7:-7]")
            << QStringLiteral("train_images[:, 7:-7, 7:-7]") << QStringLiteral("(60000, 14, 14)")
            << qint64(1068937369);
        QTest::newRow("train_images[4]")
            << QStringLiteral("train_images[4]") << QStringLiteral("(28, 28)") << qint64(23214);
        QTest::newRow("train_images[:128]") << QStringLiteral("train_images[:128]")
                                            << QStringLiteral("(128, 28, 28)") << qint64(3261487);
        QTest::newRow("train_images[128:256]")
            << QStringLiteral("train_images[128:256]") << QStringLiteral("(128, 28, 28)")
            << qint64(3303266);
        QTest::newRow("train_images[384:512]")
            << QStringLiteral("train_images[384:512]") << QStringLiteral("(128, 28, 28)")
            << qint64(3134603);
        QTest::newRow("last batch of 96") << QStringLiteral("train_images[59904:60032]")
                                          << QStringLiteral("(96, 28, 28)") << qint64(2170817);
        QTest::newRow("test_labels[:10]")
            << QStringLiteral("test_labels[:10]") << QStringLiteral("(10,)") << qint64(42);
        QTest::newRow("train_labels[4]")
            << QStringLiteral("train_labels[4]") << QStringLiteral("()") << qint64(9);
        QTest::newRow("train_images[10:100, 7:-7, ::2]")
            << QStringLiteral("train_images[10:100, 7:-7, ::2]") << QStringLiteral("(90, 14, 14)")
            << qint64(861334);
        QTest::newRow("test_images[::-1, 27, :]") << QStringLiteral("test_images[::-1, 27, :]")
                                                  << QStringLiteral("(10000, 28)") << qint64(36390);
        QTest::newRow("train_images[..., 14]")
            << QStringLiteral("train_images[..., 14]") << QStringLiteral("(60000, 28)")
            << qint64(133884368);
    }
    void bookSlices()
    {
        QFETCH(QString, expression);
        QFETCH(QString, shape);
        QFETCH(qint64, sum);
        const Evaluation r =
            evaluate(parseExpression(expression.toStdString()), mnistArrays(m_data));
        QCOMPARE(QString::fromStdString(formatShape(r.array.shape())), shape);
        QCOMPARE(static_cast<qint64>(r.array.sum()), sum);
    }

    void sampleIsTheFirstThousandTestDigits()
    {
        const auto images =
            readBytes(QStringLiteral(UNCRUMPLE_SAMPLE_DIR "/t10k-images-1000-idx3-ubyte.gz"));
        const auto labels =
            readBytes(QStringLiteral(UNCRUMPLE_SAMPLE_DIR "/t10k-labels-1000-idx1-ubyte.gz"));
        const MnistData sample = mnistFromSample(images, labels);
        QVERIFY(!sample.isFullSet);
        QCOMPARE(sample.trainImages.shape(), (Shape{kSampleTrainCount, 28, 28}));
        QCOMPARE(sample.testImages.shape(), (Shape{1000 - kSampleTrainCount, 28, 28}));
        const auto *full = m_data.testImages.data<std::uint8_t>();
        QVERIFY(std::equal(full, full + kSampleTrainCount * 784,
                           sample.trainImages.data<std::uint8_t>()));
        QVERIFY(std::equal(full + kSampleTrainCount * 784, full + 1000 * 784,
                           sample.testImages.data<std::uint8_t>()));
        const auto *fullLabels = m_data.testLabels.data<std::uint8_t>();
        QVERIFY(std::equal(fullLabels + kSampleTrainCount, fullLabels + 1000,
                           sample.testLabels.data<std::uint8_t>()));
    }

    void testSetAlone()
    {
        // What evaluate and predict load: the two t10k files, with loadMnist's checks.
        QTemporaryDir tmp;
        const std::filesystem::path dir = tmp.path().toStdString();
        QVERIFY(!hasMnistTestFiles(dir));
        for (int i : {2, 3})
            std::filesystem::copy_file(defaultMnistDir() / kMnistFileNames[i],
                                       dir / kMnistFileNames[i]);
        QVERIFY(hasMnistTestFiles(dir));
        QVERIFY(!hasMnistFiles(dir));
        const MnistData test = loadMnistTest(dir);
        QCOMPARE(test.trainImages.size(), std::int64_t{0});
        QCOMPARE(test.testImages.shape(), (Shape{10000, 28, 28}));
        const auto *expected = m_data.testImages.data<std::uint8_t>();
        QVERIFY(std::equal(expected, expected + 10000 * 784, test.testImages.data<std::uint8_t>()));
        QCOMPARE(test.testLabels.shape(), (Shape{10000}));

        // Fewer labels than images: refused as loadMnist refuses it.
        const Tensor fewer = index(
            m_data.testLabels, std::array<IndexItem, 1>{Slice{std::nullopt, 9999, std::nullopt}});
        writeIdx(dir / kMnistFileNames[3], fewer, false);
        QVERIFY_THROWS_EXCEPTION(FormatError, loadMnistTest(dir));
    }
};

QTEST_APPLESS_MAIN(TestMnist)
#include "test_mnist.moc"
