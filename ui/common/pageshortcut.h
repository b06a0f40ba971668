#pragma once
// A page-wide key for the classroom (Space, the arrows, a clicker's Page Up/Down): active while the
// focus is anywhere in the page, so that a focused text entry keeps its own keys (Space types).

#include <QKeySequence>
#include <QShortcut>
#include <QWidget>

namespace ui {

template<class Slot> void addPageShortcut(QWidget *page, const QKeySequence &keys, Slot slot)
{
    auto *shortcut = new QShortcut(keys, page);
    shortcut->setContext(Qt::WidgetWithChildrenShortcut);
    QObject::connect(shortcut, &QShortcut::activated, page, slot);
}

} // namespace ui
