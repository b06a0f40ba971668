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
    void fitPageList();
    void updateStatus();

    AppContext *m_context;
    QListWidget *m_list;
    QStackedWidget *m_stack;
    StatusLine *m_status;
    QAction *m_fullScreen = nullptr;
    QAction *m_presentation = nullptr;
    std::vector<Page *> m_pages; // by row, nullptr until first shown
    double m_baseFontSize = 0;
};

} // namespace ui
