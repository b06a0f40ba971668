#pragma once
// Preprocessing, shown for one digit: train_images.reshape((60000, 28 * 28)).astype("float32") /
// 255 turns each 28x28 digit into 784 values in [0, 1], row after row. The strip draws those 784
// values in order, with a tick where each image row starts; hovering tells the index, pixel and
// value.

#include "core/tensor/tensor.h"

#include <QImage>
#include <QList>
#include <QStringList>
#include <QWidget>
#include <optional>

namespace ui {

class FlattenStrip : public QWidget {
    Q_OBJECT
public:
    explicit FlattenStrip(QWidget *parent = nullptr);

    // digit: (rows, cols) uint8; caption: the Python that selects it, e.g. "x[4]".
    void setDigit(const core::Tensor &digit, const QString &caption);
    // No digit: the strip says so, as the large view does.
    void clear();
    // The preprocessed values (float32, length rows*cols).
    const core::Tensor &values() const { return m_values; }
    std::optional<int> indexAt(const QPointF &pos) const;
    // The caption as drawn at the current width: one line, or two broken before a method call.
    QStringList captionLines() const;
    // Where the axis numbers (0, 196, 392, 588, 784) are drawn.
    QList<QRectF> axisLabelRects() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override { return {200, 60}; }

protected:
    void paintEvent(QPaintEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    QRectF stripRect() const;
    QString description() const;

    core::Tensor m_values;
    QImage m_image;
    int m_rowLength = 28;
    QString m_caption;
    std::optional<int> m_hover;
};

} // namespace ui
