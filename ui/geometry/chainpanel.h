#pragma once
// The chain of transforms as a list, applied top to bottom, with buttons to add a step of any
// kind, remove the selected one and move it up or down.

#include "core/geometry/chain.h"

#include <QWidget>

class QListWidget;
class QToolButton;

namespace ui {

class ChainPanel : public QWidget {
    Q_OBJECT
public:
    explicit ChainPanel(QWidget *parent = nullptr);

    void setChain(const core::geometry::Chain &chain, int selected);
    int selected() const;
    // The step the animation is in, marked in the list (-1: none).
    void setActiveStep(int step);

    // One line per step: "rotation by 30°", "affine W·x + b + ReLU".
    static QString describe(const core::geometry::Transform &step);

signals:
    void selectionChanged(int index);
    void addRequested(core::geometry::TransformKind kind);
    void removeRequested(int index);
    void moveRequested(int from, int to);

private:
    void updateButtons();

    QListWidget *m_list;
    QToolButton *m_add, *m_remove, *m_up, *m_down;
    int m_active = -1;
    int m_maxSteps = 12;
};

} // namespace ui
