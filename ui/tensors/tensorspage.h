#pragma once
// The Tensors page (section 2.2, data representations for neural networks): a tensor a cell
// makes, drawn with its attributes; the real-world data shapes of the chapter with their memory
// footprints; and batches along the samples axis. The code panel is live: each tab's cell runs in
// the cell engine (off the GUI thread) and the picture follows it.

#include "ui/shell/page.h"

class QTabWidget;
class QStackedWidget;

namespace ui {

class BatchTab;
class CellRunner;
class RealDataTab;
class TensorCellTab;
struct CellRun;

class TensorsPage : public Page {
    Q_OBJECT
public:
    enum Tab { TensorTab, RealDataTabIndex, BatchTabIndex };

    explicit TensorsPage(AppContext *context, QWidget *parent = nullptr);
    ~TensorsPage() override;

    QTabWidget *tabs() const { return m_tabs; }
    TensorCellTab *tensorTab() const { return m_tensor; }
    RealDataTab *realDataTab() const { return m_realData; }
    BatchTab *batchTab() const { return m_batches; }
    CellRunner *runner() const { return m_runner; }
    // Shows a tab; name is "tensor", "data" or "batches" (the command line's --tensors-tab).
    bool showTab(const QString &name) override;
    QStringList tabNames() const override;

private:
    void onTabChanged(int index);
    void onCellChosen(int tab, const QString &cell);
    void onRunRequested(const QString &cell);
    void onRunFinished(const CellRun &run);
    void onData();

    QTabWidget *m_tabs;
    QStackedWidget *m_sides;
    TensorCellTab *m_tensor;
    RealDataTab *m_realData;
    BatchTab *m_batches;
    CellRunner *m_runner;
    QString m_cells[3]; // each tab's cell as last run or chosen
};

} // namespace ui
