#pragma once
// The Gradient page's descent tab (sections 2.4.2-2.4.3): a loss of two weights, as a map with its
// contour lines and as a surface in 3D, and the paths SGD, SGD with momentum, RMSprop and Adam
// take from a start the user drags — the Train page's optimizers, the same core code. A learning
// rate too small crawls, one about right converges, one too large diverges, and the path stops
// where it did. The loss is the cell's, differentiated by the engine's tf.GradientTape.

#include "core/cell/tape.h"
#include "core/gradient/descent.h"
#include "ui/common/celltab.h"

#include <QRectF>
#include <array>
#include <memory>
#include <optional>

class QBoxLayout;
class QCheckBox;
class QDoubleSpinBox;
class QLabel;
class QSpinBox;

namespace ui {

class ContourView;
class ExampleList;
class SurfaceView;

class DescentTab : public CellTab {
    Q_OBJECT
public:
    explicit DescentTab(QWidget *parent = nullptr);

    QWidget *side() const override { return m_side; }
    QString cell() const override;
    void showRun(const CellRun &run) override;

    static constexpr int kOptimizers = 4; // SGD, SGD with momentum, RMSprop, Adam
    static QString optimizerName(int i);

    ContourView *map() const { return m_map; }
    SurfaceView *surface() const { return m_surface; }
    ExampleList *examples() const { return m_examples; }
    QDoubleSpinBox *rateBox() const { return m_rate; }
    QCheckBox *optimizerBox(int i) const { return m_use[static_cast<std::size_t>(i)]; }
    // The paths last drawn (empty for an optimizer switched off).
    const core::gradient::DescentPath &path(int i) const
    {
        return m_paths[static_cast<std::size_t>(i)];
    }
    std::optional<QPointF> start() const { return m_start; }
    QString outcomeText() const;
    // Chooses the learning rate the example calls too small (0), about right (1), too large (2).
    void chooseRate(int which);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    bool drawSurface(); // false (and the caption says why) when the loss cannot be drawn
    void updatePaths();
    void onDropped(QPointF w);
    // The steps each path may take within the time budget of a redraw.
    int affordableSteps() const;

    ContourView *m_map;
    SurfaceView *m_surface;
    QBoxLayout *m_pictures;
    QLabel *m_caption;
    QWidget *m_side;
    ExampleList *m_examples;
    std::array<QCheckBox *, kOptimizers> m_use{};
    QDoubleSpinBox *m_rate;
    QSpinBox *m_steps;
    QLabel *m_lesson;
    QString m_cell;
    std::shared_ptr<const core::cell::RecordedTape> m_tape;
    std::string m_target, m_source;
    QRectF m_domain{-2, -2, 4, 4}; // w0 from left to right, w1 from top() (low) to bottom()
    int m_example = 0;
    std::optional<QPointF> m_start;
    double m_secondsPerEvaluation = 1e-6; // measured at each run of the cell
    std::array<core::gradient::DescentPath, kOptimizers> m_paths;
};

} // namespace ui
