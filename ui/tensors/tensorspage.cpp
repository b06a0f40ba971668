#include "ui/tensors/tensorspage.h"

#include "core/data/mnist.h"
#include "ui/shell/appcontext.h"
#include "ui/shell/datastore.h"
#include "ui/tensors/batchtab.h"
#include "ui/tensors/realdatatab.h"
#include "ui/tensors/tensorcelltab.h"

#include <QTabWidget>

namespace ui {

TensorsPage::TensorsPage(AppContext *context, QWidget *parent)
    : CellTabsPage(context, parent), m_tensor(new TensorCellTab), m_realData(new RealDataTab),
      m_batches(new BatchTab)
{
    tabs()->setObjectName(QStringLiteral("tensorsTabs"));
    addTab(m_tensor, tr("A tensor"), tr("Tensor"), QStringLiteral("tensor"));
    addTab(m_realData, tr("Real-world data"), tr("Data"), QStringLiteral("data"));
    addTab(m_batches, tr("Batches"), tr("Batches"), QStringLiteral("batches"));
    connect(m_batches, &BatchTab::showOnMnistPage, context, &AppContext::mnistBatchRequested);
    connect(context->data(), &DataStore::dataChanged, this, &TensorsPage::onData);
    onData();
    start();
}

void TensorsPage::onData()
{
    // The batch's picture follows a newly loaded set even when its tab is not shown.
    m_batches->setSampleCount(context()->data()->data()->trainImages.shape()[0]);
    if (tabs()->currentIndex() == TensorTab) rerun(TensorTab);
}

} // namespace ui
