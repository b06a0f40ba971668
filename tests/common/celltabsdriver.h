#pragma once
// Drives a page of live cells (CellTabsPage) in a test as a user would: shows a tab, chooses an
// example, types a cell, and waits each time until the code panel's cell has run and nothing else
// is waiting, so that the tab's picture shows that cell.

#include "ui/common/cellrunner.h"
#include "ui/common/celltabspage.h"
#include "ui/common/codepanel.h"

#include <QListWidget>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QTest>

class CellTabsDriver {
public:
    // Call once the page exists, before it runs its first cell's result.
    void attach(ui::CellTabsPage *page)
    {
        m_page = page;
        QObject::connect(page->runner(), &ui::CellRunner::finished, page,
                         [this](const ui::CellRun &run) { m_lastRun = run.cell; });
    }

    bool settled() const
    {
        return !m_page->runner()->isBusy() && m_lastRun == m_page->codePanel()->code();
    }
    void settle() { QTRY_VERIFY_WITH_TIMEOUT(settled(), 10000); }
    void showTab(int index)
    {
        m_page->tabs()->setCurrentIndex(index);
        settle();
    }
    void choose(QListWidget *list, int row)
    {
        list->setCurrentRow(row);
        settle();
    }
    void type(const QString &cell)
    {
        m_page->codePanel()->editor()->setPlainText(cell);
        settle();
    }

private:
    ui::CellTabsPage *m_page = nullptr;
    QString m_lastRun; // the cell whose result arrived last
};
