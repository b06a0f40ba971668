#pragma once
// The first layer's weights as pictures: unit u's 784 weights (column u of the 784 x units kernel)
// laid out as the 28 x 28 image they multiply, in the diverging blue-white-red map (blue negative,
// red positive, each unit scaled to its own largest |w|). A grid of the first 64 units, and the
// selected one large with the exact weight under the mouse. Images are made only when painted, so
// a hidden grid costs nothing during training.

#include "ui/train/trainsnapshots.h"

#include <QImage>
#include <QWidget>

namespace ui {

class WeightGrid : public QWidget {
    Q_OBJECT
public:
    static constexpr int kColumns = 8;
    static constexpr int kMaxTiles = kColumns * kColumns;

    explicit WeightGrid(QWidget *parent = nullptr);

    void setModel(const ModelSnapshot &model);
    // Units shown (at most 64; 0 without a model or when the inputs are not a square image).
    int tileCount() const;
    int unitCount() const;
    int selectedUnit() const { return m_selected; }
    void selectUnit(int unit);

    // Unit u's weights as a side x side image (side = 28 for MNIST), one pixel per weight.
    QImage unitImage(int unit) const;
    // The grid's tiles, one pixel per weight: unit u's image at (u % 8, u / 8) * (side + 1).
    QImage tiles() const;
    // What the colours mean, as painted beside the large unit: shorter wordings where the whole
    // does not fit, nothing where none does.
    QString note() const;
    // The largest |w| of a unit (its colour scale).
    float unitScale(int unit) const;
    // What the tooltip says at a widget position (empty over nothing).
    QString describeAt(QPoint position) const;

    void setLineScale(double scale);
    QSize sizeHint() const override;

signals:
    void unitSelected(int unit);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;

private:
    struct Geometry {
        QRectF grid;  // the tiles
        QRectF large; // the selected unit
        double tile = 0.0;
        double gap = 0.0;
        QRectF gridCaption, largeCaption; // under the grid and the large unit
        QRectF bar, labels;               // the colour scale and its numbers
        QRectF note;                      // what the colours mean, beside the large unit
    };
    Geometry geometry() const;
    // What a new copy of the same network changes: the tiles, the large unit, the scale's numbers
    // (one rectangle around them, the captions inside it).
    QRect weightsArea(const Geometry &g) const;
    int tileAt(QPointF p) const;
    void rebuildTiles() const;

    ModelSnapshot m_model;
    int m_side = 0; // image side (28), 0 when the inputs are not a square
    int m_selected = 0;
    double m_scale = 1.0;
    mutable bool m_dirty = true;
    mutable QImage m_tiles; // kColumns x rows of side x side, 1-pixel gaps
    mutable QImage m_large; // the selected unit's image, made again with the tiles
    mutable int m_largeUnit = -1;
};

} // namespace ui
