#include "ui/train/kerasline.h"

#include "ui/common/fonts.h"

#include <QEvent>
#include <QPainter>
#include <QResizeEvent>
#include <algorithm>
#include <cmath>

namespace ui {

KerasLine::KerasLine(QWidget *parent) : QWidget(parent)
{
    setFont(monospaceFont()); // its size follows the page (presentation mode)
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    setAttribute(Qt::WA_OpaquePaintEvent);
    measureLongest();
    fitHeight();
}

int KerasLine::linesFor(const QString &text, int width) const
{
    const QFontMetrics fm = fontMetrics();
    const QRect r = fm.boundingRect(QRect(0, 0, width, 10000),
                                    Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, text);
    return (r.height() + fm.lineSpacing() - 1) / fm.lineSpacing();
}

void KerasLine::measureLongest()
{
    // Keras' longest line, wrapped at words as paintEvent wraps it: counting characters per line
    // would forget the room a wrap leaves at each line's end (and lose val_accuracy). Measured
    // when the width or the font changes, not at every progress update.
    static const QString longest = QStringLiteral(
        "Epoch 10/10  469/469 [==============================] - 20s 43ms/step - loss: 0.0380 - "
        "accuracy: 0.9890");
    static const QString val = QStringLiteral(" - val_loss: 0.0702 - val_accuracy: 0.9786");
    m_longestLines = linesFor(m_valMetrics ? longest + val : longest, textWidth());
}

int KerasLine::textWidth() const
{
    return std::max(1, rect().adjusted(2, 1, -2, -1).width());
}

void KerasLine::layoutText()
{
    // As qt_format_text: line breaks as line separators, each line at a whole pixel below the one
    // before, the font's leading between them.
    QString text = m_text;
    text.replace(QLatin1Char('\n'), QChar::LineSeparator);
    m_layout.setText(text);
    m_layout.setFont(font());
    m_layout.setCacheEnabled(true);
    QTextOption option(Qt::AlignLeft | Qt::AlignTop);
    option.setWrapMode(QTextOption::WordWrap);
    m_layout.setTextOption(option);
    const qreal leading = QFontMetricsF(font()).leading();
    qreal y = -leading;
    m_layout.beginLayout();
    for (QTextLine line = m_layout.createLine(); line.isValid(); line = m_layout.createLine()) {
        line.setLineWidth(textWidth());
        y = std::ceil(y + leading);
        line.setPosition(QPointF(0, y));
        y += line.height();
    }
    m_layout.endLayout();
    m_laidOutWidth = textWidth();
}

void KerasLine::fitHeight()
{
    if (m_laidOutWidth != textWidth()) layoutText();
    const int lines = std::max({1, m_longestLines, m_layout.lineCount()});
    const int h = fontMetrics().lineSpacing() * std::min(lines, 4) + 4;
    if (height() != h || minimumHeight() != h) setFixedHeight(h);
}

void KerasLine::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    if (event->oldSize().width() != width()) measureLongest(); // not when fitHeight set the height
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
    m_laidOutWidth = -1;
    fitHeight();
    update();
}

void KerasLine::setValMetrics(bool on)
{
    if (on == m_valMetrics) return;
    m_valMetrics = on;
    measureLongest();
    fitHeight();
}

void KerasLine::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() != QEvent::FontChange) return;
    m_laidOutWidth = -1;
    measureLongest();
    fitHeight();
}

void KerasLine::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), palette().color(backgroundRole()));
    p.setPen(palette().color(QPalette::WindowText));
    if (m_laidOutWidth != textWidth()) layoutText();
    // What does not fit is cut at the text's rectangle, as drawText cuts it.
    const QRect text = rect().adjusted(2, 1, -2, -1);
    p.setClipRect(text);
    m_layout.draw(&p, text.topLeft());
}

} // namespace ui
