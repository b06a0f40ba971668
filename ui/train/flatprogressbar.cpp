#include "ui/train/flatprogressbar.h"

#include "ui/common/palette.h"

#include <QPainter>

namespace ui {

void FlatProgressBar::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const QRect r = rect();
    p.fillRect(r, palette().color(QPalette::Base));
    const int span = maximum() - minimum();
    const double done = span > 0 ? double(value() - minimum()) / span : 0.0;
    const QRect chunk(r.left(), r.top(), static_cast<int>(r.width() * done), r.height());
    p.fillRect(chunk, palette::accent());
    p.setPen(palette().color(QPalette::Mid));
    p.drawRect(r.adjusted(0, 0, -1, -1));
    // The text reads on both parts: dark on the base, white on the accent.
    const QString label = text();
    p.setPen(palette().color(QPalette::Text));
    p.setClipRect(QRect(chunk.right() + 1, r.top(), r.width(), r.height()));
    p.drawText(r, Qt::AlignCenter, label);
    p.setPen(Qt::white);
    p.setClipRect(chunk);
    p.drawText(r, Qt::AlignCenter, label);
}

} // namespace ui
