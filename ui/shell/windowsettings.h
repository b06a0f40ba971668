#pragma once
// The window's settings as the app saves them at exit and restores them at start (QSettings:
// ~/.config/uncrumple/uncrumple.conf). That file is read before anything is on screen, so whatever
// it holds (hand-edited, half-written, from another version) is read defensively: a value of the
// wrong type or of an absurd size is dropped and the default used, never trusted.

#include <QByteArray>
#include <QString>

class QSettings;

namespace ui {

struct WindowSettings {
    QByteArray geometry; // QWidget::saveGeometry(); empty: the default size
    bool presentation = false;
    QString page; // a page id; empty or unknown: the first page

    // Far more than Qt writes (66 bytes).
    static constexpr int kMaxGeometryBytes = 4096;
    static constexpr int kMaxPageChars = 64;
};

WindowSettings readWindowSettings(const QSettings &settings);
void writeWindowSettings(QSettings &settings, const WindowSettings &values);

} // namespace ui
