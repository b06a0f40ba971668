#include "ui/geometry/numberentry.h"

#include "core/errors.h"
#include "core/geometry/numberparser.h"
#include "ui/common/numberformat.h"

#include <QFontMetrics>

namespace ui {

NumberEntry::NumberEntry(QWidget *parent) : QLineEdit(parent)
{
    setAlignment(Qt::AlignRight);
    setText(formatNumber(m_value, m_decimals));
    setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("-0.0000")) + 16);
    setToolTip(tr("A number or an expression such as 1/2, sqrt(2)/2 or cos(pi/6)"));
    connect(this, &QLineEdit::textEdited, this, &NumberEntry::onTextEdited);
    connect(this, &QLineEdit::returnPressed, this, &NumberEntry::editingDone);
}

void NumberEntry::setValue(double v)
{
    if (hasFocus() && isValid() && v == m_value)
        return; // the user's own text ("1/2", "0.50") already says this: leave it
    m_value = v;
    if (hasFocus() && !isValid()) return; // keep the user's unfinished text; it is theirs to fix
    const QString text = formatNumber(v, m_decimals);
    if (text != this->text()) setText(text);
}

void NumberEntry::onTextEdited(const QString &text)
{
    try {
        const double v = core::geometry::parseNumber(text.toStdString());
        setError({});
        m_value = v;
        emit valueEdited(v);
    } catch (const core::ParseError &e) {
        setError(tr("“%1”: column %2: %3")
                     .arg(text)
                     .arg(e.column())
                     .arg(QString::fromStdString(e.detail())));
    } catch (const std::exception &e) {
        setError(QString::fromStdString(e.what()));
    }
}

void NumberEntry::setError(const QString &message)
{
    if (message == m_error) return;
    m_error = message;
    // Red frame while the text is not a number; the message itself is shown by the editor.
    setStyleSheet(message.isEmpty() ? QString()
                                    : QStringLiteral("QLineEdit { border: 2px solid #FC6255; "
                                                     "border-radius: 3px; }"));
    emit errorChanged(message);
}

void NumberEntry::focusOutEvent(QFocusEvent *event)
{
    QLineEdit::focusOutEvent(event);
    // The text stays as typed: "sqrt(2)/2" is worth keeping, and an invalid entry keeps its
    // message until it is fixed.
    emit editingDone();
}

} // namespace ui
