// The settings the app restores at start: the input is the whole settings file (QSettings' INI
// format, what ~/.config/uncrumple/uncrumple.conf holds), read by readWindowSettings and applied
// to a main window the way MainWindow::restoreSettings applies it. Runs on Qt's offscreen
// platform, so no display is needed.

#include "tests/fuzz/fuzzinput.h"
#include "ui/shell/windowsettings.h"

#include <QApplication>
#include <QFile>
#include <QMainWindow>
#include <QSettings>
#include <QTemporaryDir>
#include <cstdlib>

namespace {

struct Window {
    QTemporaryDir dir;
    QMainWindow window;
    int count = 0;
    Window() { window.resize(1280, 800); }
};

Window *window()
{
    static int argc = 1;
    static char name[] = "fuzz_settings";
    static char *argv[] = {name, nullptr};
    static QApplication *app = [] {
        qputenv("QT_QPA_PLATFORM", "offscreen");
        return new QApplication(argc, argv);
    }();
    (void)app;
    static Window *w = new Window; // lives as long as the process, like the app's window
    return w;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    Window *w = window();
    // A new name each time: QSettings caches files by name and by time stamp.
    const QString path = w->dir.filePath(QStringLiteral("s%1.conf").arg(w->count++));
    {
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly)) std::abort();
        f.write(reinterpret_cast<const char *>(data), static_cast<qint64>(size));
    }
    {
        const QSettings settings(path, QSettings::IniFormat);
        const ui::WindowSettings s = ui::readWindowSettings(settings);
        w->window.restoreGeometry(s.geometry);
        if (s.geometry.size() > ui::WindowSettings::kMaxGeometryBytes ||
            s.page.size() > ui::WindowSettings::kMaxPageChars)
            std::abort();
    }
    QFile::remove(path);
    return 0;
}
