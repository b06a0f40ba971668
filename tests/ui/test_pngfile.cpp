// ui::writePngAtomically: the PNG is complete or not there, and a failure keeps the old file.

#include "ui/common/pngfile.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>

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
