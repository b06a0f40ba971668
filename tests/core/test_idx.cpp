// The IDX reader on valid files (raw, gzip, float32) and on the ways a file can be broken. Every
// fixture is written to a temporary folder by the test itself.

#include "core/data/idx.h"
#include "core/data/mnist.h"
#include "core/errors.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <span>
#include <sys/resource.h>
#include <zlib.h>

using namespace core;

namespace {

QByteArray be32(quint32 v)
{
    QByteArray b(4, '\0');
    for (int k = 0; k < 4; ++k)
        b[k] = static_cast<char>((v >> (24 - 8 * k)) & 0xff);
    return b;
}

QByteArray header(int code, const QList<quint32> &dims)
{
    QByteArray h;
    h.append('\0')
        .append('\0')
        .append(static_cast<char>(code))
        .append(static_cast<char>(dims.size()));
    for (quint32 d : dims)
        h.append(be32(d));
    return h;
}

QByteArray gzipped(const QByteArray &raw)
{
    z_stream z{};
    deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
    QByteArray out(static_cast<int>(deflateBound(&z, static_cast<uLong>(raw.size()))), '\0');
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(raw.data()));
    z.avail_in = static_cast<uInt>(raw.size());
    z.next_out = reinterpret_cast<Bytef *>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    deflate(&z, Z_FINISH);
    out.resize(static_cast<int>(z.total_out));
    deflateEnd(&z);
    return out;
}

QString write(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        qFatal("cannot write fixture %s", qPrintable(path));
    return path;
}

QByteArray pixels(int n)
{
    QByteArray b(n, '\0');
    for (int i = 0; i < n; ++i)
        b[i] = static_cast<char>(i % 251);
    return b;
}

} // namespace

class TestIdx : public QObject {
    Q_OBJECT
private slots:
    void readsRawUint8()
    {
        QTemporaryDir dir;
        const QString path = write(dir, "images-idx3-ubyte", header(0x08, {3, 4, 5}) + pixels(60));
        const Tensor t = readIdx(path.toStdString());
        QCOMPARE(t.shape(), (Shape{3, 4, 5}));
        QCOMPARE(t.dtype(), DType::UInt8);
        QCOMPARE(t.flatAt(59), 59.0);
    }

    void readsGzipWhateverTheName()
    {
        QTemporaryDir dir;
        const QString path = write(dir, "no-gz-suffix", gzipped(header(0x08, {7}) + pixels(7)));
        const Tensor t = readIdx(path.toStdString());
        QCOMPARE(t.shape(), (Shape{7}));
        QCOMPARE(t.flatAt(6), 6.0);
    }

    void readsBigEndianFloat32()
    {
        QTemporaryDir dir;
        QByteArray data;
        for (float f : {1.5f, -2.0f}) {
            quint32 w;
            std::memcpy(&w, &f, 4);
            data.append(be32(w));
        }
        const Tensor t = readIdx(write(dir, "f", header(0x0D, {2}) + data).toStdString());
        QCOMPARE(t.dtype(), DType::Float32);
        QCOMPARE(t.flatAt(0), 1.5);
        QCOMPARE(t.flatAt(1), -2.0);
    }

    void writeReadRoundTrip_data()
    {
        QTest::addColumn<bool>("gzip");
        QTest::newRow("raw") << false;
        QTest::newRow("gzip") << true;
    }
    void writeReadRoundTrip()
    {
        QFETCH(bool, gzip);
        QTemporaryDir dir;
        Tensor t(DType::Float32, {2, 3});
        for (int i = 0; i < 6; ++i)
            t.mutableData<float>()[i] = static_cast<float>(i) / 7.0f;
        const std::string path = dir.filePath("rt").toStdString();
        writeIdx(path, t, gzip);
        QVERIFY(!QFile::exists(QString::fromStdString(path + ".tmp")));
        const Tensor back = readIdx(path);
        QCOMPARE(back.shape(), t.shape());
        for (int i = 0; i < 6; ++i)
            QCOMPARE(back.flatAt(i), t.flatAt(i));
    }

