#include "ui/operations/operationspage.h"

#include "ui/operations/broadcasttab.h"
#include "ui/operations/elementwisetab.h"
#include "ui/operations/producttab.h"
#include "ui/operations/reshapetab.h"
#include "ui/shell/appcontext.h"

#include <QTabWidget>

namespace ui {

OperationsPage::OperationsPage(AppContext *context, QWidget *parent)
    : CellTabsPage(context, parent), m_elementwise(new ElementwiseTab),
      m_broadcast(new BroadcastTab), m_product(new ProductTab), m_reshape(new ReshapeTab)
{
    tabs()->setObjectName(QStringLiteral("operationsTabs"));
    addTab(m_elementwise, tr("Element-wise"), tr("Element"), QStringLiteral("elementwise"));
    addTab(m_broadcast, tr("Broadcasting"), tr("Broadcast"), QStringLiteral("broadcasting"));
    addTab(m_product, tr("Tensor product"), tr("Product"), QStringLiteral("product"));
    addTab(m_reshape, tr("Reshape"), tr("Reshape"), QStringLiteral("reshape"));
    connect(m_product, &ProductTab::geometryRequested, context,
            [context] { emit context->pageRequested(QStringLiteral("geometry")); });
    start();
}

} // namespace ui
