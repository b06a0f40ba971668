#pragma once
// The Gradient page's mini-batch tab (section 2.4.3, "mini-batch stochastic gradient descent"):
// a linear classifier of two weights (the book's chapter 3 data, without its bias) whose true loss
// surface is drawn as a map, with the full gradient's step and the steps of many mini-batches from
// the current weights: the smaller the batch, the noisier the step. SGD's path over mini-batches
// runs beside full-batch gradient descent's. The cell computes one mini-batch's gradient with
// tf.GradientTape; the page's own computation of it is shown beside it.

#include "core/gradient/linearclassifier.h"
#include "ui/common/celltab.h"

#include <QRectF>
#include <memory>
#include <optional>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QSpinBox;

namespace ui {

class ContourView;

class MiniBatchTab : public CellTab {
    Q_OBJECT
public:
    explicit MiniBatchTab(std::shared_ptr<const core::gradient::LinearClassifier> model,
                          QWidget *parent = nullptr);

    QWidget *side() const override { return m_side; }
    QString cell() const override;
    void showRun(const CellRun &run) override;

    static constexpr int kBatchSizes[] = {1, 8, 32, 128, 1000};
    ContourView *map() const { return m_map; }
    QSpinBox *stepsBox() const { return m_steps; }
    const core::gradient::SgdPath &sgd() const { return m_sgd; }
    const core::gradient::DescentPath &fullBatch() const { return m_full; }
    // The cell's gradient for its batch and the page's own for the same rows.
    std::optional<Eigen::Vector2d> cellGradient() const { return m_cellGradient; }
    std::optional<Eigen::Vector2d> pageGradient() const { return m_pageGradient; }
    QString captionText() const;

    // Writes batch_size (or the learning rate) into the cell.
    void chooseBatchSize(int size);

private:
    void redraw();
    void onDropped(QPointF w);

    std::shared_ptr<const core::gradient::LinearClassifier> m_model;
    ContourView *m_map;
    QLabel *m_caption;
    QWidget *m_side;
    QComboBox *m_sizes;
    QDoubleSpinBox *m_rate;
    QSpinBox *m_steps;
    QString m_cell;
    Eigen::Vector2d m_w{-0.5, 1.0};
    int m_batchSize = 32;
    double m_learningRate = 0.05;
    QRectF m_domain;
    core::gradient::SgdPath m_sgd;
    core::gradient::DescentPath m_full;
    std::optional<Eigen::Vector2d> m_cellGradient, m_pageGradient;
};

} // namespace ui
