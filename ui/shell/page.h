#pragma once
// Base of every page: the picture on the left, the page's controls and the code panel on the right,
// so the code is in the same place on every page.

#include <QImage>
#include <QStringList>
#include <QWidget>

class QSplitter;

namespace ui {

class AppContext;
class CodePanel;
class SideDrawer;

class Page : public QWidget {
    Q_OBJECT
public:
    explicit Page(AppContext *context, QWidget *parent = nullptr);

    CodePanel *codePanel() const { return m_code; }
    // The picture that File > Export PNG saves; by default the main area as it is on screen.
    virtual QImage exportImage();
    // Called when the page becomes the visible one.
    virtual void activated() {}
    // A page with tabs names them for the command line's --tab; showTab shows one by that name.
    virtual QStringList tabNames() const { return {}; }
    virtual bool showTab(const QString &name) { return false; }

    // Focus mode: the picture alone, the controls and the code panel in a drawer at its right
    // edge (see SideDrawer). Off: the column is back beside the picture.
    void setFocusMode(bool on);
    bool focusMode() const { return m_drawer != nullptr; }
    SideDrawer *drawer() const { return m_drawer; }
    // The picture (the left of the splitter).
    QWidget *mainArea() const { return m_main; }
    // The column of controls and code (for tests: where it is, whether it shows).
    QWidget *sideColumn() const { return m_column; }

protected:
    AppContext *context() const { return m_context; }
    // main: the picture; side: controls shown above the code panel.
    void setBody(QWidget *main, QWidget *side);
    // QSplitter keeps a column narrower than its minimum when that minimum grows (presentation
    // mode's font) until the next resize: the side column then sticks out of the window. A page
    // that raises a column's minimum calls this to share the room out again.
    void keepColumnsInside();

private:
    AppContext *m_context;
    CodePanel *m_code;
    QSplitter *m_splitter;
    QWidget *m_main = nullptr;
    QWidget *m_column = nullptr;
    SideDrawer *m_drawer = nullptr;
};

} // namespace ui
