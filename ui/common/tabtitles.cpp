#include "ui/common/tabtitles.h"

#include <QEvent>
#include <QTabBar>
#include <QTabWidget>

namespace ui {

TabTitles::TabTitles(QTabWidget *tabs) : QObject(tabs), m_tabs(tabs)
{
    tabs->setUsesScrollButtons(false);
    tabs->tabBar()->setElideMode(Qt::ElideRight);
    tabs->installEventFilter(this);
}

void TabTitles::setTitles(QWidget *page, const QString &full, const QString &brief)
{
    m_titles.insert(page, {full, brief});
    fit();
}

void TabTitles::fit()
{
    auto show = [this](bool brief) {
        for (int i = 0; i < m_tabs->count(); ++i) {
            const auto it = m_titles.constFind(m_tabs->widget(i));
            if (it == m_titles.constEnd()) continue;
            const QString &title = brief ? it->second : it->first;
            if (m_tabs->tabText(i) != title) m_tabs->setTabText(i, title);
        }
    };
    show(false);
    if (m_tabs->tabBar()->sizeHint().width() > m_tabs->width()) show(true);
}

bool TabTitles::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_tabs &&
        (event->type() == QEvent::Resize || event->type() == QEvent::FontChange))
        fit();
    return QObject::eventFilter(watched, event);
}

} // namespace ui
