#pragma once
// A square to draw a digit on with the mouse: dark ink on white paper (the book's binary colormap),
// a round anti-aliased pen about as thick, relative to the square, as MNIST's strokes. The left
// button draws, the right one erases; clear() wipes it all.

#include <QImage>
#include <QWidget>
#include <vector>

namespace ui {

class DrawCanvas : public QWidget {
    Q_OBJECT
public:
    static constexpr int kSide = 280; // ten canvas pixels per MNIST pixel

    explicit DrawCanvas(QWidget *parent = nullptr);

    // kSide x kSide values in [0, 1], row-major, 1 = ink.
    std::vector<float> ink() const;
    bool isEmpty() const { return m_empty; }
    // Replaces the drawing by an image (its darkness is ink, scaled to the canvas), e.g. a
    // scanned digit or a test's known digit.
    void setDrawing(const QImage &image);
    // Draws a stroke through points given in canvas pixels (0..kSide).
    void stroke(const QList<QPointF> &points);
    void clear();

    QSize sizeHint() const override;
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int w) const override { return w; }

signals:
    void drawingChanged();

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    QRectF square() const;
    QPointF toCanvas(QPointF widget) const;
    void segment(QPointF from, QPointF to);
    void updateEmpty();

    QImage m_ink; // Grayscale8, 0 paper, 255 ink
    bool m_empty = true;
    bool m_drawing = false;
    bool m_erasing = false;
    QPointF m_last;
};

} // namespace ui
