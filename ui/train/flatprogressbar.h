#pragma once
// A progress bar painted flat (the accent colour on the base colour, the text on top): the Fusion
// style's gradients and rounded frames cost ten times more per repaint, and this bar repaints
// while training.

#include <QProgressBar>
#include <QStringList>

namespace ui {

class FlatProgressBar : public QProgressBar {
    Q_OBJECT
public:
    explicit FlatProgressBar(QWidget *parent = nullptr);

    // QProgressBar::setValue paints the bar at once, and with it everything else waiting to be
    // painted, in a flush to the screen of its own: this paints with the rest of the window.
    void setValueLater(int value);

    // Shorter wordings of the format's text, longest first: the bar shows the longest that fits
    // (the last one elided if none does); empty for none.
    void setShortTexts(const QStringList &texts);
    void setShortText(const QString &text) { setShortTexts({text}); }

    // The text as painted at the current width.
    QString shownText() const;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QStringList m_shortTexts;
};

} // namespace ui
