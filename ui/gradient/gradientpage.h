#pragma once
// The Gradient page (section 2.4, "The engine of neural networks: gradient-based optimization"):
// a derivative on a curve, gradient descent on loss surfaces with the Train page's optimizers,
// mini-batch SGD on a real model, backpropagation through the book's graph, and the book's
// tf.GradientTape listings. Every tab's code is a live cell differentiated by the engine.

#include "ui/common/celltabspage.h"

namespace ui {

class BackpropTab;
class DerivativeTab;
class DescentTab;
class MiniBatchTab;
class TapeTab;

class GradientPage : public CellTabsPage {
    Q_OBJECT
public:
    explicit GradientPage(AppContext *context, QWidget *parent = nullptr);

    DerivativeTab *derivativeTab() const { return m_derivative; }
    DescentTab *descentTab() const { return m_descent; }
    MiniBatchTab *miniBatchTab() const { return m_miniBatch; }
    BackpropTab *backpropTab() const { return m_backprop; }
    TapeTab *tapeTab() const { return m_tape; }

private:
    DerivativeTab *m_derivative;
    DescentTab *m_descent;
    MiniBatchTab *m_miniBatch;
    BackpropTab *m_backprop;
    TapeTab *m_tape;
};

} // namespace ui
