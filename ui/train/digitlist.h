#pragma once
// The test digits of one confusion-matrix cell (label l, predicted p), as thumbnails with their
// index, so a student can see what the model mistakes a 4 for a 9 on.

#include "ui/train/trainsnapshots.h"

#include <QListWidget>
#include <vector>

namespace ui {

// Indices of the test digits labelled label and predicted as predicted, in order.
std::vector<int> digitsInCell(const EvaluationResult &result, int label, int predicted);

class DigitList : public QListWidget {
    Q_OBJECT
public:
    explicit DigitList(QWidget *parent = nullptr);

    void showCell(const EvaluationSnapshot &result, int label, int predicted);
    void clearCell();
    // The test index of row i.
    int digitIndex(int row) const;
    void setThumbnailSize(int side);
};

} // namespace ui
