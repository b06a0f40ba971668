#pragma once
// The Gradient page's first tab (section 2.4.1, "What's a derivative?"): a loss curve f(x), the
// point x with its tangent and slope f'(x) from the engine's autodiff (the cell's
// tf.GradientTape), the finite-difference estimate beside it, and one step x − η·f'(x). Drag x in
// the picture; choose a curve or type one in the cell.

#include "core/cell/tape.h"
#include "ui/common/celltab.h"

#include <memory>
#include <optional>

class QDoubleSpinBox;
class QLabel;
class QPushButton;

namespace ui {

class CurveView;
class ExampleList;

class DerivativeTab : public CellTab {
    Q_OBJECT
public:
    explicit DerivativeTab(QWidget *parent = nullptr);

    QWidget *side() const override { return m_side; }
    QString cell() const override;
    void showRun(const CellRun &run) override;

    CurveView *view() const { return m_view; }
    ExampleList *examples() const { return m_examples; }
    QDoubleSpinBox *rateBox() const { return m_rate; }
    QPushButton *stepButton() const { return m_step; }
    // The numbers shown: x, f(x), f'(x) by autodiff and by finite differences.
    struct Reading {
        double x, y, slope, finiteDifference;
    };
    std::optional<Reading> reading() const { return m_reading; }
    QString readoutText() const;

private:
    void showAt(double x);    // evaluates the recorded tape at x (dragging, no cell run)
    void onDropped(double x); // writes x into the cell
    void onRateChanged(double rate);
    void takeStep();

    CurveView *m_view;
    QLabel *m_readout;
    QWidget *m_side;
    ExampleList *m_examples;
    QDoubleSpinBox *m_rate;
    QPushButton *m_step;
    QString m_cell; // the cell last run
    std::shared_ptr<const core::cell::RecordedTape> m_tape;
    std::string m_target, m_source;
    double m_lo = -3, m_hi = 3;
    std::optional<double> m_learningRate;
    std::optional<Reading> m_reading;
};

} // namespace ui
