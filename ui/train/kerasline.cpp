#include "ui/train/kerasline.h"

#include <QEvent>
#include <QFontDatabase>
#include <QPainter>
#include <algorithm>

namespace ui {

KerasLine::KerasLine(QWidget *parent) : QWidget(parent)
{
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    setAttribute(Qt::WA_OpaquePaintEvent);
    fitHeight();
}

void KerasLine::fitHeight()
{
    // "Epoch 5/5  469/469 [==============================] - 2s 4ms/step - loss: 0.0380 -
    // accuracy: 0.9890 - val_loss: 0.0702 - val_accuracy: 0.9786" is 134 characters.
    constexpr int kLongest = 134;
    const QFontMetrics fm = fontMetrics();
    const int perLine =
        std::max(1, (width() - 4) / std::max(1, fm.horizontalAdvance(QLatin1Char('='))));
    const int lines = std::clamp((kLongest + perLine - 1) / perLine, 1, 4);
    const int h = fm.lineSpacing() * lines + 4;
    if (height() != h || minimumHeight() != h) setFixedHeight(h);
}

void KerasLine::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    fitHeight();
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
    if (event->type() == QEvent::FontChange) fitHeight();
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
