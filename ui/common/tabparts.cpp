#include "ui/common/tabparts.h"

#include "ui/common/fonts.h"

#include <QLabel>
#include <QVBoxLayout>

namespace ui {

QLabel *captionLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::RichText);
    return label;
}

QLabel *arrayTitle(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setFont(monospaceFont());
    label->setAlignment(Qt::AlignCenter);
    return label;
}

PlayBar *playBar(Playhead *playhead, const PlayBarWording &wording, QWidget *parent)
{
    auto *bar = new PlayBar(playhead, parent);
    bar->setWording(wording);
    return bar;
}

QVBoxLayout *sideColumn(QWidget *side, const QString &note, QWidget *list)
{
    auto *layout = new QVBoxLayout(side);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *label = new QLabel(note, side);
    label->setWordWrap(true);
    layout->addWidget(label);
    layout->addWidget(list);
    return layout;
}

} // namespace ui
