#include "ui/shell/statusline.h"

#include <QMessageBox>
#include <QPainter>
#include <QPushButton>
#include <algorithm>

namespace ui {

StatusLine::StatusLine(QWidget *parent) : QWidget(parent), m_button(new QPushButton(this))
{
    m_button->setObjectName(QStringLiteral("statusDetails"));
    m_button->setText(tr("Details..."));
    m_button->setFlat(true);
    m_button->setToolTip(tr("Show the whole message"));
    m_button->hide();
    connect(m_button, &QPushButton::clicked, this, &StatusLine::showDetails);
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
}

void StatusLine::setStatus(const QString &text, const QString &details)
{
    if (text == m_text && details == m_details) return;
    m_text = text;
    m_details = details;
    setToolTip(details.isEmpty() ? text : text + QStringLiteral("\n\n") + details);
    m_button->setVisible(!details.isEmpty());
    if (m_box) {
        if (details.isEmpty())
            m_box->close();
        else
            m_box->setText(details);
    }
    placeButton();
    updateGeometry();
    update();
}

void StatusLine::placeButton()
{
    const QSize b = m_button->sizeHint();
    m_button->setGeometry(width() - b.width(), (height() - b.height()) / 2, b.width(), b.height());
}

void StatusLine::resizeEvent(QResizeEvent *)
{
    placeButton();
}

QRect StatusLine::textRect() const
{
    QRect r = rect();
    if (!m_button->isHidden()) r.setRight(r.right() - m_button->sizeHint().width() - 6);
    return r;
}

QString StatusLine::shownText() const
{
    return fontMetrics().elidedText(m_text, Qt::ElideRight, textRect().width());
}

void StatusLine::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setPen(palette().color(QPalette::WindowText));
    p.drawText(textRect(), Qt::AlignLeft | Qt::AlignVCenter, shownText());
}

QSize StatusLine::sizeHint() const
{
    const int button = m_button->isHidden() ? 0 : m_button->sizeHint().width() + 6;
    return {fontMetrics().horizontalAdvance(m_text) + button,
            std::max(fontMetrics().height(), m_button->sizeHint().height())};
}

QSize StatusLine::minimumSizeHint() const
{
    return {0, sizeHint().height()};
}

void StatusLine::showDetails()
{
    if (m_details.isEmpty()) return;
    if (!m_box) {
        m_box = new QMessageBox(QMessageBox::Warning, tr("Data not loaded"), QString(),
                                QMessageBox::Close, this);
        m_box->setObjectName(QStringLiteral("statusDetailsBox"));
        m_box->setModal(false);
        m_box->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_box->setText(m_details);
    m_box->show();
    m_box->raise();
}

} // namespace ui
