#pragma once
// A tab bar that never scrolls (a projector at 1024 x 768 would hide tabs behind arrows): each tab
// has a full and a brief title, and the brief ones are shown when the full ones do not fit.

#include <QHash>
#include <QObject>
#include <QPair>
#include <QString>

class QTabWidget;
class QWidget;

namespace ui {

class TabTitles : public QObject {
    Q_OBJECT
public:
    explicit TabTitles(QTabWidget *tabs);

    // The titles of the tab showing page (tabs may be inserted and removed later).
    void setTitles(QWidget *page, const QString &full, const QString &brief);
    // Chooses full or brief titles for the bar's width now.
    void fit();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QTabWidget *m_tabs;
    QHash<QWidget *, QPair<QString, QString>> m_titles;
};

} // namespace ui