    void broken_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("message");
        const QByteArray ok = header(0x08, {2, 3}) + pixels(6);
        QTest::newRow("empty file")
            << QByteArray() << "truncated header: expected at least 4 bytes, found 0";
        QTest::newRow("truncated magic")
            << QByteArray("\0\0\x08", 3) << "truncated header: expected at least 4 bytes, found 3";
        QTest::newRow("bad magic (zip)")
            << QByteArray("PK\x03\x04rest")
            << "bad magic number: expected 0x00 0x00 in the first two bytes, found 0x50 0x4B";
        QTest::newRow("unknown dtype")
            << header(0x07, {2}) + pixels(2)
            << "unknown dtype code 0x07: expected one of 0x08, 0x09, 0x0B, 0x0C, 0x0D, 0x0E";
        QTest::newRow("unsupported dtype")
            << header(0x0C, {2}) + pixels(8)
            << "dtype code 0x0C (int32) is not supported: expected 0x08 (uint8) or 0x0D (float32)";
        QTest::newRow("rank 0") << header(0x08, {}) << "rank 0: expected 1 to 8 dimensions";
        QTest::newRow("rank 9") << header(0x08, {1, 1, 1, 1, 1, 1, 1, 1, 1}) + pixels(1)
                                << "rank 9: expected 1 to 8 dimensions";
        QTest::newRow("truncated dims")
            << header(0x08, {2, 3}).left(10)
            << "truncated header: rank 2 needs 12 header bytes, found 10";
        QTest::newRow("zero dimension")
            << header(0x08, {2, 0, 3})
            << "dimension 1 is 0: expected every dimension to be at least 1";
        QTest::newRow("overflowing dims")
            << header(0x08, {0xFFFFFFFFu, 0xFFFFFFFFu, 0xFFFFFFFFu})
            << "dimensions (4294967295, 4294967295, 4294967295) are too large";
        QTest::newRow("truncated data")
            << ok.left(ok.size() - 2)
            << "truncated data: shape (2, 3) needs 6 bytes after the 12-byte header, found 4";
        QTest::newRow("trailing bytes")
            << ok + QByteArray("xyz")
            << "3 trailing bytes: expected the file to end after 18 bytes for shape (2, 3)";
        QTest::newRow("gzip, unknown method")
            << QByteArray("\x1f\x8b\x09\x00garbage", 11)
            << "not a valid gzip stream (zlib: unknown compression method)";
        QTest::newRow("gzip, garbage data")
            << QByteArray("\x1f\x8b\x08\x00\0\0\0\0\0\x03\x07garbage", 18)
            << "not a valid gzip stream (zlib: invalid block type)";
        QTest::newRow("truncated gzip")
            << gzipped(ok + pixels(5000)).left(40) << "gzip stream ends early (truncated file)";
        QTest::newRow("gzip of truncated data")
            << gzipped(ok.left(15))
            << "truncated data: shape (2, 3) needs 6 bytes after the 12-byte header, found 3";
    }
    void broken()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const QString path = write(dir, "broken-idx", bytes);
        try {
            readIdx(path.toStdString());
            QFAIL("expected a FormatError");
        } catch (const FormatError &e) {
            const QString what = QString::fromStdString(e.what());
            QVERIFY2(what.startsWith(path + ": "), qPrintable(what)); // names the file
            QVERIFY2(what.contains(message), qPrintable(what));
        }
    }

    // Issue 11: a 12-byte file whose header claims a 2 GB array was zero-filled in full (2.4 s, and
    // bad_alloc under a 4 GB limit) before it was found truncated. Now the size is checked first.
    void hugeClaimIsRefusedAtOnce_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<bool>("inMemory");
        QTest::addColumn<QString>("message");
        const QByteArray claim = header(0x08, {46341, 46341}); // 2,147,488,281 bytes
        QCOMPARE(claim.size(), 12);
        const QString needs = "truncated data: shape (46341, 46341) needs 2147488281 bytes after "
                              "the 12-byte header, ";
        QTest::newRow("raw file") << claim << false << needs + "found 0 (the file is 12 bytes)";
        QTest::newRow("raw file with some data")
            << claim + pixels(1000) << false << needs + "found 1000 (the file is 1012 bytes)";
        QTest::newRow("raw in memory") << claim << true << needs + "found 0 (the file is 12 bytes)";
        QTest::newRow("gzip file")
            << gzipped(claim) << false << needs + "found 0 (the stream inflates to 12 bytes)";
        QTest::newRow("gzip file with 5 MB of data")
            << gzipped(claim + QByteArray(5'000'000, '\x07')) << false
            << needs + "found 5000000 (the stream inflates to 5000012 bytes)";
        QTest::newRow("gzip in memory")
            << gzipped(claim) << true << needs + "found 0 (the stream inflates to 12 bytes)";
    }
    void hugeClaimIsRefusedAtOnce()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(bool, inMemory);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const QString path = write(dir, "huge-idx", bytes);
        rusage before{};
        getrusage(RUSAGE_SELF, &before);
        QElapsedTimer clock;
        clock.start();
        try {
            if (inMemory)
                parseIdx(std::as_bytes(std::span(bytes.constData(), bytes.size())), "huge");
            else
                readIdx(path.toStdString());
            QFAIL("expected a FormatError");
        } catch (const FormatError &e) {
            QVERIFY2(QString::fromStdString(e.what()).contains(message), e.what());
        }
        const qint64 ms = clock.elapsed();
        rusage after{};
        getrusage(RUSAGE_SELF, &after);
        QVERIFY2(ms < 250, qPrintable(QString::number(ms) + " ms"));
        // ru_maxrss is the peak in KiB: the refusal must not have touched gigabytes.
        const long grownMb = (after.ru_maxrss - before.ru_maxrss) / 1024;
        QVERIFY2(grownMb < 64, qPrintable(QString::number(grownMb) + " MB more resident"));
    }

    void missingFileAndFolder()
    {
        QTemporaryDir dir;
        QVERIFY_THROWS_EXCEPTION(FormatError, readIdx(dir.filePath("absent").toStdString()));
        try {
            readIdx(dir.path().toStdString());
            QFAIL("expected a FormatError");
        } catch (const FormatError &e) {
            QVERIFY(QString::fromStdString(e.what()).contains("it is a folder"));
        }
    }

    void labelAboveNine()
    {
        QTemporaryDir dir;
        QByteArray labels = header(0x08, {4}) + QByteArray("\x01\x09\x0c\x02", 4);
        const Tensor t = readIdx(write(dir, "labels", labels).toStdString());
        try {
            checkLabels(t, 10, "labels");
            QFAIL("expected a FormatError");
        } catch (const FormatError &e) {
            QCOMPARE(QString::fromStdString(e.what()),
                     QStringLiteral("labels: label 12 at index 2 is above 9"));
        }
    }

    void imageLabelCountMismatch()
    {
        QTemporaryDir dir;
        write(dir, "train-images-idx3-ubyte", header(0x08, {3, 2, 2}) + pixels(12));
        write(dir, "train-labels-idx1-ubyte.gz",
              gzipped(header(0x08, {2}) + QByteArray("\x01\x02", 2)));
        write(dir, "t10k-images-idx3-ubyte", header(0x08, {1, 2, 2}) + pixels(4));
        write(dir, "t10k-labels-idx1-ubyte", header(0x08, {1}) + QByteArray("\x03", 1));
        QVERIFY(hasMnistFiles(dir.path().toStdString()));
        try {
            loadMnist(dir.path().toStdString());
            QFAIL("expected a FormatError");
        } catch (const FormatError &e) {
            const QString what = QString::fromStdString(e.what());
            QVERIFY2(what.contains("train-images-idx3-ubyte has 3 images but"), qPrintable(what));
            QVERIFY2(what.contains("train-labels-idx1-ubyte.gz has 2 labels"), qPrintable(what));
        }
    }

    void labelsOfWrongRank()
    {
        QTemporaryDir dir;
        const Tensor t = readIdx(write(dir, "l", header(0x08, {2, 2}) + pixels(4)).toStdString());
        QVERIFY_THROWS_EXCEPTION(FormatError, checkLabels(t, 10, "l"));
    }
};

QTEST_APPLESS_MAIN(TestIdx)
#include "test_idx.moc"
