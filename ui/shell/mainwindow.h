#pragma once
// The main window: the page list on the left, the current page, menus and the status bar.
// Layout and wiring only; each page is its own folder.

#include <QMainWindow>
#include <vector>

class QListWidget;
class QStackedWidget;
class QAction;

namespace ui {

class AppContext;
class Page;
class StatusLine;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(AppContext *context, QWidget *parent = nullptr);

    // Shows the page with this id or title in any case ("mnist", "MNIST"); false for an unknown
    // one.
    bool showPage(const QString &id);
    QString currentPageId() const;
    Page *currentPage();
    // The page with this id (as showPage matches it), created on first use.
    Page *page(const QString &id);
    static QStringList pageIds();

    // Focus mode: the current page's picture alone, full screen; its controls and code in a
    // drawer (C, or the mouse at the right edge). F toggles it, Escape leaves it.
    void setFocusMode(bool on);
    bool focusMode() const { return m_focusMode; }

    void restoreSettings();
    void saveSettings() const;

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    void showPageAt(int row);
    void openDataFolder();
    void exportPng();
    void applyPresentationMode(bool on);
    void focusPicture();
    void fitPageList();
    void updateStatus();

    AppContext *m_context;
    QListWidget *m_list;
    QStackedWidget *m_stack;
    StatusLine *m_status;
    QAction *m_fullScreen = nullptr;
    QAction *m_presentation = nullptr;
    QAction *m_focus = nullptr;
    QAction *m_drawer = nullptr;
    QAction *m_leaveFocus = nullptr;
    bool m_focusMode = false;
    bool m_wasFullScreen = false;
    std::vector<Page *> m_pages; // by row, nullptr until first shown
    double m_baseFontSize = 0;
};

} // namespace ui
