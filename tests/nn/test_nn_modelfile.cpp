// Model files (core/nn/serialization, core/nn/atomicfile): save and load round trip, atomic
// writes that fail cleanly (missing folder, full disk) and keep the old file, the writability
// probe, and broken or missing files rejected with a message naming them.

#include "nnfixtures.h"

#include "core/errors.h"
#include "core/nn/activation.h"
#include "core/nn/atomicfile.h"
#include "core/nn/inference.h"
#include "core/nn/model.h"
#include "core/nn/serialization.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <cstring>
#include <sys/resource.h>

using namespace core::nn;
using namespace nnfixtures;

class TestNnModelFile : public QObject {
    Q_OBJECT

private slots:
    void saveLoadRoundTrip()
    {
        const Sequential model = trainedOnSample(1, 2, InputPath::Auto);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string path = dir.filePath(QStringLiteral("m.ucm")).toStdString();
        saveModel(path, model, "rmsprop");
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("m.ucm")});
        const ModelFile loaded = loadModel(path);
        QCOMPARE(loaded.optimizer, std::string("rmsprop"));
        QVERIFY(loaded.model.sameArchitecture(model));
        QVERIFY(sameBits(loaded.model.parameters(), model.parameters()));
        Matrix x(50, 784);
        sampleTest().copyRows(0, 50, x.data());
        const Matrix a = predict(model, x), b = predict(loaded.model, x);
        QVERIFY(std::memcmp(a.data(), b.data(), sizeof(float) * 500) == 0);
        // Saving again over the file replaces it atomically.
        saveModel(path, loaded.model, "adam");
        QCOMPARE(loadModel(path).optimizer, std::string("adam"));
        // With the mode any new file gets (mkstemp's 0600 is not kept).
        const QString plain = dir.filePath(QStringLiteral("plain"));
        QFile f(plain);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        QCOMPARE(QFileInfo(QString::fromStdString(path)).permissions(),
                 QFileInfo(plain).permissions());
    }

    // A save that cannot start names the file and the reason, and leaves nothing behind. (A
    // read-only folder would not do: root writes into it.)
    void saveIntoMissingOrFileFolderFails_data()
    {
        QTest::addColumn<QString>("folder");
        QTest::addColumn<QString>("reason");
        QTest::newRow("missing folder") << "absent"
                                        << "No such file or directory";
        QTest::newRow("folder that is a file") << "file"
                                               << "Not a directory";
        QTest::newRow("under a file") << "file/sub"
                                      << "Not a directory";
    }

    void saveIntoMissingOrFileFolderFails()
    {
        QFETCH(QString, folder);
        QFETCH(QString, reason);
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("file")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        const std::string path = dir.filePath(folder + QStringLiteral("/m.ucm")).toStdString();
        Sequential model(4, {{2, Activation::Softmax}});
        model.initialize(1);
        QString saveError, checkError;
        try {
            saveModel(path, model, "sgd");
        } catch (const core::FormatError &e) {
            saveError = QString::fromUtf8(e.what());
        }
        try {
            checkWritable(path);
        } catch (const core::FormatError &e) {
            checkError = QString::fromUtf8(e.what());
        }
        QVERIFY2(saveError.startsWith(QStringLiteral("cannot write ") +
                                      QString::fromStdString(path) + QStringLiteral(": ")),
                 qPrintable(saveError));
        QVERIFY2(saveError.contains(reason), qPrintable(saveError));
        QCOMPARE(checkError, saveError); // the check before training says what saving would
        QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                 QStringList{QStringLiteral("file")});
    }

    // A write that fails half-way keeps the old file and deletes the temporary. A file size limit
    // stands in for a full disk: unlike permissions, it holds for root too.
    void failedSaveKeepsTheOldFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("m.ucm"));
        Sequential small(4, {{3, Activation::Relu}, {2, Activation::Softmax}});
        small.initialize(1);
        saveModel(path.toStdString(), small, "sgd");
        const std::vector<std::byte> before = readBytes(path);
        Sequential big = Sequential::bookMnist(); // 1.6 MB
        big.initialize(2);

        rlimit saved{};
        QCOMPARE(getrlimit(RLIMIT_FSIZE, &saved), 0);
        rlimit limited = saved;
        limited.rlim_cur = 64 * 1024;
        QCOMPARE(setrlimit(RLIMIT_FSIZE, &limited), 0);
        const auto previous = std::signal(SIGXFSZ, SIG_IGN); // else the write kills the process
        QString error;
        try {
            saveModel(path.toStdString(), big, "rmsprop");
        } catch (const core::FormatError &e) {
            error = QString::fromUtf8(e.what());
        }
        setrlimit(RLIMIT_FSIZE, &saved);
        std::signal(SIGXFSZ, previous);

        QVERIFY2(error.startsWith(QStringLiteral("cannot write ") + path), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("File too large")), qPrintable(error));
        QVERIFY(readBytes(path) == before);
        QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                 QStringList{QStringLiteral("m.ucm")});
    }

    void checkWritableProbesWithoutLeavingAFile()
    {
        QTemporaryDir dir;
        checkWritable(dir.filePath(QStringLiteral("m.ucm")).toStdString());
        QVERIFY(QDir(dir.path()).isEmpty(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot));
        try {
            checkWritable(dir.path().toStdString());
            QFAIL("a folder was accepted as a file to write");
        } catch (const core::FormatError &e) {
            QVERIFY2(QString::fromUtf8(e.what()).endsWith(QStringLiteral(": it is a folder")),
                     e.what());
        }
    }

    void brokenModelFilesRejected_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("message");
        Sequential m(4, {{3, Activation::Relu}, {2, Activation::Softmax}});
        m.initialize(1);
        const auto good = encodeModel(m, "sgd");
        const QByteArray g(reinterpret_cast<const char *>(good.data()),
                           static_cast<qsizetype>(good.size()));
        // Rewrites the checksum so that a deeper check is reached.
        auto resealed = [](QByteArray b) {
            std::vector<std::byte> v(reinterpret_cast<const std::byte *>(b.constData()),
                                     reinterpret_cast<const std::byte *>(b.constData()) + b.size());
            v.resize(v.size() - 4);
            // zlib's CRC-32 of the body, appended little-endian.
            std::uint32_t crc = 0xffffffffu;
            for (std::byte byte : v) {
                crc ^= static_cast<std::uint8_t>(byte);
                for (int k = 0; k < 8; ++k)
                    crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
            }
            crc ^= 0xffffffffu;
            QByteArray out(reinterpret_cast<const char *>(v.data()),
                           static_cast<qsizetype>(v.size()));
            for (int k = 0; k < 4; ++k)
                out.append(static_cast<char>((crc >> (8 * k)) & 0xff));
            return out;
        };
        QTest::newRow("empty") << QByteArray() << "not an Uncrumple model file";
        QTest::newRow("an IDX file")
            << QByteArray("\0\0\x08\x01\0\0\0\x05", 8) << "not an Uncrumple model file";
        QTest::newRow("a PNG") << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)
                               << "expected the magic bytes";
        QTest::newRow("magic only") << g.left(8) << "truncated model file";
        QTest::newRow("header cut") << g.left(30) << "truncated model file";
        QTest::newRow("weights cut") << g.left(g.size() - 7) << "truncated model file";
        QTest::newRow("checksum cut") << g.left(g.size() - 1) << "truncated model file";
        QTest::newRow("extra bytes") << g + QByteArray("xyz") << "unexpected bytes";
        QByteArray flipped = g;
        flipped[flipped.size() - 20] = static_cast<char>(flipped[flipped.size() - 20] ^ 0x40);
        QTest::newRow("flipped weight bit") << flipped << "checksum mismatch";
        QByteArray version = g;
        version[8] = 2;
        QTest::newRow("future version") << version << "version 2 is not supported";
        QByteArray activation = g;
        activation[24] = 9; // the first layer's activation code
        QTest::newRow("unknown activation") << resealed(activation) << "unknown activation code 9";
        QByteArray zeroUnits = g;
        zeroUnits[20] = 0;
        QTest::newRow("zero units") << resealed(zeroUnits) << "has 0 units";
        QByteArray hugeLayers = g;
        hugeLayers[17] = 0x7f; // layer count 0x7f03
        QTest::newRow("absurd layer count") << hugeLayers << "bad layer count";
        QByteArray count = g;
        count[g.size() - 4 - 4 * 23 - 8] = 26; // the stored parameter count (23)
        QTest::newRow("parameter count disagrees") << resealed(count) << "parameters but";
    }

    void brokenModelFilesRejected()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("broken.ucm"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
        f.close();
        try {
            loadModel(path.toStdString());
            QFAIL("the broken file was accepted");
        } catch (const core::FormatError &e) {
            const QString what = QString::fromUtf8(e.what());
            QVERIFY2(what.contains(message), qPrintable(what));
            QVERIFY2(what.startsWith(path), qPrintable(what)); // names the file
        }
    }

    void missingModelFile()
    {
        QVERIFY_THROWS_EXCEPTION(core::FormatError, loadModel("/nonexistent/model.ucm"));
        QTemporaryDir dir;
        QVERIFY_THROWS_EXCEPTION(core::FormatError, loadModel(dir.path().toStdString()));
    }
};

QTEST_GUILESS_MAIN(TestNnModelFile)
#include "test_nn_modelfile.moc"
