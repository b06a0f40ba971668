#pragma once
// A softmax output as ten bars, one per digit in the digit's colour, the most probable one labelled
// with its probability; the true label, when known, is underlined. Shared by the predictions and
// the drawn digit.

#include <QString>
#include <QWidget>
#include <span>
#include <vector>

class QPainter;

namespace ui {

// A probability as every view of the page writes it (the bars' label, the drawn digit's verdict),
// so the same number never reads 0.998 in one place and 1.00 in another.
QString probabilityText(double p);

// Paints into rect with the widget palette pal; label -1 when unknown.
void paintProbabilityBars(QPainter &painter, const QRectF &rect, std::span<const float> p,
                          int label, const QPalette &pal);

class ProbabilityBars : public QWidget {
    Q_OBJECT
public:
    explicit ProbabilityBars(QWidget *parent = nullptr);

    void setProbabilities(std::vector<float> p, int label = -1);
    const std::vector<float> &probabilities() const { return m_p; }
    // The most probable class (-1 when empty).
    int predicted() const;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;

private:
    std::vector<float> m_p;
    int m_label = -1;
};

} // namespace ui
