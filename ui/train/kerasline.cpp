#include "ui/train/kerasline.h"

#include <QEvent>
#include <QFontDatabase>
#include <QPainter>

namespace ui {

KerasLine::KerasLine(QWidget *parent) : QWidget(parent)
{
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    setFixedHeight(sizeHint().height());
    setAttribute(Qt::WA_OpaquePaintEvent);
}

QSize KerasLine::sizeHint() const
{
    return {400, fontMetrics().lineSpacing() * 2 + 4};
}

QSize KerasLine::minimumSizeHint() const
{
    return {100, sizeHint().height()};
}

void KerasLine::setText(const QString &text)
{
    if (text == m_text) return;
    m_text = text;
    update();
}

void KerasLine::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange) setFixedHeight(sizeHint().height());
}

void KerasLine::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), palette().color(backgroundRole()));
    p.setPen(palette().color(QPalette::WindowText));
    p.drawText(rect().adjusted(2, 1, -2, -1), Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap,
               m_text);
}

} // namespace ui
