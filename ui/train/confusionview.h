#pragma once
// The confusion matrix of model.evaluate as a heat map: row = true digit, column = predicted digit,
// the count in every cell; the diagonal (right) in green, mistakes in red, each shaded by its share
// of the row. A column at the right gives each digit's accuracy. Clicking a cell selects it (the
// page then lists those test digits); hovering tells the exact count.

#include "ui/train/trainsnapshots.h"

#include <QFont>
#include <QWidget>

class QFontMetricsF;

namespace ui {

class ConfusionView : public QWidget {
    Q_OBJECT
public:
    explicit ConfusionView(QWidget *parent = nullptr);

    void setEvaluation(const EvaluationSnapshot &evaluation);
    EvaluationSnapshot evaluation() const { return m_eval; }
    // The selected cell, (-1, -1) for none.
    int selectedLabel() const { return m_label; }
    int selectedPredicted() const { return m_predicted; }
    void selectCell(int label, int predicted);
    // The cell's centre in widget coordinates (for tests and keyboard users).
    QPoint cellCentre(int label, int predicted) const;
    QString describeAt(QPoint position) const;
    // The font the counts are drawn in at the current size (the page's, or smaller to fit).
    QFont countFont() const { return countFont(layout().cell); }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void cellSelected(int label, int predicted);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;

private:
    struct Layout {
        QRectF matrix;
        double cell = 0.0;
        QRectF accuracy;  // the per-class accuracy column
        QFont columnFont; // its percentages' (no larger than the counts')
    };
    Layout layout() const;
    // The width right of the matrix: the accuracy column and its gaps.
    static double accuracyRoom(const QFontMetricsF &fm);
    // The room above the matrix (its axis title and digits) and left of it.
    static double topHeader(const QFontMetricsF &fm);
    static double leftHeader(const QFontMetricsF &fm);
    QString widestCount() const;
    // The side a cell needs for the widest count in font f.
    double cellFor(const QFont &f) const;
    // The font the counts are drawn in, for cells of side cell.
    QFont countFont(double cell) const;
    bool cellAt(QPointF p, int *label, int *predicted) const;

    EvaluationSnapshot m_eval;
    int m_label = -1;
    int m_predicted = -1;
};

} // namespace ui
