#include "app/displaycheck.h"

#include <QByteArray>
#include <QByteArrayList>
#include <QRegularExpression>
#include <cstddef>
#include <cstring>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

namespace app {

namespace {

const QString kAdvice = QStringLiteral(
    "set DISPLAY or run under xvfb-run, or use a verb (uncrumple --help lists them)");

// The platform Qt will use: -platform NAME, else QT_QPA_PLATFORM; empty means Qt's default.
QByteArray platformSpec(int argc, char *argv[])
{
    for (int i = 1; i + 1 < argc; ++i)
        if (std::strcmp(argv[i], "-platform") == 0 || std::strcmp(argv[i], "--platform") == 0)
            return argv[i + 1];
    return qgetenv("QT_QPA_PLATFORM");
}

bool connects(const sockaddr_un &address, socklen_t length)
{
    const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return true; // cannot tell: let Qt try
    const bool ok = ::connect(fd, reinterpret_cast<const sockaddr *>(&address), length) == 0;
    ::close(fd);
    return ok;
}

// Whether a local X display (":0", "unix:1.0") has a server, on the abstract socket or the file
// in /tmp/.X11-unix, as libxcb tries them. Remote and other forms are left to Qt.
bool localXServerAnswers(const QString &display)
{
    static const QRegularExpression local(QStringLiteral("^(?:unix)?:(\\d+)(?:\\.\\d+)?$"));
    const QRegularExpressionMatch m = local.match(display);
    if (!m.hasMatch()) return true;
    const QByteArray path = "/tmp/.X11-unix/X" + m.captured(1).toLatin1();
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    if (static_cast<std::size_t>(path.size()) + 1 >= sizeof address.sun_path) return true;
    // Abstract: a leading NUL, then the path, without a terminating NUL.
    std::memcpy(address.sun_path + 1, path.constData(), static_cast<std::size_t>(path.size()));
    const auto abstractLength =
        static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + 1 + path.size());
    if (connects(address, abstractLength)) return true;
    std::memset(address.sun_path, 0, sizeof address.sun_path);
    std::memcpy(address.sun_path, path.constData(), static_cast<std::size_t>(path.size()));
    return connects(address, static_cast<socklen_t>(sizeof address));
}

} // namespace

QString missingDisplay(int argc, char *argv[])
{
    bool wayland = false, xcb = false;
    const QByteArray spec = platformSpec(argc, argv);
    if (spec.isEmpty()) {
        wayland = xcb = true; // Qt's default on Linux: Wayland in a Wayland session, else X
    } else {
        // "wayland;xcb" is a list to try in turn; "xcb:option" carries plugin options.
        for (const QByteArray &entry : spec.split(';')) {
            const QByteArray name = entry.split(':').constFirst().trimmed();
            if (name == "xcb")
                xcb = true;
            else if (name.startsWith("wayland"))
                wayland = true;
            else
                return {}; // offscreen, minimal, vnc, eglfs...: no display needed, or Qt says why
        }
    }
    // Wayland alone is left to Qt: a compositor may answer on wayland-0 without WAYLAND_DISPLAY.
    if (!xcb || (wayland && !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))) return {};
    const QString display = qEnvironmentVariable("DISPLAY");
    if (display.isEmpty()) return QStringLiteral("no display: ") + kAdvice;
    if (!localXServerAnswers(display))
        return QStringLiteral("no display: nothing answers on DISPLAY=%1; ").arg(display) + kAdvice;
    return {};
}

} // namespace app
