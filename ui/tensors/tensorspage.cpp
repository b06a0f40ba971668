#include "ui/tensors/tensorspage.h"

#include "core/data/mnist.h"
#include "ui/common/cellrunner.h"
#include "ui/common/codepanel.h"
#include "ui/shell/appcontext.h"
#include "ui/shell/datastore.h"
#include "ui/tensors/batchtab.h"
#include "ui/tensors/realdatatab.h"
#include "ui/tensors/tensorcelltab.h"

#include <QListWidget>
#include <QStackedWidget>
#include <QTabWidget>

namespace ui {

namespace {

const QStringList kTabNames = {QStringLiteral("tensor"), QStringLiteral("data"),
                               QStringLiteral("batches")};

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

TensorsPage::TensorsPage(AppContext *context, QWidget *parent)
    : Page(context, parent), m_tabs(new QTabWidget), m_sides(new QStackedWidget),
      m_tensor(new TensorCellTab), m_realData(new RealDataTab), m_batches(new BatchTab),
      m_runner(new CellRunner(core::mnistArrays(*context->data()->data()), this))
{
    m_tabs->setObjectName(QStringLiteral("tensorsTabs"));
    m_tabs->addTab(m_tensor, tr("A tensor"));
    m_tabs->addTab(m_realData, tr("Real-world data"));
    m_tabs->addTab(m_batches, tr("Batches"));
    m_sides->addWidget(m_tensor->side());
    m_sides->addWidget(m_realData->side());
    m_sides->addWidget(m_batches->side());
    setBody(m_tabs, m_sides);
    codePanel()->setTitle(tr("The cell (NumPy), live: edit it"), tr("The cell, live"));
    codePanel()->setLive(true);

    m_cells[TensorTab] = TensorCellTab::exampleCell(2);
    m_cells[RealDataTabIndex] = m_realData->cell();
    m_cells[BatchTabIndex] = m_batches->cell();
    connect(m_tensor, &TensorCellTab::cellChosen, this,
            [this](const QString &cell) { onCellChosen(TensorTab, cell); });
    connect(m_realData, &RealDataTab::cellChosen, this,
            [this](const QString &cell) { onCellChosen(RealDataTabIndex, cell); });
    connect(m_batches, &BatchTab::cellChosen, this,
            [this](const QString &cell) { onCellChosen(BatchTabIndex, cell); });
    connect(m_batches, &BatchTab::showOnMnistPage, context, &AppContext::mnistBatchRequested);
    connect(codePanel(), &CodePanel::runRequested, this, &TensorsPage::onRunRequested);
    connect(m_runner, &CellRunner::finished, this, &TensorsPage::onRunFinished);
    connect(m_tabs, &QTabWidget::currentChanged, this, &TensorsPage::onTabChanged);
    connect(context->data(), &DataStore::dataChanged, this, &TensorsPage::onData);

    onData();
    m_tensor->examples()->blockSignals(true);
    m_tensor->examples()->setCurrentRow(2); // the book's matrix
    m_tensor->examples()->blockSignals(false);
    onTabChanged(TensorTab);
}

TensorsPage::~TensorsPage() = default;

bool TensorsPage::showTab(const QString &name)
{
    const int index = static_cast<int>(kTabNames.indexOf(name.trimmed().toLower()));
    if (index < 0) return false;
    m_tabs->setCurrentIndex(index);
    return true;
}

QStringList TensorsPage::tabNames() const
{
    return kTabNames;
}

void TensorsPage::onTabChanged(int index)
{
    if (index < 0) return;
    m_sides->setCurrentIndex(index);
    codePanel()->setCode(m_cells[index]); // runs it: the picture shows what the cell says
}

void TensorsPage::onCellChosen(int tab, const QString &cell)
{
    m_cells[tab] = cell;
    if (m_tabs->currentIndex() == tab) codePanel()->setCode(cell);
}

void TensorsPage::onRunRequested(const QString &cell)
{
    m_cells[m_tabs->currentIndex()] = cell;
    m_runner->run(cell, m_tabs->currentIndex());
}

void TensorsPage::onRunFinished(const CellRun &run)
{
    // A result goes to the tab whose cell it is, if that cell has not changed since; the shown
    // tab also gets it printed under the code.
    if (run.slot == TensorTab && run.cell == m_cells[TensorTab]) m_tensor->showRun(run);
    if (run.slot == BatchTabIndex && run.cell == m_cells[BatchTabIndex]) m_batches->showRun(run);
    if (run.slot == m_tabs->currentIndex() && run.cell == m_cells[run.slot])
        codePanel()->setResult(resultText(run), !run.result.ok());
}

void TensorsPage::onData()
{
    const MnistSnapshot mnist = context()->data()->data();
    m_runner->setData(core::mnistArrays(*mnist));
    m_batches->setSampleCount(mnist->trainImages.shape()[0]);
    // The pictures that show MNIST follow the newly loaded set; the batch's even when not shown.
    m_runner->run(m_cells[BatchTabIndex], BatchTabIndex);
    if (m_tabs->currentIndex() == TensorTab) m_runner->run(m_cells[TensorTab], TensorTab);
}

} // namespace ui
