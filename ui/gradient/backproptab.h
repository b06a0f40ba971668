#pragma once
// The Gradient page's backpropagation tab (section 2.4.4, Figures 2.22-2.26): the book's graph
// x1 = x·w, x2 = x1 + b, loss_val = abs(y_true − x2), played node by node forward and edge by
// edge backward with the chain rule written out, beside the engine's tf.GradientTape gradients
// for the same x, w, b, y_true (the cell), which must be the same numbers.

#include "core/gradient/backprop.h"
#include "ui/common/celltab.h"

#include <array>
#include <optional>

class QDoubleSpinBox;
class QLabel;

namespace ui {

class GraphView;
class Playhead;

class BackpropTab : public CellTab {
    Q_OBJECT
public:
    explicit BackpropTab(QWidget *parent = nullptr);

    QWidget *side() const override { return m_side; }
    QString cell() const override;
    void showRun(const CellRun &run) override;

    GraphView *view() const { return m_view; }
    Playhead *playhead() const { return m_playhead; }
    const std::optional<core::gradient::BackpropGraph> &graph() const { return m_graph; }
    // The cell's tape.gradient(loss_val, [w, b]), when it ran.
    std::optional<std::pair<double, double>> engineGradients() const { return m_engine; }
    QString comparisonText() const;
    QString stepText() const;

private:
    void showTime(double t);
    void onValueEdited(int input);

    GraphView *m_view;
    Playhead *m_playhead;
    QLabel *m_caption;
    QWidget *m_side;
    std::array<QDoubleSpinBox *, 4> m_inputs{}; // x, w, b, y_true
    QLabel *m_comparison;
    QString m_cell;
    std::optional<core::gradient::BackpropGraph> m_graph;
    std::optional<std::pair<double, double>> m_engine;
};

} // namespace ui
