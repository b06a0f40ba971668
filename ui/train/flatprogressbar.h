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

protected:
    void paintEvent(QPaintEvent *event) override;
};

} // namespace ui
