#include "ui/train/evaluatepanel.h"

#include "ui/common/numbers.h"
#include "ui/train/confusionview.h"
#include "ui/train/digitlist.h"

#include <QBoxLayout>
#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>
#include <cmath>

namespace ui {

EvaluatePanel::EvaluatePanel(QWidget *parent)
    : QWidget(parent), m_confusion(new ConfusionView), m_digits(new DigitList),
      m_summary(new QLabel), m_caption(new QLabel), m_side(new QWidget),
      m_layout(new QBoxLayout(QBoxLayout::LeftToRight))
{
    m_confusion->setObjectName(QStringLiteral("confusionMatrix"));
    m_digits->setObjectName(QStringLiteral("cellDigits"));
    m_summary->setObjectName(QStringLiteral("evaluation"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_caption->setWordWrap(true);
    connect(m_confusion, &ConfusionView::cellSelected, this, &EvaluatePanel::onCellSelected);

    // test_acc first, over the matrix and the digits: it is the number listing 2.7 prints, and
    // it stays in view whichever way the two below are arranged.
    auto *right = new QVBoxLayout(m_side);
    right->setContentsMargins(0, 0, 0, 0);
    right->addWidget(m_caption);
    right->addWidget(m_digits, 1);
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->addWidget(m_confusion, 3);
    m_layout->addWidget(m_side, 2);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(2, 2, 2, 2);
    outer->addWidget(m_summary);
    outer->addLayout(m_layout, 1);
    setEvaluation(nullptr);
}

void EvaluatePanel::setEvaluation(const EvaluationSnapshot &evaluation)
{
    m_evaluation = evaluation;
    m_confusion->setEvaluation(evaluation);
    arrange(); // the widest count decides the matrix's minimum width
    m_digits->clearCell();
    m_caption->setText(tr("Click a cell of the matrix to see its digits."));
    if (!evaluation) {
        m_summary->setText(tr("Not evaluated yet."));
        return;
    }
    const auto &e = evaluation->evaluation;
    const auto wrong = e.samples - static_cast<qint64>(std::llround(e.accuracy * e.samples));
    m_summary->setText(tr("<b>test_loss: %1 &nbsp; test_acc: %2</b><br>on the %3 test digits "
                          "(%4 wrong), in %5 s")
                           .arg(e.loss, 0, 'f', 4)
                           .arg(e.accuracy, 0, 'f', 4)
                           .arg(thousands(e.samples), thousands(wrong))
                           .arg(evaluation->seconds, 0, 'f', 2));
    // Open on the most frequent mistake: the most telling cell to look at.
    int label = -1, predicted = -1;
    std::int64_t most = 0;
    for (int l = 0; l < e.classes; ++l)
        for (int p = 0; p < e.classes; ++p)
            if (l != p && e.confusionAt(l, p) > most) {
                most = e.confusionAt(l, p);
                label = l;
                predicted = p;
            }
    if (label >= 0) m_confusion->selectCell(label, predicted);
}

void EvaluatePanel::setOutdated()
{
    setEvaluation(nullptr);
    m_summary->setText(tr("A new data set was loaded: evaluate again."));
}

void EvaluatePanel::onCellSelected(int label, int predicted)
{
    if (!m_evaluation) return;
    m_digits->showCell(m_evaluation, label, predicted);
    const QString n = thousands(m_digits->count());
    m_caption->setText(
        label == predicted
            ? tr("The %1 test digits labelled %2 and predicted right:").arg(n).arg(label)
            : tr("The %1 test digits labelled %2 but predicted as %3:")
                  .arg(n)
                  .arg(label)
                  .arg(predicted));
}

void EvaluatePanel::arrange()
{
    // The caption reads as lines of about 22 characters, not as a column of word fragments.
    const int side = fontMetrics().averageCharWidth() * 22;
    if (m_side->minimumWidth() != side) m_side->setMinimumWidth(side);
    const int both = m_confusion->minimumSizeHint().width() + side + m_layout->spacing() + 8;
    // The room is the scroll area's, not this panel's width (never less than its minimum).
    const int room = parentWidget() ? parentWidget()->width() : width();
    const auto direction = room >= both ? QBoxLayout::LeftToRight : QBoxLayout::TopToBottom;
    if (m_layout->direction() != direction) m_layout->setDirection(direction);
}

void EvaluatePanel::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    arrange();
}

void EvaluatePanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange) arrange();
}

bool EvaluatePanel::event(QEvent *event)
{
    // Follow the parent's (a scroll area's viewport) resizes, which this panel may not see.
    if (event->type() == QEvent::ParentChange) {
        if (m_watchedParent) m_watchedParent->removeEventFilter(this);
        m_watchedParent = parentWidget();
        if (m_watchedParent) m_watchedParent->installEventFilter(this);
    }
    return QWidget::event(event);
}

bool EvaluatePanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == parentWidget() && event->type() == QEvent::Resize) arrange();
    return QWidget::eventFilter(watched, event);
}

QString EvaluatePanel::summary() const
{
    return m_summary->text();
}

QString EvaluatePanel::cellCaption() const
{
    return m_caption->text();
}

void EvaluatePanel::setThumbnailSize(int side)
{
    m_digits->setThumbnailSize(side);
}

} // namespace ui
