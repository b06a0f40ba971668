#pragma once
// Fonts that follow presentation mode. The shell scales the application font; a widget whose font
// sets a point size of its own would stay small, so these set only what they change.

#include <QFont>

class QWidget;

namespace ui {

// The system's monospace family with no size of its own: the size is inherited, so it scales.
QFont monospaceFont();

// Keeps widget's font at factor times its parent's size (monospace if asked), now and whenever the
// parent's font changes, e.g. when presentation mode scales the application font.
void followParentFont(QWidget *widget, double factor, bool monospace = false);

} // namespace ui
