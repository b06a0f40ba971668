#include "ui/common/pythonhighlighter.h"

namespace ui {

PythonHighlighter::PythonHighlighter(QTextDocument *document) : QSyntaxHighlighter(document)
{
    setDarkBackground(false);
}

void PythonHighlighter::setDarkBackground(bool dark)
{
    auto format = [](QColor c, bool bold = false, bool italic = false) {
        QTextCharFormat f;
        f.setForeground(c);
        if (bold) f.setFontWeight(QFont::DemiBold);
        f.setFontItalic(italic);
        return f;
    };
    const QColor keyword = dark ? QColor(0xC6, 0x78, 0xDD) : QColor(0x7A, 0x1F, 0xA2);
    const QColor number = dark ? QColor(0xD1, 0x9A, 0x66) : QColor(0x0B, 0x6E, 0x99);
    const QColor string = dark ? QColor(0x98, 0xC3, 0x79) : QColor(0x2E, 0x7D, 0x32);
    const QColor comment = dark ? QColor(0x8A, 0x8F, 0x98) : QColor(0x6A, 0x73, 0x7D);
    const QColor builtin = dark ? QColor(0x61, 0xAF, 0xEF) : QColor(0x1F, 0x4E, 0xA8);
    m_rules = {
        {QRegularExpression(QStringLiteral(
             "\\b(import|from|as|def|return|for|in|if|else|elif|while|with|lambda|None|True|"
             "False|and|or|not|class|print)\\b")),
         format(keyword, true)},
        {QRegularExpression(QStringLiteral("\\b(np|keras|layers|plt|tf|len|range)\\b")),
         format(builtin)},
        {QRegularExpression(QStringLiteral("\\b[0-9]+(\\.[0-9]*)?([eE][-+]?[0-9]+)?\\b")),
         format(number)},
        {QRegularExpression(QStringLiteral("\"[^\"]*\"|'[^']*'")), format(string)},
        {QRegularExpression(QStringLiteral("#[^\\n]*")), format(comment, false, true)},
    };
    rehighlight();
}

void PythonHighlighter::highlightBlock(const QString &text)
{
    for (const auto &rule : m_rules) {
        auto it = rule.pattern.globalMatch(text);
        while (it.hasNext()) {
            const auto m = it.next();
            setFormat(static_cast<int>(m.capturedStart()), static_cast<int>(m.capturedLength()),
                      rule.format);
        }
    }
}

} // namespace ui
