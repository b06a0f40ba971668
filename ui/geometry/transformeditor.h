#pragma once
// Edits the selected step of the chain: θ of a rotation (with its matrix shown), the factors of a
// scaling, the vector of a translation, or W and b of an affine map (with or without ReLU).
// Typing a bad entry shows the reason under the entries; the step keeps its last good value.

#include "core/geometry/transform.h"

#include <QWidget>
#include <array>

class QCheckBox;
class QGridLayout;
class QLabel;
class QSlider;

namespace ui {

class NumberEntry;

class TransformEditor : public QWidget {
    Q_OBJECT
public:
    explicit TransformEditor(QWidget *parent = nullptr);

    // index < 0: nothing selected.
    void setStep(int index, const core::geometry::Transform &step);
    void clearStep();

signals:
    // mergeKey identifies the entry, so that keystrokes in it make one undo step.
    void stepEdited(int index, const core::geometry::Transform &step, int mergeKey);
    void editingDone();

private:
    enum Field { Theta = 1, Sx, Sy, W00, W01, W10, W11, B0, B1, Relu, Slider };
    NumberEntry *addEntry(Field field, const QString &name);
    void edited(Field field, double value);
    void updateVisibility();
    void updateMatrixDisplay();
    void showError(const QString &message);

    int m_index = -1;
    core::geometry::Transform m_step;

    QLabel *m_title;
    QLabel *m_hint;
    QLabel *m_error;
    QGridLayout *m_grid;
    NumberEntry *m_theta;
    QSlider *m_slider;
    std::array<NumberEntry *, 2> m_scale{};
    std::array<NumberEntry *, 4> m_W{};
    std::array<NumberEntry *, 2> m_b{};
    std::array<QLabel *, 4> m_matrix{}; // the computed matrix of a rotation or scaling
    QLabel *m_wLabel, *m_bLabel, *m_scaleLabel, *m_thetaLabel;
    QCheckBox *m_relu;
    std::array<QString, 16> m_errors{}; // by Field, so one fixed entry does not hide another's
};

} // namespace ui
