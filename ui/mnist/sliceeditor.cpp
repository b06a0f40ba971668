#include "ui/mnist/sliceeditor.h"

#include "ui/common/fonts.h"
#include "ui/common/messagetext.h"
#include "ui/common/palette.h"
#include "ui/mnist/slicestate.h"

#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>

namespace ui {

SliceEditor::SliceEditor(SliceState *state, QWidget *parent)
    : QWidget(parent), m_state(state), m_edit(new QLineEdit), m_presets(new QComboBox),
      m_result(new QLabel), m_error(new QLabel)
{
    // The expression is what the class reads: a little larger than the rest, and it scales.
    constexpr double kCodeScale = 1.15;
    followParentFont(m_edit, kCodeScale, true);
    m_edit->setObjectName(QStringLiteral("sliceEdit"));
    m_edit->setPlaceholderText(QStringLiteral("train_images[:, 7:-7, 7:-7]"));
    // No clear button: its room goes to the expression, which must fit at 1024x640 presenting.
    m_edit->setToolTip(
        tr("A NumPy expression over train_images, train_labels, test_images, test_labels:\n"
           "integers, start:stop:step slices, ..., None, and .shape .ndim .dtype .size, len()"));
    m_presets->setObjectName(QStringLiteral("slicePresets"));
    m_presets->setToolTip(tr("The slices of section 2.2.6 of the book"));
    // Wrapping and a short combo let the page fit 1024x640 with presentation fonts.
    m_presets->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_presets->setMinimumContentsLength(12);
    m_result->setObjectName(QStringLiteral("sliceResult"));
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_result->setWordWrap(true);
    QFont bold = m_result->font();
    bold.setBold(true);
    m_result->setFont(bold);
    m_error->setObjectName(QStringLiteral("sliceError"));
    m_error->setWordWrap(true);
    followParentFont(m_error, kCodeScale, true);
    QPalette errorPalette = m_error->palette();
    errorPalette.setColor(QPalette::WindowText, palette::e2().darker(120));
    m_error->setPalette(errorPalette);
    m_error->hide();

    auto *prompt = new QLabel(QStringLiteral(">>>"));
    followParentFont(prompt, kCodeScale, true);
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(6, 6, 6, 0);
    // The expression gets the whole width (at 1024x640 with presentation fonts it was cut to a few
    // characters beside the presets); the presets sit on the result's line.
    grid->addWidget(prompt, 0, 0);
    grid->addWidget(m_edit, 0, 1, 1, 2);
    grid->addWidget(m_result, 1, 1);
    grid->addWidget(m_presets, 1, 2);
    grid->addWidget(m_error, 2, 1, 1, 2);
    grid->setColumnStretch(1, 1);

    connect(m_edit, &QLineEdit::textEdited, m_state, &SliceState::setText);
    connect(m_presets, &QComboBox::activated, this, &SliceEditor::applyPreset);
    connect(m_state, &SliceState::changed, this, &SliceEditor::refresh);
    refresh();
}

QStringList SliceEditor::presets(const QString &set)
{
    const QString a = (set.isEmpty() ? QStringLiteral("train") : set) + QStringLiteral("_images");
    return {a + QStringLiteral("[10:100]"),
            a + QStringLiteral("[10:100, :, :]"),
            a + QStringLiteral("[10:100, 0:28, 0:28]"),
            a + QStringLiteral("[:, 14:, 14:]"),
            a + QStringLiteral("[:, 7:-7, 7:-7]"),
            a + QStringLiteral("[4]"),
            a,
            QString(a).replace(QStringLiteral("images"), QStringLiteral("labels")) +
                QStringLiteral("[:10]")};
}

void SliceEditor::applyPreset(int index)
{
    const QStringList list = presets(m_state->setName());
    if (index <= 0 || index > list.size()) return;
    m_state->setText(list[index - 1]);
    m_presets->setCurrentIndex(0);
}

QString SliceEditor::resultText() const
{
    return m_result->text();
}

QString SliceEditor::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void SliceEditor::refresh()
{
    if (m_edit->text() != m_state->text()) m_edit->setText(m_state->text());
    m_presets->blockSignals(true);
    m_presets->clear();
    m_presets->addItem(tr("Book's slices..."));
    m_presets->addItems(presets(m_state->setName()));
    m_presets->blockSignals(false);

    const auto &r = m_state->result();
    QString result =
        QStringLiteral("shape %1   dtype %2").arg(m_state->shapeText(), m_state->dtypeText());
    if (!r.valueText.empty())
        result = QStringLiteral("%1      (%2)").arg(QString::fromStdString(r.valueText), result);
    else if (r.array.ndim() == 0)
        result = QStringLiteral("%1      (%2)").arg(m_state->reprText(), result);
    m_result->setText(result);

    if (m_state->error().isEmpty()) {
        m_error->clear();
        m_error->hide();
        m_edit->setStyleSheet(QString());
        return;
    }
    QString message = m_state->error();
    if (m_state->errorColumn() > 0)
        message = tr("column %1: %2").arg(m_state->errorColumn()).arg(message);
    m_error->setText(shortenLongWords(message) + tr("  (showing the last valid result)"));
    m_error->show();
    m_edit->setStyleSheet(
        QStringLiteral("QLineEdit { border: 2px solid %1; }").arg(palette::e2().name()));
}

} // namespace ui
