#include "ui/common/messagetext.h"

#include <algorithm>

namespace ui {

namespace {

// A cut that would split a surrogate pair moves past it.
qsizetype safeCut(const QString &s, qsizetype at)
{
    if (at > 0 && at < s.size() && s[at - 1].isHighSurrogate()) return at + 1;
    return at;
}

} // namespace

QString shortenLongWords(const QString &text, int longest)
{
    const qsizetype keep = std::max(1, (longest - 1) / 2);
    QString out;
    out.reserve(std::min<qsizetype>(text.size(), 4096));
    qsizetype i = 0;
    while (i < text.size()) {
        qsizetype j = i;
        const bool space = text[i].isSpace();
        while (j < text.size() && text[j].isSpace() == space)
            ++j;
        const qsizetype n = j - i;
        if (space || n <= longest) {
            out += QStringView(text).mid(i, n);
        } else {
            const qsizetype head = safeCut(text, i + keep);
            const qsizetype tail = safeCut(text, j - keep);
            out += QStringView(text).mid(i, head - i);
            out += QChar(0x2026);
            out += QStringView(text).mid(tail, j - tail);
        }
        i = j;
    }
    return out;
}

} // namespace ui
