#pragma once
// One number the user types: a matrix entry, a coordinate, an angle. Accepts small expressions
// ("1/2", "sqrt(2)/2", "cos(pi/6)"). Bad input turns the entry red and reports why; the text stays
// as typed and the last good value stays in use, so nothing is lost.

#include <QLineEdit>

namespace ui {

class NumberEntry : public QLineEdit {
    Q_OBJECT
public:
    explicit NumberEntry(QWidget *parent = nullptr);

    double value() const { return m_value; }
    // Shows v, unless the user is typing an expression that already means v.
    void setValue(double v);
    void setDecimals(int decimals) { m_decimals = decimals; }
    bool isValid() const { return m_error.isEmpty(); }
    QString errorText() const { return m_error; }

signals:
    void valueEdited(double value);
    // Empty when the text is a valid number again.
    void errorChanged(const QString &message);
    // Focus left or Return pressed: the end of one edit.
    void editingDone();

protected:
    void focusOutEvent(QFocusEvent *event) override;

private:
    void onTextEdited(const QString &text);
    void setError(const QString &message);

    double m_value = 0.0;
    int m_decimals = 4;
    QString m_error;
};

} // namespace ui
