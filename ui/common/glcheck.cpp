#include "ui/common/glcheck.h"

#include "ui/common/gldriver.h"

#include <QGuiApplication>
#include <QOffscreenSurface>
#include <QOpenGLContext>
#include <QSurfaceFormat>

namespace ui {

namespace {

QString probe()
{
    const QString platform = QGuiApplication::platformName();
    if (platform == QLatin1String("offscreen") || platform == QLatin1String("minimal"))
        return QObject::tr("Qt's '%1' platform cannot show OpenGL widgets").arg(platform);
    QOpenGLContext context;
    context.setFormat(QSurfaceFormat::defaultFormat());
    QOffscreenSurface surface;
    surface.setFormat(context.format());
    surface.create();
    if (!context.create()) return QObject::tr("no OpenGL context can be made on this display");
    if (!context.makeCurrent(&surface))
        return QObject::tr("the OpenGL context cannot draw on this display");
    const QSurfaceFormat format = context.format();
    context.doneCurrent();
    keepGlDriverLoaded();
    if (format.version() < qMakePair(3, 3))
        return QObject::tr("the display offers OpenGL %1.%2, and the page needs 3.3")
            .arg(format.majorVersion())
            .arg(format.minorVersion());
    return {};
}

} // namespace

QString openGlProblem()
{
    static const QString problem = probe();
    return problem;
}

} // namespace ui
