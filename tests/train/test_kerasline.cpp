// Keras' progress line on the Train page (ui/train/kerasline.h): it lays its text out once per
// text and draws that layout, and the picture is the one QPainter::drawText with word wrap makes.

#include "ui/train/kerasline.h"

#include <QImage>
#include <QPainter>
#include <QTest>

using ui::KerasLine;

namespace {

// The line's picture against QPainter::drawText's, wrapped at words in the same rectangle.
bool drawsAsDrawText(KerasLine &line)
{
    const QImage shown = line.grab().toImage().convertToFormat(QImage::Format_RGB32);
    QImage expected(shown.size(), QImage::Format_RGB32);
    expected.fill(line.palette().color(line.backgroundRole()));
    QPainter p(&expected);
    p.setFont(line.font());
    p.setPen(line.palette().color(QPalette::WindowText));
    p.drawText(QRect(QPoint(), shown.size()).adjusted(2, 1, -2, -1),
               Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, line.text());
    p.end();
    return shown == expected;
}

} // namespace

class TestKerasLine : public QObject {
    Q_OBJECT

private slots:
    void drawsWhatDrawTextDraws_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("width");
        const QString batch = QStringLiteral(
            "Epoch 3/10  212/469 [=============>................] - ETA: 1s - loss: 0.1376 - "
            "accuracy: 0.9586");
        const QString epoch = QStringLiteral(
            "Epoch 10/10  469/469 [==============================] - 2s 4ms/step - loss: 0.0380 - "
            "accuracy: 0.9890 - val_loss: 0.0702 - val_accuracy: 0.9786");
        for (int width : {900, 420, 160}) {
            QTest::addRow("batch, %d", width) << batch << width;
            QTest::addRow("epoch, %d", width) << epoch << width;
        }
        QTest::addRow("two lines") << QStringLiteral("Epoch 1/5\nstarting") << 500;
        QTest::addRow("a word longer than the line")
            << QStringLiteral("[==============================================]") << 120;
        QTest::addRow("empty") << QString() << 300;
    }

    void drawsWhatDrawTextDraws()
    {
        QFETCH(QString, text);
        QFETCH(int, width);
        KerasLine line;
        line.resize(width, 10);
        line.setText(text);
        line.resize(width, line.height()); // setText fits the height to the lines
        QVERIFY(drawsAsDrawText(line));
    }

    void aNewWidthLaysTheTextOutAgain()
    {
        KerasLine line;
        line.resize(900, 10);
        line.setText(QStringLiteral("Epoch 1/1  469/469 [==============================] - 3s "
                                    "6ms/step - loss: 0.2563 - accuracy: 0.9260"));
        line.show(); // a hidden widget gets its resize events when shown
        QVERIFY(QTest::qWaitForWindowExposed(&line));
        const int wide = line.height();
        line.resize(150, wide);
        QVERIFY2(line.height() > wide, qPrintable(QString::number(line.height())));
        QVERIFY(drawsAsDrawText(line));
    }
};

QTEST_MAIN(TestKerasLine)
#include "test_kerasline.moc"
