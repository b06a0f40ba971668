#include "ui/operations/reshapetab.h"

#include "core/cell/repr.h"
#include "core/cell/shaperules.h"
#include "ui/common/examplelist.h"
#include "ui/common/numbers.h"
#include "ui/common/playhead.h"
#include "ui/common/tabparts.h"
#include "ui/operations/reshapeview.h"

#include <QLabel>
#include <QRegularExpression>
#include <QVBoxLayout>
#include <array>
#include <cmath>

namespace ui {

namespace {

const std::array<CellExample, 5> kExamples = {{
    {"(3, 2) → (6, 1) → (2, 3): the book's", "x = np.array([[0., 1.],\n"
                                             "              [2., 3.],\n"
                                             "              [4., 5.]])\n"
                                             "y = x.reshape((6, 1))\n"
                                             "z = x.reshape((2, 3))\nz"},
    {"-1: the length NumPy infers", "x = np.arange(12).reshape((3, 4))\n"
                                    "y = x.reshape((2, -1))\ny.shape"},
    {"transpose (3, 2) → (2, 3)", "x = np.arange(6).reshape((3, 2))\n"
                                  "y = np.transpose(x)\nprint(x.strides, y.strides)\ny"},
    {"transpose (300, 20): the strides swap", "x = np.zeros((300, 20))\n"
                                              "y = np.transpose(x)\n"
                                              "print(x.strides, y.strides)\ny.shape"},
    {"impossible: (3, 2) → (4, -1)", "x = np.arange(6).reshape((3, 2))\n"
                                     "y = x.reshape((4, -1))"},
}};

} // namespace

ReshapeTab::ReshapeTab(QWidget *parent)
    : CellTab(parent), m_view(new ReshapeView(this)),
      m_stages(captionLabel(QStringLiteral("reshapeStages"), this)), m_playhead(new Playhead(this)),
      m_side(new QWidget), m_examples(new ExampleList(kExamples, 0, m_side))
{
    m_view->setMaxCell(60);
    m_playhead->setSecondsPerPhase(1.2);
    auto *bar = playBar(m_playhead,
                        {tr("The first array"), tr("The last"),
                         tr("Move every element to its place in the next shape"),
                         tr("From one shape to the next"), tr("first shape"), tr("last shape")},
                        this);
    connect(m_playhead, &Playhead::timeChanged, this, [this](double t) {
        m_view->setTime(t);
        showStages();
    });
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_stages);
    layout->addWidget(m_view, 1);
    layout->addWidget(bar);

    connect(m_examples, &ExampleList::cellChosen, this, &CellTab::cellChosen);
    sideColumn(m_side,
               tr("<b>Reshaping</b> rearranges rows and columns to a target shape; the elements "
                  "keep their row-major order. A <b>transpose</b> swaps the axes: nothing moves in "
                  "memory, the strides swap. Each array the cell assigns is a stage."),
               m_examples);
}

QString ReshapeTab::cell() const
{
    return m_examples->cell();
}

void ReshapeTab::showRun(const CellRun &run)
{
    if (!run.result.ok()) return; // the last good stages stay; the error is under the code
    // The stages: the arrays assigned, in order, with as many elements as the first.
    std::vector<core::Tensor> stages;
    m_names.clear();
    for (const QString &name : CellRunner::assignedNames(run.cell)) {
        const auto it = run.arrays.find(name);
        if (it == run.arrays.end() || m_names.contains(name)) continue;
        if (!stages.empty() && it->second.size() != stages.front().size()) continue;
        stages.push_back(it->second);
        m_names << name;
    }
    m_view->setStages(stages);
    m_playhead->setPhaseCount(std::max(0, static_cast<int>(stages.size()) - 1));
    m_playhead->seek(0);
    showStages();
}

QString ReshapeTab::stagesText() const
{
    QString text = m_stages->text();
    text.remove(QRegularExpression(QStringLiteral("<[^>]*>")));
    return text;
}

void ReshapeTab::showStages()
{
    const auto &stages = m_view->stages();
    if (stages.empty()) {
        m_stages->setText(tr("Assign arrays in the cell: each is a stage."));
        return;
    }
    const int current = static_cast<int>(std::lround(m_playhead->time()));
    QStringList parts;
    for (int i = 0; i < static_cast<int>(stages.size()); ++i) {
        const core::Tensor &t = stages[static_cast<std::size_t>(i)];
        const QString part = tr("%1 %2, strides %3")
                                 .arg(m_names.value(i), shapeTuple(t.shape()),
                                      shapeTuple(core::cell::byteStrides(t)));
        parts << (i == current ? QStringLiteral("<b>%1</b>").arg(part) : part);
    }
    m_stages->setText(parts.join(QStringLiteral(" → ")));
}

} // namespace ui
