#include "ui/common/codepanel.h"

#include "ui/common/fittinglabel.h"
#include "ui/common/fonts.h"
#include "ui/common/messagetext.h"
#include "ui/common/pythonhighlighter.h"

#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QTimer>
#include <QVBoxLayout>

namespace ui {

CodePanel::CodePanel(QWidget *parent)
    : QWidget(parent), m_title(new FittingLabel({tr("The same in Python")}, this)),
      m_text(new QPlainTextEdit(this)), m_run(new QPushButton(tr("Run"), this)),
      m_result(new QLabel(this)), m_typingPause(new QTimer(this))
{
    auto *copy = new QPushButton(tr("Copy"), this);
    copy->setToolTip(tr("Copy the code to the clipboard"));
    connect(copy, &QPushButton::clicked, this, &CodePanel::copyToClipboard);

    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setWordWrap(true); // a long title must not widen the side column
    m_title->setObjectName(QStringLiteral("codeTitle"));

    m_text->setReadOnly(true);
    // Wrapped rather than cut: the side column is narrow at 1280x800.
    m_text->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_text->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    m_text->setFont(monospaceFont());
    m_text->setObjectName(QStringLiteral("codeText"));
    m_highlighter = new PythonHighlighter(m_text->document());

    m_run->setToolTip(tr("Run the cell (Ctrl+Return); it also runs when you pause typing"));
    m_run->setVisible(false);
    connect(m_run, &QPushButton::clicked, this, &CodePanel::requestRun);
    auto *runKey = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), m_text);
    runKey->setContext(Qt::WidgetShortcut);
    connect(runKey, &QShortcut::activated, this, [this] {
        if (m_live) requestRun();
    });
    m_typingPause->setSingleShot(true);
    m_typingPause->setInterval(450);
    connect(m_typingPause, &QTimer::timeout, this, &CodePanel::requestRun);
    connect(m_text, &QPlainTextEdit::textChanged, this, &CodePanel::onEdited);

    m_result->setObjectName(QStringLiteral("codeResult"));
    m_result->setFont(monospaceFont());
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_result->setTextFormat(Qt::PlainText);
    m_result->setVisible(false);

    auto *header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    header->addWidget(m_run);
    header->addWidget(copy);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(header);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_result);
    updateColours();
}

QString CodePanel::code() const
{
    return m_code;
}

void CodePanel::setCode(const QString &code)
{
    if (code == m_code) return;
    m_code = code;
    m_settingCode = true;
    m_text->setPlainText(code);
    m_settingCode = false;
    emit codeChanged(code);
    if (m_live) requestRun();
}

void CodePanel::setLive(bool live)
{
    m_live = live;
    m_text->setReadOnly(!live);
    m_run->setVisible(live);
    m_result->setVisible(live);
    // Code is typed line by line: wrapping would hide where a line ends.
    m_text->setLineWrapMode(live ? QPlainTextEdit::NoWrap : QPlainTextEdit::WidgetWidth);
}

void CodePanel::setResult(const QString &text, bool isError)
{
    m_resultIsError = isError;
    // A huge repr would make the column as tall as the screen; the picture shows the array.
    const QStringList lines = text.split(QLatin1Char('\n'));
    const int kMaxLines = 8;
    QString shown = lines.mid(0, kMaxLines).join(QLatin1Char('\n'));
    if (lines.size() > kMaxLines) shown += tr("\n… %1 more lines").arg(lines.size() - kMaxLines);
    m_result->setText(shortenLongWords(shown, 60)); // a word cannot wrap: it would widen the window
    QPalette p = m_result->palette();
    p.setColor(QPalette::WindowText,
               isError ? QColor(0xB0, 0x1E, 0x1E) : palette().color(QPalette::WindowText));
    m_result->setPalette(p);
}

QString CodePanel::resultText() const
{
    return m_result->text();
}

void CodePanel::onEdited()
{
    if (!m_live || m_settingCode) return;
    m_code = m_text->toPlainText();
    m_typingPause->start();
}

void CodePanel::requestRun()
{
    m_typingPause->stop();
    emit runRequested(m_code);
}

void CodePanel::setTitle(const QString &title, const QString &shortTitle)
{
    m_title->setWordings(shortTitle.isEmpty() ? QStringList{title}
                                              : QStringList{title, shortTitle});
}

void CodePanel::setTitleWraps(bool wraps)
{
    m_title->setWordWrap(wraps);
    // Unwrapped, the title shortens (or is cut) rather than widen the column.
    m_title->setSizePolicy(wraps ? QSizePolicy::Preferred : QSizePolicy::Ignored,
                           m_title->sizePolicy().verticalPolicy());
    m_title->refit();
}

QString CodePanel::title() const
{
    return m_title->text();
}

void CodePanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) updateColours();
}

void CodePanel::copyToClipboard()
{
    QApplication::clipboard()->setText(m_code);
}

void CodePanel::updateColours()
{
    m_highlighter->setDarkBackground(palette().color(QPalette::Base).lightness() < 128);
}

} // namespace ui
