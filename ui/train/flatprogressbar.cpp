#include "ui/train/flatprogressbar.h"

#include "ui/common/palette.h"

#include <QPainter>

namespace ui {

FlatProgressBar::FlatProgressBar(QWidget *parent) : QProgressBar(parent)
{
    // Every pixel is painted: Qt need not paint the window behind the bar first.
    setAttribute(Qt::WA_OpaquePaintEvent);
}

void FlatProgressBar::setValueLater(int value)
{
    if (value == this->value()) return;
    setUpdatesEnabled(false); // QWidget::repaint() does nothing now
    setValue(value);
    setUpdatesEnabled(true); // and this asks for an update
}

void FlatProgressBar::setShortTexts(const QStringList &texts)
{
    if (texts == m_shortTexts) return;
    m_shortTexts = texts;
    update();
}

QString FlatProgressBar::shownText() const
{
    const QFontMetrics fm = fontMetrics();
    const int room = width() - 8;
    const QString full = text();
    if (fm.horizontalAdvance(full) <= room) return full;
    for (const QString &brief : m_shortTexts)
        if (fm.horizontalAdvance(brief) <= room) return brief;
    return fm.elidedText(m_shortTexts.isEmpty() ? full : m_shortTexts.constLast(), Qt::ElideRight,
                         room);
}

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
    const QString label = shownText();
    p.setPen(palette().color(QPalette::Text));
    p.setClipRect(QRect(chunk.right() + 1, r.top(), r.width(), r.height()));
    p.drawText(r, Qt::AlignCenter, label);
    p.setPen(Qt::white);
    p.setClipRect(chunk);
    p.drawText(r, Qt::AlignCenter, label);
}

} // namespace ui
