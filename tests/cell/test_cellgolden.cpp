// Replays tests/cell/cellgolden.json (written by scripts/make-cell-golden from Debian 12's NumPy
// 1.24) against the cell engine: for every cell, the printed output, the repr of the last
// expression, its dtype, and the error's last traceback line with its line (and column for syntax
// errors) must be NumPy's and Python's, character for character.

#include "core/cell/session.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

class TestCellGolden : public QObject {
    Q_OBJECT
private slots:
    void cells_data()
    {
        QTest::addColumn<QString>("cell");
        QTest::addColumn<QString>("output");
        QTest::addColumn<QString>("repr");
        QTest::addColumn<QString>("dtype");
        QTest::addColumn<QString>("error");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QFile file(QStringLiteral(UNCRUMPLE_CELL_GOLDEN));
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        const QJsonArray cells = QJsonDocument::fromJson(file.readAll()).array();
        QVERIFY(cells.size() >= 1000);
        for (const auto &c : cells) {
            const QJsonObject o = c.toObject();
            QTest::newRow(qPrintable(o[QStringLiteral("name")].toString()))
                << o[QStringLiteral("cell")].toString() << o[QStringLiteral("output")].toString()
                << o[QStringLiteral("repr")].toString() << o[QStringLiteral("dtype")].toString()
                << o[QStringLiteral("error")].toString() << o[QStringLiteral("line")].toInt()
                << o[QStringLiteral("column")].toInt();
        }
    }

    void cells()
    {
        QFETCH(QString, cell);
        QFETCH(QString, output);
        QFETCH(QString, repr);
        QFETCH(QString, dtype);
        QFETCH(QString, error);
        QFETCH(int, line);
        QFETCH(int, column);
        core::cell::Session session;
        const core::cell::CellResult r = session.run(cell.toStdString());
        QCOMPARE(QString::fromStdString(r.error ? r.error->text() : std::string()), error);
        QCOMPARE(QString::fromStdString(r.output), output);
        QCOMPARE(QString::fromStdString(r.valueRepr), repr);
        const QString gotDtype =
            r.value && r.value->isArray()
                ? QString::fromLatin1(core::dtypeName(r.value->asArray().dtype()).data())
                : QString();
        QCOMPARE(gotDtype, dtype);
        if (r.error) {
            QCOMPARE(r.error->line, line);
            if (error.startsWith(QLatin1String("SyntaxError")) ||
                error.startsWith(QLatin1String("IndentationError")))
                QCOMPARE(r.error->column, column);
        }
    }
};

QTEST_APPLESS_MAIN(TestCellGolden)
#include "test_cellgolden.moc"
