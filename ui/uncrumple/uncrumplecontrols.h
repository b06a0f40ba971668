#pragma once
// The Uncrumple page's form: the data set (kind, points, noise, crumple, seed), the network
// (hidden widths, depth, activation), its training (optimizer, learning rate) and the Train /
// Step / Reset buttons. It checks what is typed with the core's own parsers and says what is
// wrong in place; the page reads the checked values.

#include "core/manifold/generate.h"
#include "core/manifold/network.h"
#include "core/nn/optimizer.h"

#include <QWidget>
#include <optional>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace ui {

class UncrumpleControls : public QWidget {
    Q_OBJECT
public:
    explicit UncrumpleControls(QWidget *parent = nullptr);

    core::manifold::GeneratorOptions generatorOptions() const;
    // The network as typed, or nullopt with error() saying why.
    std::optional<core::manifold::NetworkSpec> networkSpec() const;
    std::optional<core::nn::OptimizerConfig> optimizer() const;
    QString error() const { return m_error; }

    void setDataKind(core::manifold::DataKind kind);
    void setPoints(int points);
    void setHiddenWidths(const QString &widths); // "3,3,3"
    // The learning rate and optimizer the data set trains best with (uncore's recipe).
    void setOptimizer(const core::nn::OptimizerConfig &config);
    // Train / Pause / Resume and Step as the session's state allows.
    void setTrainingState(bool running, bool paused);
    void setStatus(const QString &status);
    void setWarning(const QString &html); // e.g. nested spheres with width 3

    QPushButton *trainButton() const { return m_train; }
    QPushButton *stepButton() const { return m_step; }
    QPushButton *resetButton() const { return m_reset; }
    QComboBox *dataCombo() const { return m_kind; }

signals:
    void dataChanged();
    void networkChanged();
    void trainingChanged(); // optimizer or learning rate
    void trainClicked();
    void stepClicked();
    void resetClicked();
    void widenRequested(); // "try width 4"

private:
    void onKindChanged();
    void onDepthChanged(int depth);
    void check();

    QComboBox *m_kind;
    QSpinBox *m_points;
    QDoubleSpinBox *m_noise;
    QDoubleSpinBox *m_crumple;
    QSpinBox *m_seed;
    QLineEdit *m_widths;
    QSpinBox *m_depth;
    QComboBox *m_activation;
    QComboBox *m_optimizer;
    QLineEdit *m_learningRate;
    QPushButton *m_train, *m_step, *m_reset;
    QLabel *m_status;
    QLabel *m_warning;
    QLabel *m_errorLabel;
    QString m_error;
};

} // namespace ui
