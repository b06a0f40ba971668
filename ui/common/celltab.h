#pragma once
// One tab of a page whose code panel is a live cell (CellTabsPage): a picture, the controls for
// the side column, the cell that makes the picture, and what to draw when that cell has run.

#include "ui/common/cellrunner.h"

#include <QWidget>

namespace ui {

class CellTab : public QWidget {
    Q_OBJECT
public:
    using QWidget::QWidget;

    // The controls shown in the side column above the code while the tab is shown.
    virtual QWidget *side() const = 0;
    // The cell the tab starts with.
    virtual QString cell() const = 0;
    // The tab's cell has run (the cell may have been edited since the tab chose it).
    virtual void showRun(const CellRun &run) = 0;

signals:
    // The user chose something in the tab: this cell should replace the code, and run.
    void cellChosen(const QString &cell);
};

} // namespace ui
