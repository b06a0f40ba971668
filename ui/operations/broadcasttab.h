#pragma once
// The Operations page's broadcasting tab (section 2.3.2): x + y for two shapes, in NumPy's two
// steps, played as three phases: step 1, axes of length 1 are added to the operand with fewer
// axes until both have the same rank; step 2, each operand is repeated along the axes where it has
// length 1 to the result's shape (drawn faded: NumPy only pretends to copy); then the sum.
// Incompatible shapes show NumPy's message and name the axis that fails.

#include "core/tensor/tensor.h"
#include "ui/common/celltab.h"

#include <optional>

class QLabel;

namespace ui {

class ExampleList;
class Playhead;
class TensorView;

class BroadcastTab : public CellTab {
    Q_OBJECT
public:
    explicit BroadcastTab(QWidget *parent = nullptr);

    QWidget *side() const override { return m_side; }
    QString cell() const override;
    void showRun(const CellRun &run) override;

    ExampleList *examples() const { return m_examples; }
    Playhead *playhead() const { return m_playhead; }
    TensorView *xView() const { return m_xView; }
    TensorView *yView() const { return m_yView; }
    TensorView *resultView() const { return m_result; }
    QString caption() const;

private:
    void showPhase();

    TensorView *m_xView, *m_yView, *m_result;
    QLabel *m_caption;
    Playhead *m_playhead;
    QWidget *m_side;
    ExampleList *m_examples;
    std::optional<core::Tensor> m_x, m_y, m_sum;
    std::optional<core::Shape> m_shape; // the broadcast result's, when the shapes fit
    QString m_error;
};

} // namespace ui
