#pragma once
// Messages that quote what was typed. A pasted line or a cat on the keyboard makes a "word" of
// thousands of characters; a word-wrapped label cannot break it, so its minimum width, and with it
// the window's, would grow past the screen. Such runs are shortened to their two ends.

#include <QString>

namespace ui {

// text with every run of more than `longest` non-space characters cut to its first and last
// characters around an ellipsis ("999…999"); the rest is kept as it is.
QString shortenLongWords(const QString &text, int longest = 40);

} // namespace ui
