#pragma once

namespace app {

// Parses the GUI options (--page, --screenshot, --data-dir, ...) and runs the main window.
int runGui(int argc, char *argv[]);

} // namespace app
