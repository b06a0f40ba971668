// ui::writePngAtomically: the PNG is complete or not there, and a failure keeps the old file.

#include "ui/common/pngfile.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <sys/resource.h>

class TestPngFile : public QObject {
    Q_OBJECT

private slots:
    void writesAReadablePng()
    {
        QTemporaryDir dir;
        QImage image(31, 17, QImage::Format_RGB32);
        image.fill(Qt::darkCyan);
        const QString path = dir.filePath(QStringLiteral("out.png"));
        QCOMPARE(ui::writePngAtomically(image, path), QString());
        const QImage back(path);
        QCOMPARE(back.size(), image.size());
        QCOMPARE(back.pixel(30, 16), image.pixel(30, 16));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("out.png")});
    }

    void aMissingFolderIsAnErrorAndWritesNothing()
    {
        QTemporaryDir dir;
        QImage image(4, 4, QImage::Format_RGB32);
        image.fill(Qt::black);
        const QString error =
            ui::writePngAtomically(image, dir.filePath(QStringLiteral("no/such/dir/out.png")));
        QVERIFY(!error.isEmpty());
        QVERIFY(
            QDir(dir.path()).entryList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot).isEmpty());
    }

    void aWriteCutShortKeepsTheOldFile()
    {
        // A file size limit (which binds root too) makes the write fail after the file opened.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("kept.png"));
        {
            QFile old(path);
            QVERIFY(old.open(QIODevice::WriteOnly));
            old.write("earlier export");
        }
        QImage noise(512, 512, QImage::Format_RGB32); // random pixels do not compress
        for (int y = 0; y < noise.height(); ++y)
            for (int x = 0; x < noise.width(); ++x)
                noise.setPixel(x, y, static_cast<QRgb>((x * 2654435761u) ^ (y * 40503u)));
        rlimit saved{};
        QCOMPARE(getrlimit(RLIMIT_FSIZE, &saved), 0);
        const auto previous = std::signal(SIGXFSZ, SIG_IGN); // a failed write(), not a kill
        rlimit small = saved;
        small.rlim_cur = 4096;
        QCOMPARE(setrlimit(RLIMIT_FSIZE, &small), 0);
        const QString error = ui::writePngAtomically(noise, path);
        setrlimit(RLIMIT_FSIZE, &saved);
        std::signal(SIGXFSZ, previous);
        QVERIFY(!error.isEmpty());
        QFile old(path);
        QVERIFY(old.open(QIODevice::ReadOnly));
        QCOMPARE(old.readAll(), QByteArray("earlier export"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("kept.png")});
    }

    void anEmptyImageIsRefusedAndKeepsTheOldFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("kept.png"));
        {
            QFile old(path);
            QVERIFY(old.open(QIODevice::WriteOnly));
            old.write("earlier export");
        }
        QVERIFY(!ui::writePngAtomically(QImage(), path).isEmpty()); // nothing to write
        QFile old(path);
        QVERIFY(old.open(QIODevice::ReadOnly));
        QCOMPARE(old.readAll(), QByteArray("earlier export"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("kept.png")});
    }
};

QTEST_GUILESS_MAIN(TestPngFile)
#include "test_pngfile.moc"
