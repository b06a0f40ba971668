#include "ui/shell/page.h"

#include "ui/common/codepanel.h"
#include "ui/common/glsurface.h"
#include "ui/shell/sidedrawer.h"

#include <QHBoxLayout>
#include <QLayout>
#include <QSplitter>
#include <QVBoxLayout>

namespace ui {

Page::Page(AppContext *context, QWidget *parent)
    : QWidget(parent), m_context(context), m_code(new CodePanel), m_splitter(new QSplitter(this))
{
    m_splitter->setChildrenCollapsible(false);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_splitter);
}

void Page::setBody(QWidget *main, QWidget *side)
{
    m_main = main;
    auto *column = new QWidget;
    m_column = column;
    auto *v = new QVBoxLayout(column);
    v->setContentsMargins(6, 6, 6, 6);
    if (side) v->addWidget(side, 3);
    v->addWidget(m_code, 2);
    m_splitter->addWidget(main);
    m_splitter->addWidget(column);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setSizes({600, 420}); // the side column holds code: give it room to read
}

void Page::keepColumnsInside()
{
    if (m_column && m_column->layout()) m_column->layout()->activate();
    for (int i = 0; i < m_splitter->count(); ++i) {
        const QWidget *w = m_splitter->widget(i);
        if (w->width() < w->minimumSizeHint().width() || w->width() < w->minimumWidth()) {
            m_splitter->setSizes(m_splitter->sizes()); // redistributes within the minimums
            return;
        }
    }
}

void Page::setFocusMode(bool on)
{
    if (on == focusMode() || !m_column) return;
    if (on) {
        m_drawer = new SideDrawer(this, m_splitter, m_column);
        return;
    }
    delete m_drawer;
    m_drawer = nullptr;
}

QImage Page::exportImage()
{
    return grabShown(m_main ? m_main : this);
}

} // namespace ui
