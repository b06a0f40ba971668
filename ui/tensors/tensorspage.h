#pragma once
// The Tensors page (section 2.2, data representations for neural networks): a tensor a cell
// makes, drawn with its attributes; the real-world data shapes of the chapter with their memory
// footprints; and batches along the samples axis. The code panel is live: each tab's cell runs in
// the cell engine (off the GUI thread) and the picture follows it.

#include "ui/common/celltabspage.h"

namespace ui {

class BatchTab;
class RealDataTab;
class TensorCellTab;

class TensorsPage : public CellTabsPage {
    Q_OBJECT
public:
    enum Tab { TensorTab, RealDataTabIndex, BatchTabIndex };

    explicit TensorsPage(AppContext *context, QWidget *parent = nullptr);

    TensorCellTab *tensorTab() const { return m_tensor; }
    RealDataTab *realDataTab() const { return m_realData; }
    BatchTab *batchTab() const { return m_batches; }

private:
    void onData();

    TensorCellTab *m_tensor;
    RealDataTab *m_realData;
    BatchTab *m_batches;
};

} // namespace ui
