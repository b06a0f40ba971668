#pragma once
// Listing 2.6: test digits with what the model predicts for them, ten at a time
// (test_images[first:first + 10]): each digit, its ten probability bars, the predicted digit and
// whether it is right. Predicting ten digits takes well under a millisecond, so it runs here on the
// GUI thread from a model copy.

#include "core/nn/dataset.h"
#include "ui/train/trainsnapshots.h"

#include <QWidget>
#include <vector>

namespace ui {

class PredictionGrid : public QWidget {
    Q_OBJECT
public:
    static constexpr int kPerPage = 10;

    explicit PredictionGrid(QWidget *parent = nullptr);

    void setData(const MnistSnapshot &snapshot);
    void setModel(const ModelSnapshot &model);
    void setFirst(int first);
    int first() const { return m_first; }
    // test digits available
    int testCount() const;

    // The shown digits (fewer than 10 at the end of the set).
    int count() const { return static_cast<int>(m_labels.size()); }
    int label(int k) const { return m_labels[static_cast<std::size_t>(k)]; }
    int predicted(int k) const;
    const std::vector<float> &probabilities(int k) const
    {
        return m_probabilities[static_cast<std::size_t>(k)];
    }
    int rightCount() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    // Five cards a row where they fit, down to two on a narrow grid (more rows, then).
    int columnsFor(int width) const;
    int heightForWidth(int width) const override;
    bool hasHeightForWidth() const override { return true; }

signals:
    void firstChanged(int first);
    void predictionsChanged();

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    struct TextBlock {
        double line = 0.0;  // one caption line's height
        double width = 0.0; // the widest caption
    };
    TextBlock textBlock() const;
    // The smallest card: a digit a line tall beside the captions, over the bars.
    QSizeF cardMinimum() const;
    void predict();

    MnistSnapshot m_data;
    core::nn::Dataset m_test; // m_data's test set as the engine reads it (built once per data set)
    ModelSnapshot m_model;
    int m_first = 0;
    std::vector<int> m_labels;
    std::vector<std::vector<float>> m_probabilities; // empty without a model
};

} // namespace ui
