#pragma once
// "Nothing clipped" as a test can see it: every visible widget lies inside the window, except
// where an ancestor is a scroll area's viewport (whose content
// scrolls on purpose; what must be in view there is checked by the test itself). Widgets are named
// by their object names or classes, with their path.

#include <QAbstractScrollArea>
#include <QRect>
#include <QString>
#include <QStringList>
#include <QWidget>

namespace testing {

inline QString widgetPath(const QWidget *w)
{
    QStringList parts;
    for (; w; w = w->parentWidget())
        parts.prepend(w->objectName().isEmpty() ? QString::fromLatin1(w->metaObject()->className())
                                                : w->objectName());
    return parts.join(QLatin1Char('/'));
}

// Whether w is (inside) the content of a scroll area, below `top`.
inline bool insideScrolledContent(const QWidget *w, const QWidget *top)
{
    for (const QWidget *p = w->parentWidget(); p && p != top; p = p->parentWidget())
        if (auto *area = qobject_cast<const QAbstractScrollArea *>(p->parentWidget());
            area && area->viewport() == p)
            return true;
    return false;
}

// The visible widgets under window that stick out of it, one line each (empty when nothing is
// clipped).
inline QStringList clippedWidgets(const QWidget *window)
{
    QStringList out;
    const QRect inside = window->rect();
    for (const QWidget *w : window->findChildren<const QWidget *>()) {
        if (!w->isVisibleTo(window) || w->isWindow() || insideScrolledContent(w, window)) continue;
        const QRect r(w->mapTo(window, QPoint(0, 0)), w->size());
        if (!inside.contains(r))
            out << QStringLiteral("%1 at (%2, %3) %4 x %5 leaves the %6 x %7 window")
                       .arg(widgetPath(w))
                       .arg(r.x())
                       .arg(r.y())
                       .arg(r.width())
                       .arg(r.height())
                       .arg(inside.width())
                       .arg(inside.height());
    }
    return out;
}

// Whether all of w is inside the viewport of the scroll area holding it (true outside one).
inline bool wholeInView(const QWidget *w)
{
    for (const QWidget *p = w->parentWidget(); p; p = p->parentWidget())
        if (auto *area = qobject_cast<const QAbstractScrollArea *>(p->parentWidget());
            area && area->viewport() == p) {
            const QRect r(w->mapTo(p, QPoint(0, 0)), w->size());
            return p->rect().contains(r);
        }
    return true;
}

} // namespace testing
