#include "ui/common/codepanel.h"

#include "ui/common/fittinglabel.h"
#include "ui/common/fonts.h"
#include "ui/common/pythonhighlighter.h"

#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QHBoxLayout>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace ui {

CodePanel::CodePanel(QWidget *parent)
    : QWidget(parent), m_title(new FittingLabel({tr("The same in Python")}, this)),
      m_text(new QPlainTextEdit(this))
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

    auto *header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    header->addWidget(copy);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(header);
    layout->addWidget(m_text, 1);
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
    m_text->setPlainText(code);
    emit codeChanged(code);
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
