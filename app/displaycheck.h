#pragma once
// Whether the GUI can open a window, asked before QApplication: without a display Qt aborts with
// its own plugin message (exit code 134), which tells a student nothing about what to do.

#include <QString>

namespace app {

// Empty when a window can be opened, or when the platform is one Qt opens without a display
// (QT_QPA_PLATFORM=offscreen, -platform vnc, ...); otherwise the message to print, e.g.
// "no display: set DISPLAY or run under xvfb-run, or use a verb (uncrumple --help lists them)".
QString missingDisplay(int argc, char *argv[]);

} // namespace app
