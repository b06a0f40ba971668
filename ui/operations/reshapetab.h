#pragma once
// The Operations page's reshape tab (section 2.3.4): the book's (3, 2) -> (6, 1) -> (2, 3), a
// shape with -1 inferred, and transposes, from the arrays the cell assigns in turn; each step
// animated (ReshapeView) with every stage's shape and strides as NumPy reports them. A reshape
// that cannot be done shows NumPy's message.

#include "ui/common/celltab.h"

class QLabel;

namespace ui {

class ExampleList;
class Playhead;
class ReshapeView;

class ReshapeTab : public CellTab {
    Q_OBJECT
public:
    explicit ReshapeTab(QWidget *parent = nullptr);

    QWidget *side() const override { return m_side; }
    QString cell() const override;
    void showRun(const CellRun &run) override;

    ExampleList *examples() const { return m_examples; }
    Playhead *playhead() const { return m_playhead; }
    ReshapeView *view() const { return m_view; }
    // "x (3, 2) strides (16, 8) → y (6, 1) strides (8, 8) → ...", plain text.
    QString stagesText() const;

private:
    void showStages();

    ReshapeView *m_view;
    QLabel *m_stages;
    Playhead *m_playhead;
    QWidget *m_side;
    ExampleList *m_examples;
    QStringList m_names;
};

} // namespace ui
