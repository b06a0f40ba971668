#include "ui/common/fittinglabel.h"

#include "ui/common/captions.h"

#include <QEvent>
#include <QFontMetricsF>
#include <cmath>

namespace ui {

FittingLabel::FittingLabel(const QStringList &wordings, QWidget *parent)
    : QLabel(wordings.value(0), parent), m_wordings(wordings)
{}

void FittingLabel::setWordings(const QStringList &wordings)
{
    m_wordings = wordings;
    refit();
}

void FittingLabel::refit()
{
    updateGeometry();
    chooseWording();
}

QSize FittingLabel::hintFor(const QString &wording) const
{
    const QFontMetricsF fm(font());
    const QMargins m = contentsMargins();
    return {static_cast<int>(std::ceil(fm.horizontalAdvance(wording))) + 2 * margin() + m.left() +
                m.right() + 1,
            QLabel::minimumSizeHint().height()};
}

QSize FittingLabel::sizeHint() const
{
    return wordWrap() ? QLabel::sizeHint() : hintFor(m_wordings.value(0));
}

QSize FittingLabel::minimumSizeHint() const
{
    if (wordWrap()) return QLabel::minimumSizeHint();
    return hintFor(m_wordings.isEmpty() ? QString() : m_wordings.constLast());
}

void FittingLabel::resizeEvent(QResizeEvent *event)
{
    QLabel::resizeEvent(event);
    chooseWording();
}

void FittingLabel::changeEvent(QEvent *event)
{
    QLabel::changeEvent(event);
    if (event->type() == QEvent::FontChange) refit();
}

void FittingLabel::chooseWording()
{
    if (wordWrap()) {
        if (text() != m_wordings.value(0)) setText(m_wordings.value(0));
        return;
    }
    const QFontMetricsF fm(font());
    const QRectF line(0, 0, contentsRect().width() - 2 * margin(), fm.height());
    const QString wording = longestCaptionThatFits(fm, line, m_wordings);
    if (wording != text()) setText(wording);
}

} // namespace ui
