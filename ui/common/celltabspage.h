#pragma once
// A page of tabs whose code panel is a live cell: each tab has its own cell, the code panel shows
// the shown tab's, and every edit runs in one notebook (CellRunner, off the GUI thread) whose
// result goes back to the tab it came from. The Tensors and Operations pages are such pages.

#include "core/tensor/tensor.h"
#include "ui/shell/page.h"

#include <map>
#include <string>

class QStackedWidget;
class QTabWidget;

namespace ui {

class CellRunner;
class CellTab;
class TabTitles;
struct CellRun;

class CellTabsPage : public Page {
    Q_OBJECT
public:
    explicit CellTabsPage(AppContext *context, QWidget *parent = nullptr);
    ~CellTabsPage() override;

    QTabWidget *tabs() const { return m_tabs; }
    CellRunner *runner() const { return m_runner; }
    // The cell the tab at index holds (as last chosen or edited).
    QString cellOf(int tab) const { return m_cells.value(tab); }
    bool showTab(const QString &name) override;
    QStringList tabNames() const override { return m_names; }

protected:
    // name: the tab's name for --tab ("tensor", "broadcasting"); brief: its title where the full
    // titles do not fit.
    void addTab(CellTab *tab, const QString &title, const QString &brief, const QString &name);
    // Call once every tab is added: shows the first and runs its cell.
    void start();
    // Runs a tab's cell even when it is not shown (its picture follows new data).
    void rerun(int tab);
    // Arrays the page's cells may name without defining them, besides MNIST's (the Gradient
    // page's data set: inputs and targets).
    void addArrays(std::map<std::string, core::Tensor> arrays);

private:
    void onTabChanged(int index);
    void updateData();
    void onCellChosen(int tab, const QString &cell);
    void onRunRequested(const QString &cell);
    void onRunFinished(const CellRun &run);

    QTabWidget *m_tabs;
    QStackedWidget *m_sides;
    TabTitles *m_titles;
    CellRunner *m_runner;
    QList<CellTab *> m_tabList;
    QStringList m_cells;
    QStringList m_names;
    std::map<std::string, core::Tensor, std::less<>> m_arrays;
};

} // namespace ui
