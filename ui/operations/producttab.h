#pragma once
// The Operations page's tensor product tab (section 2.3.3, Figure 2.5): np.dot(x, y) for a vector
// and a vector, a matrix and a vector, two matrices, drawn as the book's box diagram (x at the
// left, y above the result) and played one output element at a time: the row of x and the column
// of y being multiplied are highlighted with the sum written out. Beside it, a shape calculator
// for higher ranks with NumPy's message for a mismatch.

#include "core/tensor/tensor.h"
#include "ui/common/celltab.h"

#include <optional>

class QLabel;
class QLineEdit;

namespace ui {

class ExampleList;
class Playhead;
class TensorView;

class ProductTab : public CellTab {
    Q_OBJECT
public:
    explicit ProductTab(QWidget *parent = nullptr);

    QWidget *side() const override { return m_side; }
    QString cell() const override;
    void showRun(const CellRun &run) override;

    ExampleList *examples() const { return m_examples; }
    Playhead *playhead() const { return m_playhead; }
    TensorView *resultView() const { return m_zView; }
    QString caption() const;
    QLineEdit *shapeA() const { return m_shapeA; }
    QLineEdit *shapeB() const { return m_shapeB; }
    QString calculatorResult() const;

signals:
    // "The geometric reading": the Geometry page shows dot products as maps of the plane.
    void geometryRequested();

private:
    void showStep();
    void calculate();

    TensorView *m_xView, *m_yView, *m_zView;
    QLabel *m_caption;
    Playhead *m_playhead;
    QWidget *m_side;
    ExampleList *m_examples;
    QLineEdit *m_shapeA, *m_shapeB;
    QLabel *m_calculator;
    std::optional<core::Tensor> m_x, m_y, m_z;
};

} // namespace ui
