// Captions shorten to fit their box: the longest wording that fits, word-wrapped, is chosen; a
// FittingLabel does the same as its width changes, and asks only for its shortest wording's width;
// an unwrapped code panel title gives way to its short form.

#include "ui/common/captions.h"
#include "ui/common/codepanel.h"
#include "ui/common/fittinglabel.h"
#include "ui/common/messagetext.h"

#include <QApplication>
#include <QFontMetricsF>
#include <QLabel>
#include <QTest>

class TestCaptions : public QObject {
    Q_OBJECT

    const QStringList m_captions{QStringLiteral("unit 0: kernel[:, 0].reshape((28, 28))"),
                                 QStringLiteral("unit 0: kernel[:, 0]"), QStringLiteral("unit 0")};

    QRectF oneLine(const QFontMetricsF &fm, const QString &text) const
    {
        return QRectF(0, 0, fm.horizontalAdvance(text) + 1, fm.height());
    }

private slots:
    void longWordsInMessagesAreShortened()
    {
        QCOMPARE(ui::shortenLongWords(QStringLiteral("got '3,3' for 4")),
                 QStringLiteral("got '3,3' for 4"));
        const QString typed(3000, QLatin1Char('9'));
        const QString shown =
            ui::shortenLongWords(QStringLiteral("expected a number, got '%1' here").arg(typed), 11);
        QCOMPARE(shown, QStringLiteral("expected a number, got '9999\u20269999' here"));
        // A surrogate pair is never split.
        QString emoji;
        for (int i = 0; i < 30; ++i)
            emoji += QString::fromUtf8("\xf0\x9f\x98\x80");
        const QString cut = ui::shortenLongWords(emoji, 11);
        QVERIFY(cut.size() < emoji.size());
        for (qsizetype i = 0; i < cut.size(); ++i)
            if (cut[i].isHighSurrogate())
                QVERIFY(i + 1 < cut.size() && cut[i + 1].isLowSurrogate());
    }

    void aWrappedMessageStaysNarrowWhateverIsTyped()
    {
        // A word-wrapped label cannot break a word: without the shortening, 3,000 typed nines
        // make its minimum, and the window's, tens of thousands of pixels wide.
        QLabel label;
        label.setWordWrap(true);
        label.setText(
            ui::shortenLongWords(QStringLiteral("Learning rate: expects a number above 0, got '%1'")
                                     .arg(QString(3000, QLatin1Char('9')))));
        QVERIFY2(label.minimumSizeHint().width() < 500,
                 qPrintable(QString::number(label.minimumSizeHint().width())));
    }

    void theLongestThatFitsIsChosen()
    {
        const QFontMetricsF fm(QApplication::font());
        QCOMPARE(ui::longestCaptionThatFits(fm, oneLine(fm, m_captions[0]), m_captions),
                 m_captions[0]);
        QCOMPARE(ui::longestCaptionThatFits(fm, oneLine(fm, m_captions[1]), m_captions),
                 m_captions[1]);
        QCOMPARE(ui::longestCaptionThatFits(fm, oneLine(fm, m_captions[2]), m_captions),
                 m_captions[2]);
    }

    void wrappingCountsAgainstTheHeight()
    {
        // Two lines as wide as the shorter caption hold the longer one wrapped; one does not.
        const QFontMetricsF fm(QApplication::font());
        const QStringList grid{QStringLiteral("First 64 of 512 units of model.layers[0]"),
                               QStringLiteral("First 64 of 512 units")};
        QRectF twoLines = oneLine(fm, grid[1]);
        twoLines.setHeight(2 * fm.lineSpacing());
        QCOMPARE(ui::longestCaptionThatFits(fm, twoLines, grid), grid[0]);
        twoLines.setHeight(fm.height());
        QCOMPARE(ui::longestCaptionThatFits(fm, twoLines, grid), grid[1]);
    }

    void nothingFitsGivesTheShortest()
    {
        const QFontMetricsF fm(QApplication::font());
        QCOMPARE(ui::longestCaptionThatFits(fm, QRectF(0, 0, 3, 3), m_captions), m_captions[2]);
        QCOMPARE(ui::longestCaptionThatFits(fm, QRectF(0, 0, 3, 3), {}), QString());
    }

    void wrappedLinesKeepEveryWordWithinTheWidth()
    {
        // A box's lines broken at spaces: none wider than asked, no word lost or cut, a line
        // that fits left as it is (its runs of spaces too).
        const QFontMetricsF fm(QApplication::font());
        const QStringList lines{QStringLiteral("det = -3.58   (areas × 3.58, orientation flipped)"),
                                QStringLiteral("short")};
        const double width = fm.horizontalAdvance(QStringLiteral("(areas × 3.58,")) + 1;
        const QStringList wrapped = ui::wrapLines(fm, lines, width);
        QVERIFY(wrapped.size() > 3);
        for (const QString &l : wrapped)
            QVERIFY2(fm.horizontalAdvance(l) <= width, qPrintable(l));
        QCOMPARE(wrapped.join(QLatin1Char(' ')).simplified(),
                 lines.join(QLatin1Char(' ')).simplified());
        QCOMPARE(wrapped.constLast(), QStringLiteral("short"));
        QCOMPARE(ui::wrapLines(fm, lines, 10000), lines);
    }

    void aLabelShowsTheLongestWordingThatFits()
    {
        const QStringList wordings{QStringLiteral("Dense(10, softmax): one probability per digit"),
                                   QStringLiteral("Dense(10, softmax)")};
        ui::FittingLabel label(wordings);
        label.show(); // a hidden widget gets its resize events only when shown
        QVERIFY(QTest::qWaitForWindowExposed(&label));
        const QFontMetricsF fm(label.font());
        QVERIFY(label.sizeHint().width() >= fm.horizontalAdvance(wordings[0]));
        QVERIFY(label.minimumSizeHint().width() >= fm.horizontalAdvance(wordings[1]));
        QVERIFY(label.minimumSizeHint().width() < fm.horizontalAdvance(wordings[0]));
        label.resize(label.sizeHint());
        QCOMPARE(label.text(), wordings[0]);
        label.resize(label.minimumSizeHint());
        QCOMPARE(label.text(), wordings[1]);
        label.resize(label.sizeHint() + QSize(50, 0));
        QCOMPARE(label.text(), wordings[0]);
        // A larger font (presentation mode) asks for more and may need the short wording.
        QFont big = label.font();
        big.setPointSizeF(big.pointSizeF() * 1.5);
        label.setFont(big);
        QVERIFY(label.sizeHint().width() >= QFontMetricsF(big).horizontalAdvance(wordings[0]));
        QCOMPARE(label.text(), wordings[1]);
    }

    void anUnwrappedCodeTitleShortens()
    {
        ui::CodePanel panel;
        panel.setTitleWraps(false);
        const QString full = QStringLiteral("The same in Keras (listings 2.1-2.7)");
        const QString brief = QStringLiteral("The same in Keras");
        panel.setTitle(full, brief);
        panel.resize(600, 200);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QCOMPARE(panel.title(), full);
        const QFontMetricsF fm(panel.findChild<QLabel *>(QStringLiteral("codeTitle"))->font());
        panel.resize(int(fm.horizontalAdvance(full) * 0.8) + 100, 200); // + the Copy button
        QTRY_COMPARE(panel.title(), brief);
        panel.resize(600, 200);
        QTRY_COMPARE(panel.title(), full);
    }
};

QTEST_MAIN(TestCaptions)
#include "test_captions.moc"
