#pragma once
// What the tabs of the cell pages (Operations, Gradient) are built from, made one way: the caption
// over a picture, the monospace title over each drawn array, the play bar under an animation, and
// the side column's note above the list of examples.

#include "ui/common/playbar.h"

class QLabel;
class QVBoxLayout;
class QWidget;

namespace ui {

class Playhead;

// Word-wrapped rich text; objectName for tests.
QLabel *captionLabel(const QString &objectName, QWidget *parent);
// "x", "z = np.dot(x, y)": monospace, centred.
QLabel *arrayTitle(const QString &text, QWidget *parent);
PlayBar *playBar(Playhead *playhead, const PlayBarWording &wording, QWidget *parent);
// The side column's layout on side: a word-wrapped note, then the list.
QVBoxLayout *sideColumn(QWidget *side, const QString &note, QWidget *list);

} // namespace ui
