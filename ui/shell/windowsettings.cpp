#include "ui/shell/windowsettings.h"

#include <QFile>
#include <QMetaType>
#include <QSettings>
#include <QVariant>

namespace ui {

namespace {

const QString kGeometry = QStringLiteral("window/geometry");
// No window/state: QMainWindow::saveState() records tool bars and dock widgets, and the window has
// neither. Qt 6.4's restoreState() also trusts the dock area's index in those bytes (the settings
// fuzzer's edited state wrote past QDockAreaLayout::docks[4] and crashed), so an older file's
// state is never read.
const QString kPresentation = QStringLiteral("window/presentation");
const QString kPage = QStringLiteral("window/page");

// A byte array as QSettings returns it: @ByteArray(...) in the file, or plain text when edited
// by hand. Anything else (a list, a number) or anything too large is not ours.
QByteArray bytesOf(const QVariant &v, int maxBytes)
{
    const int type = v.metaType().id();
    if (type != QMetaType::QByteArray && type != QMetaType::QString) return {};
    QByteArray b = v.toByteArray();
    if (b.size() > maxBytes) return {};
    return b;
}

// Our values are plain text and @ByteArray. QSettings turns an @Variant(...) into whatever type
// its bytes name when any key of its section is read: the settings fuzzer's file named a QPen
// whose dash pattern claimed a billion entries, and Qt allocated them (seconds, then out of
// memory). A file holding one, or larger than ours can be, is not ours: nothing is restored.
bool looksOurs(const QSettings &settings)
{
    QFile file(settings.fileName());
    if (!file.exists()) return true;
    if (file.size() > 1 << 20 || !file.open(QIODevice::ReadOnly)) return false;
    return !file.readAll().contains("@Variant(");
}

} // namespace

WindowSettings readWindowSettings(const QSettings &settings)
{
    WindowSettings w;
    if (!looksOurs(settings)) return w;
    w.geometry = bytesOf(settings.value(kGeometry), WindowSettings::kMaxGeometryBytes);
    const QVariant presentation = settings.value(kPresentation);
    if (presentation.metaType().id() == QMetaType::Bool)
        w.presentation = presentation.toBool();
    else if (presentation.metaType().id() == QMetaType::QString)
        w.presentation = presentation.toString().trimmed().compare(QStringLiteral("true"),
                                                                   Qt::CaseInsensitive) == 0;
    const QVariant page = settings.value(kPage);
    if (page.metaType().id() == QMetaType::QString) {
        const QString id = page.toString().trimmed();
        if (id.size() <= WindowSettings::kMaxPageChars) w.page = id;
    }
    return w;
}

void writeWindowSettings(QSettings &settings, const WindowSettings &values)
{
    settings.setValue(kGeometry, values.geometry);
    settings.remove(QStringLiteral("window/state")); // written by earlier versions
    settings.setValue(kPage, values.page);
    settings.setValue(kPresentation, values.presentation);
}

} // namespace ui
