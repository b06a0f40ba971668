#pragma once
// The Operations page's element-wise tab (section 2.3.1): x, y, z = x + y and np.maximum(z, 0.)
// drawn from the cell's x and y, the clamped elements marked; the book's naive_relu and naive_add
// beside them; and the book's timing experiment run live: two (20, 100) matrices, 1,000
// repetitions, the engine's vectorised kernels against the same work done element by element
// through its indexing (core/cell/naiveloops), next to the book's 0.02 s and 2.45 s.

#include "core/cell/naiveloops.h"
#include "ui/common/celltab.h"

#include <memory>
#include <optional>
#include <thread>

class QLabel;
class QPushButton;

namespace ui {

class TensorView;

class ElementwiseTab : public CellTab {
    Q_OBJECT
public:
    explicit ElementwiseTab(QWidget *parent = nullptr);
    ~ElementwiseTab() override;

    QWidget *side() const override { return m_side; }
    QString cell() const override;
    void showRun(const CellRun &run) override;

    TensorView *reluView() const { return m_relu; }
    TensorView *sumView() const { return m_sum; }
    QPushButton *timeButton() const { return m_time; }
    // The experiment's result once it has run.
    std::optional<core::cell::ElementwiseTiming> timing() const { return m_timing; }
    QString timingText() const;

signals:
    void timingFinished();

private:
    void startTiming();
    void onTimed(core::cell::ElementwiseTiming timing, QString error);

    TensorView *m_x, *m_y, *m_sum, *m_relu;
    QLabel *m_caption;
    QWidget *m_side;
    QPushButton *m_time;
    QLabel *m_timingLabel;
    std::optional<core::cell::ElementwiseTiming> m_timing;
    std::thread m_worker;
};

} // namespace ui
