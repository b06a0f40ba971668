#pragma once
// What a training run has produced so far, as the charts plot it and the CSV export writes it:
// every batch's own loss and accuracy, their smoothed curves, and the per-epoch summaries (train
// and test). The x coordinate is in epochs: batch s of epoch e (1-based) sits at e - 1 + s / steps,
// so the axis reads "epoch" whatever the batch size.

#include "core/nn/trainer.h"
#include "ui/train/trainsnapshots.h"

#include <QPointF>
#include <QString>
#include <vector>

namespace ui {

class TrainHistory {
public:
    // Forgets everything; a run of epochs epochs of steps batches follows.
    void reset(int epochs, int stepsPerEpoch);
    void addBatch(const BatchPoint &point);
    void addEpoch(const core::nn::EpochSummary &summary);

    int epochs() const { return m_epochs; }
    int stepsPerEpoch() const { return m_steps; }
    bool isEmpty() const { return m_batches.empty(); }
    const std::vector<BatchPoint> &batches() const { return m_batches; }
    const std::vector<core::nn::EpochSummary> &epochSummaries() const { return m_summaries; }

    // Per batch, x in epochs.
    const std::vector<QPointF> &loss() const { return m_loss; }
    const std::vector<QPointF> &accuracy() const { return m_accuracy; }
    const std::vector<QPointF> &smoothLoss() const { return m_smoothLoss; }
    const std::vector<QPointF> &smoothAccuracy() const { return m_smoothAccuracy; }

    // The exponential moving average's weight for a run of steps batches per epoch: a window of
    // about a twentieth of an epoch (none for the few batches of the embedded sample).
    static double smoothingFor(int stepsPerEpoch);
    static double x(int epoch, int step, int steps);

    // One row per batch: epoch,step,batch_loss,batch_accuracy,smoothed_loss,smoothed_accuracy,
    // and on an epoch's last batch also loss,accuracy (the epoch's means, as Keras' History has
    // them) and val_loss,val_accuracy when the test set was evaluated.
    QString toCsv() const;

private:
    int m_epochs = 0;
    int m_steps = 0;
    double m_smoothing = 0.0;
    // Debiased EMA state (as TensorBoard smooths): s / (1 - w^n).
    double m_emaLoss = 0.0, m_emaAccuracy = 0.0, m_emaWeight = 0.0;
    std::vector<BatchPoint> m_batches;
    std::vector<core::nn::EpochSummary> m_summaries;
    std::vector<QPointF> m_loss, m_accuracy, m_smoothLoss, m_smoothAccuracy;
};

} // namespace ui
