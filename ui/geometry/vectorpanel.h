#pragma once
// The user's vectors: each with its coordinates (typed or dragged in the plane) and its image
// T(v), updated live; add and remove vectors; show v1 + v2 as a parallelogram.

#include <Eigen/Core>
#include <QWidget>
#include <vector>

class QCheckBox;
class QGridLayout;
class QLabel;
class QPushButton;

namespace ui {

class NumberEntry;
struct PlaneTheme;

class VectorPanel : public QWidget {
    Q_OBJECT
public:
    explicit VectorPanel(QWidget *parent = nullptr);

    // images[i] = T(v_i) at the current time; clamped[i]: a ReLU folded it.
    void setVectors(const std::vector<Eigen::Vector2d> &vectors,
                    const std::vector<Eigen::Vector2d> &images, const std::vector<bool> &clamped,
                    bool identity);
    void setShowSum(bool on);
    void setColours(const PlaneTheme &theme);
    // The text of vector i's image, as shown (for tests and screen readers).
    QString imageText(int index) const;

signals:
    void vectorEdited(int index, const Eigen::Vector2d &v, int mergeKey);
    void addRequested();
    void removeRequested(int index);
    void showSumToggled(bool on);
    void editingDone();

private:
    struct Row {
        QLabel *name;
        NumberEntry *x, *y;
        QLabel *image;
        QPushButton *remove;
    };
    void rebuild(int count);
    void showError();

    QGridLayout *m_grid;
    std::vector<Row> m_rows;
    std::vector<Eigen::Vector2d> m_vectors;
    std::vector<QColor> m_colours;
    QPushButton *m_add;
    QCheckBox *m_sum;
    QLabel *m_error;
};

} // namespace ui
