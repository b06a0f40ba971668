#pragma once
// Keras' progress line, drawn by hand: a QLabel asks its parent for a new layout at every setText,
// and a layout pass over the Train page at every redraw tick (12.5 Hz) costs training time on two
// cores.
// This widget only repaints itself. Long lines wrap at word boundaries; its height is fixed to the
// lines that Keras' longest line (with val_ metrics) needs at the current width and font, and
// changes only when those do (or a longer line arrives). Each text is laid out once, for its
// height and its picture (drawText would lay it out at every paint).

#include <QTextLayout>
#include <QWidget>

namespace ui {

class KerasLine : public QWidget {
    Q_OBJECT
public:
    explicit KerasLine(QWidget *parent = nullptr);

    void setText(const QString &text);
    // Whether Keras' lines end with val_loss and val_accuracy (fit with validation_data): the
    // longest line, and the height kept for it, are longer then.
    void setValMetrics(bool on);
    QString text() const { return m_text; }
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void measureLongest();
    void fitHeight();
    int textWidth() const;
    int linesFor(const QString &text, int width) const;
    // Lays the text out as QPainter::drawText with Qt::TextWordWrap does, once per text, width
    // and font: the height's line count and the painting both use it.
    void layoutText();

    QString m_text;
    QTextLayout m_layout;
    int m_laidOutWidth = -1; // textWidth() when m_layout was made; -1 when it must be made again
    int m_longestLines = 1;  // of Keras' longest line at the current width and font
    bool m_valMetrics = false;
};

} // namespace ui
