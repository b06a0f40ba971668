#pragma once
// The layer list of the Uncrumple page with its linear probe beside each row: "input", "layer 1",
// ..., "output", each with a bar for the accuracy a linear classifier reaches on that layer's
// output ("How uncrumpled is it?"). Click a row (or use Up/Down) to show that layer; the row of the
// stage the animation is in is marked.

#include <QStringList>
#include <QWidget>
#include <vector>

namespace ui {

class LayerProbeList : public QWidget {
    Q_OBJECT
public:
    explicit LayerProbeList(QWidget *parent = nullptr);

    // One row a stage: names and what each is ("Dense(3, tanh)").
    void setStages(const QStringList &names, const QStringList &details);
    int count() const { return static_cast<int>(m_names.size()); }
    // Accuracies in [0, 1], one a stage (empty: not measured yet).
    void setAccuracies(const std::vector<double> &accuracy);
    const std::vector<double> &accuracies() const { return m_accuracy; }
    // Where chance is on the bars (0.5: two classes) and what the bars are, for the tooltip.
    void setChance(double chance, const QString &tooltip);
    void setCurrent(int stage);
    int current() const { return m_current; }
    void setPresentationScale(double scale);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    // The user picked a row.
    void stageClicked(int stage);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    int header() const;
    int rowHeight() const;
    int rowAt(const QPoint &p) const;

    QStringList m_names, m_details;
    std::vector<double> m_accuracy;
    int m_current = 0;
    double m_scale = 1.0;
    double m_chance = 0.5;
};

} // namespace ui
