#pragma once
// One digit, large, as plt.imshow(digit, cmap=plt.cm.binary) shows it: white ground, dark ink,
// ticks every 5 pixels. Hovering tells the row, column and value under the mouse. When a slice
// crops the digit, the kept rectangle is drawn over it and can be dragged and resized, which edits
// the slice.

#include "core/tensor/tensor.h"
#include "ui/mnist/slicestate.h"

#include <QImage>
#include <QWidget>
#include <optional>

namespace ui {

class DigitView : public QWidget {
    Q_OBJECT
public:
    explicit DigitView(QWidget *parent = nullptr);

    // digit: rank 2 (rows, cols), uint8 or float32. A narrow view shows shortTitle (if given)
    // rather than cutting title.
    void setDigit(const core::Tensor &digit, const QString &title, const QString &shortTitle = {});
    // The title as drawn in `width` pixels: the full one, the short one, or the short one cut.
    QString titleFor(double width) const;
    void setCrop(std::optional<CropRect> crop, bool editable);
    std::optional<CropRect> crop() const { return m_crop; }
    void setLineScale(double scale);

    // The picture at a fixed size, for PNG export.
    QImage render(int size = 640);

    // Where pixel (row, col) is drawn, and the pixel under a point (for tests and hover).
    QRectF pixelRect(int row, int col) const;
    std::optional<QPoint> pixelAt(const QPointF &pos) const; // x = col, y = row

    QSize sizeHint() const override { return {420, 420}; }
    QSize minimumSizeHint() const override { return {200, 200}; }

signals:
    void cropEdited(const ui::CropRect &crop);
    void hovered(int row, int col, double value);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    enum Edge { None = 0, Left = 1, Right = 2, Top = 4, Bottom = 8, Move = 16 };
    void paintInto(QPainter &p, const QRectF &area);
    QRectF imageRect(const QRectF &area) const;
    QRectF pixelRectIn(const QRectF &area, int row, int col) const;
    QRectF cropRectIn(const QRectF &area) const;
    int hitTest(const QPointF &pos) const;
    void updateCursor(int edges);

    core::Tensor m_digit;
    QImage m_image;
    QString m_title;
    QString m_shortTitle;
    std::optional<CropRect> m_crop;
    bool m_editable = false;
    double m_lineScale = 1.0;
    std::optional<QPoint> m_hover;
    int m_dragEdges = None;
    QPointF m_dragStart;
    CropRect m_dragOrigin;
};

} // namespace ui
