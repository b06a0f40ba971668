#include "ui/common/examplelist.h"

namespace ui {

ExampleList::ExampleList(std::span<const CellExample> examples, int row, QWidget *parent)
    : QListWidget(parent), m_examples(examples)
{
    for (const CellExample &e : examples)
        addItem(tr(e.title));
    setCurrentRow(row);
    connect(this, &QListWidget::currentRowChanged, this, [this](int chosen) {
        if (chosen >= 0) emit cellChosen(cellAt(chosen));
    });
}

QString ExampleList::cellAt(int row) const
{
    return QString::fromUtf8(m_examples[static_cast<std::size_t>(row)].cell);
}

} // namespace ui
