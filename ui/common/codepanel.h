#pragma once
// The NumPy/Keras code that does what the page shows, in the same place on every page: monospace,
// lightly coloured, read-only, with a copy button.

#include <QWidget>

class QPlainTextEdit;

namespace ui {

class FittingLabel;
class PythonHighlighter;

class CodePanel : public QWidget {
    Q_OBJECT
public:
    explicit CodePanel(QWidget *parent = nullptr);

    QString code() const;
    void setCode(const QString &code);
    // shortTitle replaces title where an unwrapped title would be cut.
    void setTitle(const QString &title, const QString &shortTitle = {});
    QString title() const; // as shown
    // Wrapped by default, so a long title does not widen the side column. A wrapped label makes
    // the panel height-for-width, which box layouts honour by squeezing the widgets above it: a
    // page with a tall side column and a short title turns wrapping off.
    void setTitleWraps(bool wraps);

signals:
    void codeChanged(const QString &code);

protected:
    void changeEvent(QEvent *event) override;

private:
    void copyToClipboard();
    void updateColours();

    FittingLabel *m_title;
    QPlainTextEdit *m_text;
    PythonHighlighter *m_highlighter;
    QString m_code;
};

} // namespace ui
