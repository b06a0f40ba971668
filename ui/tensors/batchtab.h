#pragma once
// The Tensors page's batches (section 2.2.8): the first axis of a data tensor is the samples axis,
// and a model sees the data a batch at a time. Batch n of 128 of MNIST is
// train_images[128 * n:128 * (n + 1)]: where it lies along the 60,000 samples, and its digits,
// computed by the cell in the code panel; the MNIST page shows the same batch on request.

#include "ui/common/celltab.h"

class QLabel;
class QPushButton;
class QSpinBox;

namespace ui {

class BatchTab : public CellTab {
    Q_OBJECT
public:
    explicit BatchTab(QWidget *parent = nullptr);

    QWidget *side() const override { return m_side; }
    QSpinBox *batchIndex() const { return m_index; }
    QSpinBox *batchSize() const { return m_size; }
    // How many training samples there are (60,000, or the sample's 800 before MNIST is fetched).
    void setSampleCount(qint64 count);
    QString cell() const override;
    // The shape the last run reported for the batch, "(128, 28, 28)", or "".
    QString batchShape() const { return m_shape; }
    void showRun(const CellRun &run) override;

signals:
    // "Show on the MNIST page".
    void showOnMnistPage(int size, int index);

private:
    class SampleAxis;
    void onBatchChanged();

    SampleAxis *m_axis;
    QLabel *m_summary;
    QWidget *m_side;
    QSpinBox *m_size;
    QSpinBox *m_index;
    QPushButton *m_open;
    QString m_shape;
    qint64 m_count = 0;
};

} // namespace ui
