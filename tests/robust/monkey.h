#pragma once
// A seeded monkey for the whole window: random clicks, drags, wheel turns, key presses (the
// window's shortcuts included) and text typed into every editable field, on whatever page is
// shown, with the Train page's training started, paused and stopped, and data folders and model
// files loaded from a folder of broken ones along the way. Modal dialogs it opens are closed at
// once they are up, so nothing waits for a person.

#include <QElapsedTimer>
#include <QObject>
#include <QPoint>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <functional>
#include <map>
#include <random>

class QMainWindow;
class QWidget;

namespace monkey {

struct BrokenFiles {
    QStringList dataFolders; // folders to open as data sets (broken ones, one good small one)
    QStringList modelFiles;  // files to load as models (broken ones)
};

class Monkey : public QObject {
    Q_OBJECT
public:
    // showPage(i) brings page i (of pageCount) forward; loadFolder starts loading a data folder.
    Monkey(QMainWindow *window, unsigned seed, int pageCount, std::function<void(int)> showPage,
           std::function<void(const QString &)> loadFolder, BrokenFiles files,
           QObject *parent = nullptr);

    // One random action.
    void step();
    // Restricts the monkey to one page (for the page-by-page leak run); -1: every page.
    void stayOnPage(int page) { m_onlyPage = page; }

    long actions() const { return m_actions; }
    // Actions by kind, for the report.
    const std::map<QString, long> &counts() const { return m_counts; }
    // The kind of the last action, for a report of what was slow.
    QString lastAction() const { return m_last; }

private:
    void count(const QString &kind)
    {
        ++m_counts[kind];
        m_last = kind;
    }
    void closeDialogs();
    void act();
    QWidget *pickWidget();
    QPoint pickPoint(QWidget *w);
    void click(QWidget *w);
    void drag(QWidget *w);
    void wheel(QWidget *w);
    void key(QWidget *w);
    void shortcut();
    void typeText();
    void switchPage();
    void train();
    void loadBroken();
    QString randomText();
    int uniform(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(m_rng); }

    QMainWindow *m_window;
    std::mt19937 m_rng;
    int m_pageCount;
    std::function<void(int)> m_showPage;
    std::function<void(const QString &)> m_loadFolder;
    BrokenFiles m_files;
    int m_onlyPage = -1;
    long m_actions = 0;
    std::map<QString, long> m_counts;
    QString m_last;
    QTimer m_closer;
    QWidget *m_lastPopup = nullptr;
    bool m_dragging = false; // inside drag(): a nested event loop there may be a QDrag's
};

} // namespace monkey
