#pragma once
// The Gradient page's GradientTape tab (section 2.4.4): the book's three tf.GradientTape listings
// run live by the cell engine, with each variable the tape watched drawn beside its gradient
// (TensorFlow's tape.gradient gives the gradient of the sum of the target's elements).

#include "ui/common/celltab.h"

class QGridLayout;
class QLabel;

namespace ui {

class ExampleList;
class TensorView;

class TapeTab : public CellTab {
    Q_OBJECT
public:
    explicit TapeTab(QWidget *parent = nullptr);

    QWidget *side() const override { return m_side; }
    QString cell() const override;
    void showRun(const CellRun &run) override;

    ExampleList *examples() const { return m_examples; }
    // The pairs drawn: each source's name and its gradient's view.
    int pairCount() const { return static_cast<int>(m_views.size()) / 2; }
    TensorView *gradientView(int pair) const { return m_views.value(2 * pair + 1); }
    QString captionText() const;

private:
    void clearPairs();

    QGridLayout *m_grid;
    QList<TensorView *> m_views; // source, gradient, source, gradient, ...
    QList<QLabel *> m_titles;
    QLabel *m_caption;
    QWidget *m_side;
    ExampleList *m_examples;
};

} // namespace ui
