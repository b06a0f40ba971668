#include "ui/common/celltabspage.h"

#include "core/data/mnist.h"
#include "ui/common/cellrunner.h"
#include "ui/common/celltab.h"
#include "ui/common/codepanel.h"
#include "ui/common/tabtitles.h"
#include "ui/shell/appcontext.h"
#include "ui/shell/datastore.h"

#include <QStackedWidget>
#include <QTabWidget>

namespace ui {

namespace {

QString resultText(const CellRun &run)
{
    if (!run.result.ok()) {
        const core::cell::CellError &e = *run.result.error;
        const QString where = e.line > 0 ? QObject::tr("line %1: ").arg(e.line) : QString();
        return where + QString::fromStdString(e.text());
    }
    QString text = QString::fromStdString(run.result.output);
    text += QString::fromStdString(run.result.valueRepr);
    return text.isEmpty() ? QObject::tr("(no output)") : text;
}

} // namespace

CellTabsPage::CellTabsPage(AppContext *context, QWidget *parent)
    : Page(context, parent), m_tabs(new QTabWidget), m_sides(new QStackedWidget),
      m_titles(new TabTitles(m_tabs)),
      m_runner(new CellRunner(core::mnistArrays(*context->data()->data()), this))
{
    setBody(m_tabs, m_sides);
    codePanel()->setTitle(tr("The cell (NumPy), live: edit it"), tr("The cell, live"));
    codePanel()->setLive(true);
    m_runner->setWatched({QStringLiteral("x"), QStringLiteral("y"), QStringLiteral("z")});
    connect(codePanel(), &CodePanel::runRequested, this, &CellTabsPage::onRunRequested);
    connect(m_runner, &CellRunner::finished, this, &CellTabsPage::onRunFinished);
    connect(context->data(), &DataStore::dataChanged, this, &CellTabsPage::updateData);
}

void CellTabsPage::addArrays(std::map<std::string, core::Tensor> arrays)
{
    m_arrays.insert(arrays.begin(), arrays.end());
    updateData();
}

void CellTabsPage::updateData()
{
    core::ArrayResolver mnist = core::mnistArrays(*context()->data()->data());
    if (m_arrays.empty()) {
        m_runner->setData(std::move(mnist));
        return;
    }
    m_runner->setData(
        [mnist, arrays = m_arrays](std::string_view name) -> std::optional<core::Tensor> {
            if (const auto it = arrays.find(name); it != arrays.end()) return it->second;
            return mnist(name);
        });
}

CellTabsPage::~CellTabsPage() = default;

void CellTabsPage::addTab(CellTab *tab, const QString &title, const QString &brief,
                          const QString &name)
{
    const int index = static_cast<int>(m_tabList.size());
    m_tabList << tab;
    m_cells << tab->cell();
    m_names << name;
    m_tabs->addTab(tab, title);
    m_titles->setTitles(tab, title, brief);
    m_sides->addWidget(tab->side());
    connect(tab, &CellTab::cellChosen, this,
            [this, index](const QString &cell) { onCellChosen(index, cell); });
}

void CellTabsPage::start()
{
    connect(m_tabs, &QTabWidget::currentChanged, this, &CellTabsPage::onTabChanged);
    onTabChanged(m_tabs->currentIndex());
}

void CellTabsPage::rerun(int tab)
{
    m_runner->run(m_cells.value(tab), tab);
}

bool CellTabsPage::showTab(const QString &name)
{
    const int index = static_cast<int>(m_names.indexOf(name.trimmed().toLower()));
    if (index < 0) return false;
    m_tabs->setCurrentIndex(index);
    return true;
}

void CellTabsPage::onTabChanged(int index)
{
    if (index < 0) return;
    m_sides->setCurrentIndex(index);
    codePanel()->setCode(m_cells[index]); // runs it: the picture shows what the cell says
}

void CellTabsPage::onCellChosen(int tab, const QString &cell)
{
    m_cells[tab] = cell;
    // The same text runs again too: the data it reads may have changed.
    if (m_tabs->currentIndex() == tab && codePanel()->code() != cell)
        codePanel()->setCode(cell);
    else
        rerun(tab);
}

void CellTabsPage::onRunRequested(const QString &cell)
{
    const int tab = m_tabs->currentIndex();
    m_cells[tab] = cell;
    m_runner->run(cell, tab);
}

void CellTabsPage::onRunFinished(const CellRun &run)
{
    // A result goes to the tab whose cell it is, if that cell has not changed since; the shown
    // tab also gets it printed under the code.
    if (run.slot < 0 || run.slot >= m_tabList.size() || run.cell != m_cells[run.slot]) return;
    m_tabList[run.slot]->showRun(run);
    if (run.slot == m_tabs->currentIndex())
        codePanel()->setResult(resultText(run), !run.result.ok());
}

} // namespace ui
