#pragma once
// A progress bar painted flat (the accent colour on the base colour, the text on top): the Fusion
// style's gradients and rounded frames cost ten times more per repaint, and this bar repaints
// while training.

#include <QProgressBar>

namespace ui {

class FlatProgressBar : public QProgressBar {
    Q_OBJECT
public:
    using QProgressBar::QProgressBar;

    // The text shown instead of the format's when that does not fit the bar (elided if this
    // does not either); empty for none.
    void setShortText(const QString &text);

    // The text as painted at the current width.
    QString shownText() const;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QString m_shortText;
};

} // namespace ui
