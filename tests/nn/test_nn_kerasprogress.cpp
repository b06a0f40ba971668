// Keras' progress line (core/nn/kerasprogress): character for character what keras.utils.Progbar
// prints (verbose=1), and the in-place redraw only on a terminal.

#include "core/nn/kerasprogress.h"

#include <QTest>
#include <cstdio>
#include <string>

using namespace core::nn;

namespace {

// What a KerasProgress wrote, read back from an anonymous file.
class Capture {
public:
    Capture() : m_file(std::tmpfile()) {}
    ~Capture()
    {
        if (m_file) std::fclose(m_file);
    }
    Capture(const Capture &) = delete;
    Capture &operator=(const Capture &) = delete;
    std::FILE *file() const { return m_file; }
    std::string text() const
    {
        std::rewind(m_file);
        std::string s;
        for (int c; (c = std::fgetc(m_file)) != EOF;)
            s += static_cast<char>(c);
        return s;
    }

private:
    std::FILE *m_file;
};

} // namespace

class TestNnKerasProgress : public QObject {
    Q_OBJECT

private slots:
    void line_data()
    {
        QTest::addColumn<int>("current");
        QTest::addColumn<int>("target");
        QTest::addColumn<double>("seconds");
        QTest::addColumn<double>("loss");
        QTest::addColumn<double>("accuracy");
        QTest::addColumn<bool>("finished");
        QTest::addColumn<QString>("expected");
        // The line: the book's first epoch, 1 s for 469 steps.
        QTest::newRow("finished epoch")
            << 469 << 469 << 1.0 << 0.2570 << 0.9260 << true
            << "469/469 [==============================] - 1s 2ms/step - loss: 0.2570 - "
               "accuracy: 0.9260";
        // 100 of 469 steps in 0.5 s: 30 * 100 / 469 = 6 columns, the last one the '>' head, and
        // 369 steps left at 5 ms each.
        QTest::newRow("in progress")
            << 100 << 469 << 0.5 << 0.4012 << 0.8801 << false
            << "100/469 [=====>........................] - ETA: 1s - loss: 0.4012 - "
               "accuracy: 0.8801";
        // The step count is padded to the width of the target, as Keras' "%3d/%d".
        QTest::newRow("padded, one column, ETA in minutes")
            << 17 << 469 << 3.4 << 1.5 << 0.5 << false
            << " 17/469 [>.............................] - ETA: 1:30 - loss: 1.5000 - "
               "accuracy: 0.5000";
        QTest::newRow("no column yet, ETA in hours")
            << 1 << 469 << 10.0 << 2.3 << 0.1 << false
            << "  1/469 [..............................] - ETA: 1:18:00 - loss: 2.3000 - "
               "accuracy: 0.1000";
        // Small values in Keras' %.4e; a slow epoch's time per step in seconds.
        QTest::newRow("tiny loss, seconds per step")
            << 5 << 5 << 12.6 << 0.0004 << 1.0 << true
            << "5/5 [==============================] - 13s 3s/step - loss: 4.0000e-04 - "
               "accuracy: 1.0000";
    }

    void line()
    {
        QFETCH(int, current);
        QFETCH(int, target);
        QFETCH(double, seconds);
        QFETCH(double, loss);
        QFETCH(double, accuracy);
        QFETCH(bool, finished);
        QFETCH(QString, expected);
        const std::string got = kerasProgressLine(
            current, target, seconds, {{"loss", loss}, {"accuracy", accuracy}}, finished);
        QCOMPARE(QString::fromStdString(got), expected);
    }

    // On a terminal: redrawn in place with '\r' while running, then the finished line and a
    // newline. Elsewhere: the finished line only, no '\r'.
    void redrawOnlyOnATerminal()
    {
        for (bool interactive : {true, false}) {
            Capture out;
            QVERIFY(out.file());
            KerasProgress progress(out.file(), interactive);
            progress.start(3);
            progress.update(1, 0.0, {{"loss", 1.0}});
            progress.update(2, 0.1, {{"loss", 0.5}});
            progress.finish(0.3, {{"loss", 0.25}});
            const std::string finished = "3/3 [==============================] - 0s 100ms/step"
                                         " - loss: 0.2500\n";
            if (interactive) {
                const std::string text = out.text();
                QCOMPARE(QString::fromStdString(text.substr(0, 2)), QStringLiteral("\r1"));
                QVERIFY(text.find("\r2/3 [===================>") != std::string::npos);
                QCOMPARE(QString::fromStdString(text.substr(text.rfind('\r') + 1)),
                         QString::fromStdString(finished));
            } else {
                QCOMPARE(QString::fromStdString(out.text()), QString::fromStdString(finished));
            }
        }
    }

    // A shorter line blanks what is left of the longer one before it.
    void shorterLineOverwritesTheRest()
    {
        Capture out;
        KerasProgress progress(out.file(), true);
        progress.start(2);
        progress.update(1, 0.0, {{"loss", 1.0}, {"accuracy", 0.5}});
        progress.finish(0.2, {{"loss", 0.5}});
        const std::string text = out.text();
        const std::size_t second = text.rfind('\r');
        const std::size_t firstWidth = second - 1, lastWidth = text.size() - second - 2;
        QCOMPARE(lastWidth, firstWidth);
        QVERIFY(text.find("0.5000 ") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestNnKerasProgress)
#include "test_nn_kerasprogress.moc"
