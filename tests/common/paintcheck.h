#pragma once
// For tests of widgets that repaint only part of themselves: the rectangles Qt asks a widget to
// paint, and whether the screen (read back from the X server) shows what a full paint shows.

#include <QEvent>
#include <QImage>
#include <QPaintEvent>
#include <QScreen>
#include <QTest>
#include <QWidget>
#include <vector>

namespace testing {

// The rectangle of every paint event of the widget it is installed on.
struct PaintRects : QObject {
    std::vector<QRect> rects;
    bool eventFilter(QObject *, QEvent *e) override
    {
        if (e->type() == QEvent::Paint) rects.push_back(static_cast<QPaintEvent *>(e)->rect());
        return false;
    }
};

// After the pending paints, the window's pixels on the screen against a full paint of it (grab()
// paints too: clear a PaintRects afterwards).
inline bool screenShowsAFullPaint(QWidget &window)
{
    QTest::qWait(30);
    const QImage shown =
        window.screen()->grabWindow(window.winId()).toImage().convertToFormat(QImage::Format_RGB32);
    const QImage full = window.grab().toImage().convertToFormat(QImage::Format_RGB32);
    return shown.size() == full.size() && shown == full;
}

} // namespace testing
