#pragma once
// Where each element of a tensor goes when it is drawn, as the chapter draws tensors: rank 0 a
// single number, rank 1 a row of cells, rank 2 a grid, rank 3 a stack of grids (index 0 in front,
// the others behind it up and to the right, each peeking out by a whole cell), rank 4 a row of
// stacks and rank 5 a grid of stacks. A tensor is drawn whole when every cell still fits at a
// readable size (a 28 x 28 digit shows its ink); else its long axes are summarised as NumPy prints
// them: the first and last entries around an ellipsis. Pure geometry, no painting: the view draws
// it, the Operations page moves elements between two layouts, tests check it.

#include <QPointF>
#include <QRectF>
#include <QString>
#include <cstdint>
#include <vector>

namespace ui {

struct TensorCell {
    std::vector<std::int64_t> index; // one entry per axis
    QRectF rect;
};

// A drawn "⋯" standing for the entries an axis summarises.
struct TensorEllipsis {
    QRectF rect;
    bool vertical = false; // the elided axis runs down (rows) rather than across
};

// An axis' bracket: a line along the entries it spans, with its name and length beside it.
struct TensorAxisMark {
    int axis = 0;
    QPointF from, to; // the bracket's line
    QPointF labelAt;  // the label's anchor: its centre
    bool vertical = false;
    bool diagonal = false; // the stacking axis runs up and to the right
};

class TensorLayout {
public:
    // The visible entries of an axis of length n: all when n <= maxShown, else 0, 1, 2, -1 (the
    // ellipsis), n - 3, n - 2, n - 1.
    static std::vector<std::int64_t> shownEntries(std::int64_t n, int maxShown);

    // shape: rank 0 to 5 (a higher rank lays nothing out). area: where to draw; labelHeight: the
    // height of one line of the axis labels, for which room is kept around the cells. maxCell caps
    // a cell's side.
    TensorLayout(std::vector<std::int64_t> shape, const QRectF &area, double labelHeight,
                 double maxCell = 64.0);

    const std::vector<std::int64_t> &shape() const { return m_shape; }
    int rank() const { return static_cast<int>(m_shape.size()); }
    double cellSize() const { return m_cell; }
    // In drawing order: the back layers of a stack first, so later cells cover earlier ones.
    const std::vector<TensorCell> &cells() const { return m_cells; }
    const std::vector<TensorEllipsis> &ellipses() const { return m_ellipses; }
    const std::vector<TensorAxisMark> &axisMarks() const { return m_marks; }
    // The rectangle every cell and ellipsis lies in.
    QRectF bounds() const { return m_bounds; }
    // The cell drawn at point (the front one where cells overlap), or -1.
    int cellAt(const QPointF &point) const;
    // The cell showing this index, or -1 when the index is summarised away.
    int cellOf(const std::vector<std::int64_t> &index) const;
    // How many entries of each axis a summary keeps (changes with the rank).
    static int maxShown(int rank, int axis);

private:
    void place(const QRectF &area, double labelHeight, double maxCell);
    // Lays the given entries of each axis out; returns the cell size.
    double layOut(const std::vector<std::vector<std::int64_t>> &entries, const QRectF &area,
                  double labelHeight, double maxCell);

    std::vector<std::int64_t> m_shape;
    double m_cell = 0;
    std::vector<TensorCell> m_cells;
    std::vector<TensorEllipsis> m_ellipses;
    std::vector<TensorAxisMark> m_marks;
    QRectF m_bounds;
};

} // namespace ui
