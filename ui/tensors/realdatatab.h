#pragma once
// The Tensors page's real-world data (section 2.2.7-2.2.11): vector data, timeseries, images
// channels-last and channels-first, and video, each drawn as its shape with the axes named, what
// each axis counts, and the memory a batch takes in uint8, float32 and float64.

#include "ui/common/celltab.h"

class QLabel;
class QListWidget;

namespace ui {

class TensorView;

class RealDataTab : public CellTab {
    Q_OBJECT
public:
    explicit RealDataTab(QWidget *parent = nullptr);

    QWidget *side() const override { return m_side; }
    QListWidget *examples() const { return m_examples; }
    TensorView *view() const { return m_view; }
    // The footprint lines as shown, plain text: "float32: 405 MB (424,673,280 bytes)".
    QString footprintText() const;
    // The cell that checks the float32 footprint in NumPy, for the chosen example.
    QString cell() const override;
    void showRun(const CellRun &) override {} // the footprints are core's; the cell checks them
    void showExample(int row);

private:
    TensorView *m_view;
    QLabel *m_title;
    QLabel *m_axes;
    QLabel *m_footprint;
    QWidget *m_side;
    QListWidget *m_examples;
    int m_row = -1;
};

} // namespace ui
