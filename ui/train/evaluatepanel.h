#pragma once
// Listing 2.7 on the Train page: test_loss and test_acc, the confusion matrix with each digit's
// accuracy, and the test digits of the clicked cell. Opens on the most frequent mistake.

#include "ui/train/trainsnapshots.h"

#include <QPointer>
#include <QWidget>

class QBoxLayout;
class QLabel;

namespace ui {

class ConfusionView;
class DigitList;

class EvaluatePanel : public QWidget {
    Q_OBJECT
public:
    explicit EvaluatePanel(QWidget *parent = nullptr);

    // nullptr: not evaluated (yet).
    void setEvaluation(const EvaluationSnapshot &evaluation);
    // The evaluation no longer matches the loaded data set.
    void setOutdated();

    ConfusionView *confusion() const { return m_confusion; }
    DigitList *digitList() const { return m_digits; }
    QString summary() const;
    QString cellCaption() const;
    void setThumbnailSize(int side);

protected:
    bool event(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void onCellSelected(int label, int predicted);
    // Side by side when both fit their minimum widths, else the digits below the matrix.
    void arrange();

    ConfusionView *m_confusion;
    DigitList *m_digits;
    QLabel *m_summary;
    QLabel *m_caption;
    QWidget *m_side;
    QBoxLayout *m_layout;
    QPointer<QWidget> m_watchedParent; // whose resizes arrange() follows
    EvaluationSnapshot m_evaluation;
};

} // namespace ui
