#pragma once
// A tensor drawn as the chapter draws it (see TensorLayout): its elements as cells with their
// values, each axis bracketed and labelled with its length in the axis' own colour. Hover a cell
// for its index tuple and value. Without values (setShape) it draws the shape alone, which is how
// a (4, 240, 144, 256, 3) video batch is shown without allocating 405 MB.

#include "core/tensor/tensor.h"
#include "ui/common/tensorlayout.h"

#include <QColor>
#include <QStringList>
#include <QWidget>
#include <functional>
#include <optional>

namespace ui {

class TensorView : public QWidget {
    Q_OBJECT
public:
    // A colour for a cell that is highlighted, nullopt for the usual tint.
    using Highlighter = std::function<std::optional<QColor>(const std::vector<std::int64_t> &)>;

    explicit TensorView(QWidget *parent = nullptr);

    // The values (any dtype) and, optionally, a name for each axis ("samples", "height"...).
    void setTensor(const core::Tensor &tensor, const QStringList &axisNames = {});
    // The shape alone, drawn as empty cells.
    void setShape(const std::vector<std::int64_t> &shape, const QStringList &axisNames = {});
    // Nothing drawn but the message (e.g. "no array yet").
    void clear(const QString &message);
    void setHighlighter(Highlighter highlighter);
    using CellTest = std::function<bool(const std::vector<std::int64_t> &)>;
    // Cells whose value is not drawn (not computed yet, in a step-by-step product).
    void setValueHidden(CellTest hidden);
    // Cells drawn faded (repeated by broadcasting rather than stored).
    void setFaded(CellTest faded);
    // A small label in each cell's corner (a reshape shows each element's place in memory).
    void setCornerLabel(std::function<QString(const std::vector<std::int64_t> &)> label);
    // Python's name for the array in the hover text: "x[1, 2] = 36".
    void setName(const QString &name);
    QString name() const { return m_name; }
    // Draw the front cells only up to this size (the Operations page keeps operands small).
    void setMaxCell(double pixels);

    std::optional<core::Tensor> tensor() const { return m_tensor; }
    const std::vector<std::int64_t> &shape() const { return m_shape; }
    // The layout for the widget's current size (tests, animations).
    TensorLayout layout() const;
    // The layout another shape would have here (an animation between two shapes).
    TensorLayout layoutFor(const std::vector<std::int64_t> &shape) const;
    // The text under a point: "x[1, 2, 3] = 36", "index (1, 2, 3)" without values, or "".
    QString describeAt(const QPointF &point) const;
    QString hoverText() const { return m_hover; }
    // The label of an axis as drawn: "axis 1 · 5", "samples · 128".
    QString axisLabel(int axis) const;
    QSize sizeHint() const override { return {480, 320}; }
    QSize minimumSizeHint() const override { return {160, 120}; }

signals:
    void hoverChanged(const QString &text);

protected:
    void paintEvent(QPaintEvent *event) override;
    void paintAxes(QPainter &painter, const TensorLayout &layout) const;
    void mouseMoveEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    void paintCells(QPainter &painter, const TensorLayout &layout) const;
    QColor tintOf(const std::vector<std::int64_t> &index, double maxAbs) const;
    QString valueText(const std::vector<std::int64_t> &index) const;
    void setHover(const QString &text);

    std::optional<core::Tensor> m_tensor;
    std::vector<std::int64_t> m_shape;
    QStringList m_axisNames;
    QString m_name = QStringLiteral("x");
    QString m_message;
    Highlighter m_highlighter;
    CellTest m_hidden;
    CellTest m_faded;
    std::function<QString(const std::vector<std::int64_t> &)> m_cornerLabel;
    double m_maxCell = 64.0;
    QString m_hover;
};

} // namespace ui
