#pragma once
// The Operations page (section 2.3, the gears of neural networks): element-wise operations and
// the book's timing of loops against vectorised kernels, broadcasting in NumPy's two steps, the
// tensor product as Figure 2.5's box diagram, and reshaping and transposing, each from a live cell.

#include "ui/common/celltabspage.h"

namespace ui {

class BroadcastTab;
class ElementwiseTab;
class ProductTab;
class ReshapeTab;

class OperationsPage : public CellTabsPage {
    Q_OBJECT
public:
    enum Tab { ElementwiseIndex, BroadcastIndex, ProductIndex, ReshapeIndex };

    explicit OperationsPage(AppContext *context, QWidget *parent = nullptr);

    ElementwiseTab *elementwiseTab() const { return m_elementwise; }
    BroadcastTab *broadcastTab() const { return m_broadcast; }
    ProductTab *productTab() const { return m_product; }
    ReshapeTab *reshapeTab() const { return m_reshape; }

private:
    ElementwiseTab *m_elementwise;
    BroadcastTab *m_broadcast;
    ProductTab *m_product;
    ReshapeTab *m_reshape;
};

} // namespace ui
