#pragma once
// The Train page's four live charts: loss and accuracy per batch (this batch's value and a smoothed
// curve) and per epoch (train against test), all on an axis that counts epochs.

#include <QImage>
#include <QWidget>

namespace ui {

class CurveChart;
class TrainHistory;

class CurvePanel : public QWidget {
    Q_OBJECT
public:
    enum BatchCurve { Raw = 0, Smoothed = 1 };
    enum EpochCurve { Train = 0, Test = 1 };

    explicit CurvePanel(QWidget *parent = nullptr);

    // Feeds every chart from history (cheap: the batch curves are decimated to the charts' width,
    // the epoch charts are touched only when an epoch was added).
    void showHistory(const TrainHistory &history);

    CurveChart *batchLoss() const { return m_batchLoss; }
    CurveChart *batchAccuracy() const { return m_batchAccuracy; }
    CurveChart *epochLoss() const { return m_epochLoss; }
    CurveChart *epochAccuracy() const { return m_epochAccuracy; }

    // The x axes' extent before a run starts (the recipe's epochs).
    void setEpochs(int epochs);
    void setLineScale(double scale);
    // Presentation mode: the darker curve colours that read on a washed-out projector.
    void setProjectorColours(bool projector);
    // The four charts as one picture (for "Export charts PNG").
    QImage render();

private:
    CurveChart *m_batchLoss;
    CurveChart *m_batchAccuracy;
    CurveChart *m_epochLoss;
    CurveChart *m_epochAccuracy;
    int m_epochs = -1;
    int m_steps = 1;
    std::size_t m_epochPoints = static_cast<std::size_t>(-1);
};

} // namespace ui
