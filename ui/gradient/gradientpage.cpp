#include "ui/gradient/gradientpage.h"

#include "core/gradient/linearclassifier.h"
#include "ui/common/codepanel.h"
#include "ui/gradient/backproptab.h"
#include "ui/gradient/derivativetab.h"
#include "ui/gradient/descenttab.h"
#include "ui/gradient/minibatchtab.h"
#include "ui/gradient/tapetab.h"

#include <QTabWidget>

namespace ui {

namespace {

constexpr int kPointsPerClass = 500;

// The classifier's points as the book makes them: inputs (n, 2) and targets (n, 1), float32.
std::map<std::string, core::Tensor> arraysOf(const core::gradient::LinearClassifier &model)
{
    const std::int64_t n = model.size();
    core::Tensor inputs(core::DType::Float32, {n, 2});
    core::Tensor targets(core::DType::Float32, {n, 1});
    float *x = inputs.mutableData<float>();
    float *y = targets.mutableData<float>();
    for (std::int64_t i = 0; i < n; ++i) {
        x[2 * i] = static_cast<float>(model.inputs()(i, 0));
        x[2 * i + 1] = static_cast<float>(model.inputs()(i, 1));
        y[i] = static_cast<float>(model.targets()(i));
    }
    return {{"inputs", inputs}, {"targets", targets}};
}

} // namespace

GradientPage::GradientPage(AppContext *context, QWidget *parent)
    : CellTabsPage(context, parent), m_derivative(new DerivativeTab), m_descent(new DescentTab),
      m_miniBatch(nullptr), m_backprop(new BackpropTab), m_tape(new TapeTab)
{
    // The mini-batch tab's data set, also the cells' inputs and targets.
    auto model = std::make_shared<core::gradient::LinearClassifier>(
        core::gradient::LinearClassifier::generate(kPointsPerClass));
    addArrays(arraysOf(*model));
    m_miniBatch = new MiniBatchTab(model);
    tabs()->setObjectName(QStringLiteral("gradientTabs"));
    codePanel()->setTitle(tr("The cell (TensorFlow's GradientTape), live: edit it"),
                          tr("The cell, live"));
    addTab(m_derivative, tr("Derivative"), tr("Derivative"), QStringLiteral("derivative"));
    addTab(m_descent, tr("Gradient descent"), tr("Descent"), QStringLiteral("descent"));
    addTab(m_miniBatch, tr("Mini-batch SGD"), tr("Mini-batch"), QStringLiteral("minibatch"));
    addTab(m_backprop, tr("Backpropagation"), tr("Backprop"), QStringLiteral("backprop"));
    addTab(m_tape, tr("GradientTape"), tr("Tape"), QStringLiteral("tape"));
    start();
}

} // namespace ui
