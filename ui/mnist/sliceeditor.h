#pragma once
// The NumPy slice editor: type an expression or pick one of the book's slices; the result's shape
// shows at once, and an error points at its column without losing the last good result.

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;

namespace ui {

class SliceState;

class SliceEditor : public QWidget {
    Q_OBJECT
public:
    explicit SliceEditor(SliceState *state, QWidget *parent = nullptr);

    QLineEdit *lineEdit() const { return m_edit; }
    QString resultText() const;
    QString errorText() const;
    // The book's slices, applied to the set currently shown ("train" or "test").
    static QStringList presets(const QString &set);

private:
    void refresh();
    void applyPreset(int index);

    SliceState *m_state;
    QLineEdit *m_edit;
    QComboBox *m_presets;
    QLabel *m_result;
    QLabel *m_error;
};

} // namespace ui
