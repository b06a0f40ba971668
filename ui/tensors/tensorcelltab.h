#pragma once
// The Tensors page's first tab (section 2.2.1-2.2.6): the tensor a cell makes, drawn as a number, a
// row, a grid, a stack of grids or a grid of stacks, with its ndim, shape, dtype, nbytes and
// strides as NumPy reports them. The book's cells are one click away; any cell can be typed. A
// cell that fails leaves the last good picture in place (the code panel shows the error).

#include "ui/common/celltab.h"

class QLabel;

namespace ui {

class ExampleList;
class TensorView;

class TensorCellTab : public CellTab {
    Q_OBJECT
public:
    explicit TensorCellTab(QWidget *parent = nullptr);

    // The side column's controls: the book's cells.
    QWidget *side() const override { return m_side; }
    QString cell() const override;
    ExampleList *examples() const { return m_examples; }
    TensorView *view() const { return m_view; }
    // "ndim 2 · shape (3, 5) · dtype int64 · nbytes 120 · strides (40, 8)", as plain text.
    QString attributesText() const;

    void showRun(const CellRun &run) override;

private:
    TensorView *m_view;
    QLabel *m_attributes;
    QLabel *m_hover;
    QWidget *m_side;
    ExampleList *m_examples;
};

} // namespace ui
