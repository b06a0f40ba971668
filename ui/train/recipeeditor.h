#pragma once
// The Train page's model editor: the Dense layers (listing 2.2), the optimizer and learning rate
// (listing 2.3), epochs, batch size and validation data (listing 2.5). Every field is checked as it
// is typed; a bad one is named in place, marked, and nothing else is lost.

#include "ui/train/trainrecipe.h"

#include <QWidget>
#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QVBoxLayout;

namespace ui {

class FittingLabel;

class RecipeEditor : public QWidget {
    Q_OBJECT
public:
    explicit RecipeEditor(QWidget *parent = nullptr);

    RecipeInput input() const;
    void setInput(const RecipeInput &input);
    // The checked recipe of the current input.
    RecipeCheck check() const { return m_check; }
    // Training is running: the recipe is fixed until it ends.
    void setLocked(bool locked);
    // The page shows a model of another recipe: Total params is marked as the recipe's new,
    // untrained model's.
    void setUntrained(bool untrained);

    QLineEdit *learningRateEdit() const { return m_learningRate; }
    QLineEdit *unitsEdit(int layer) const;
    QComboBox *optimizerBox() const { return m_optimizer; }
    QSpinBox *epochsBox() const { return m_epochs; }
    QSpinBox *batchSizeBox() const { return m_batchSize; }
    QPushButton *resetButton() const { return m_reset; }
    QPushButton *addLayerButton() const { return m_addLayer; }
    QString errorText() const;
    QString paramsText() const;
    // How the page gets its per-epoch test numbers (from fit's validation_data or apart from it).
    QString testNote() const;
    int hiddenLayerCount() const { return static_cast<int>(m_rows.size()); }

signals:
    // The input changed (check() is up to date).
    void changed();

private:
    struct Row {
        QWidget *widget;
        QLineEdit *units;
        QComboBox *activation;
    };
    void addRow(const LayerText &layer);
    void removeRow(QWidget *row);
    void onEdited();
    void onOptimizerChosen();
    void showCheck();

    QVBoxLayout *m_layers;
    std::vector<Row> m_rows;
    QPushButton *m_addLayer;
    FittingLabel *m_params;
    QComboBox *m_optimizer;
    QLineEdit *m_learningRate;
    QSpinBox *m_epochs;
    QSpinBox *m_batchSize;
    QCheckBox *m_validate;
    FittingLabel *m_testNote;
    QSpinBox *m_seed;
    QPushButton *m_reset;
    QLabel *m_recipeName;
    QLabel *m_error;
    RecipeCheck m_check;
    bool m_locked = false;
    bool m_untrained = false;
    bool m_loading = false;
};

} // namespace ui
