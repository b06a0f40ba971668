#pragma once
// The NumPy/Keras code that does what the page shows, in the same place on every page: monospace,
// lightly coloured, read-only, with a copy button. Live (setLive), the code is a notebook cell the
// user edits: a pause in typing, Ctrl+Return or Run asks the page to run it, and what the notebook
// would print shows under it.

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTimer;

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

    // Editable, with Run and the cell's output under the code.
    void setLive(bool live);
    bool isLive() const { return m_live; }
    // What the cell printed (its Out[] text), or its error in red.
    void setResult(const QString &text, bool isError);
    QString resultText() const;
    bool resultIsError() const { return m_resultIsError; }
    // The editor, for tests and for pages that focus it.
    QPlainTextEdit *editor() const { return m_text; }

signals:
    void codeChanged(const QString &code);
    // Live only: the user paused typing, pressed Ctrl+Return or Run, or setCode changed the cell.
    void runRequested(const QString &code);

protected:
    void changeEvent(QEvent *event) override;

private:
    void copyToClipboard();
    void updateColours();
    void onEdited();
    void requestRun();

    FittingLabel *m_title;
    QPlainTextEdit *m_text;
    PythonHighlighter *m_highlighter;
    QPushButton *m_run;
    QLabel *m_result;
    QTimer *m_typingPause;
    QString m_code;
    bool m_live = false;
    bool m_resultIsError = false;
    bool m_settingCode = false;
};

} // namespace ui
