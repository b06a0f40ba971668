#include "ui/geometry/transformeditor.h"

#include "ui/common/messagetext.h"
#include "ui/common/numberformat.h"
#include "ui/geometry/numberentry.h"

#include <QCheckBox>
#include <QGridLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>
#include <QVBoxLayout>
#include <cmath>
#include <numbers>

namespace ui {

namespace {

using core::geometry::TransformKind;

constexpr double kDegrees = 180.0 / std::numbers::pi;

QString fieldName(int field)
{
    static const char *names[] = {"",        "θ",       "sx",   "sy",   "W[0, 0]", "W[0, 1]",
                                  "W[1, 0]", "W[1, 1]", "b[0]", "b[1]", "ReLU",    "θ"};
    return QString::fromUtf8(names[field]);
}

} // namespace

TransformEditor::TransformEditor(QWidget *parent)
    : QWidget(parent), m_title(new QLabel), m_hint(new QLabel), m_error(new QLabel),
      m_grid(new QGridLayout), m_slider(new QSlider(Qt::Horizontal)), m_wLabel(new QLabel),
      m_bLabel(new QLabel), m_scaleLabel(new QLabel(tr("sx, sy"))),
      m_thetaLabel(new QLabel(tr("θ (degrees)"))),
      m_relu(new QCheckBox(tr("then ReLU: max(W·x + b, 0)")))
{
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_hint->setWordWrap(true);
    m_hint->setForegroundRole(QPalette::PlaceholderText);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #E0483C;"));
    m_error->setObjectName(QStringLiteral("transformError"));
    m_error->hide();

    m_theta = addEntry(Theta, QStringLiteral("theta"));
    m_theta->setDecimals(2);
    m_slider->setRange(-180, 180);
    m_slider->setToolTip(tr("Rotation angle in degrees (counter-clockwise)"));
    connect(m_slider, &QSlider::valueChanged, this, [this](int deg) { edited(Slider, deg); });
    connect(m_slider, &QSlider::sliderReleased, this, &TransformEditor::editingDone);
    m_scale = {addEntry(Sx, QStringLiteral("sx")), addEntry(Sy, QStringLiteral("sy"))};
    m_W = {addEntry(W00, QStringLiteral("w00")), addEntry(W01, QStringLiteral("w01")),
           addEntry(W10, QStringLiteral("w10")), addEntry(W11, QStringLiteral("w11"))};
    m_b = {addEntry(B0, QStringLiteral("b0")), addEntry(B1, QStringLiteral("b1"))};
    for (auto &label : m_matrix) {
        label = new QLabel;
        label->setAlignment(Qt::AlignCenter);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    connect(m_relu, &QCheckBox::toggled, this, [this](bool on) {
        edited(Relu, on ? 1.0 : 0.0);
        emit editingDone();
    });

    m_grid->addWidget(m_thetaLabel, 1, 0);
    m_grid->addWidget(m_theta, 1, 1);
    m_grid->addWidget(m_slider, 1, 2, 1, 3);
    m_grid->addWidget(m_scaleLabel, 1, 0);
    m_grid->addWidget(m_scale[0], 1, 1);
    m_grid->addWidget(m_scale[1], 1, 2);
    m_grid->addWidget(m_wLabel, 2, 0, 2, 1, Qt::AlignRight | Qt::AlignVCenter);
    for (int k = 0; k < 4; ++k) {
        m_grid->addWidget(m_W[static_cast<std::size_t>(k)], 2 + k / 2, 1 + k % 2);
        m_grid->addWidget(m_matrix[static_cast<std::size_t>(k)], 2 + k / 2, 1 + k % 2);
    }
    m_grid->addWidget(m_bLabel, 2, 3, 2, 1, Qt::AlignRight | Qt::AlignVCenter);
    m_grid->addWidget(m_b[0], 2, 4);
    m_grid->addWidget(m_b[1], 3, 4);
    m_grid->addWidget(m_relu, 4, 0, 1, 5);
    m_grid->setColumnStretch(1, 1);
    m_grid->setColumnStretch(2, 1);
    m_grid->setColumnStretch(4, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addLayout(m_grid);
    layout->addWidget(m_error);
    layout->addWidget(m_hint);
    clearStep();
}

NumberEntry *TransformEditor::addEntry(Field field, const QString &name)
{
    auto *entry = new NumberEntry;
    entry->setObjectName(name);
    connect(entry, &NumberEntry::valueEdited, this, [this, field](double v) { edited(field, v); });
    connect(entry, &NumberEntry::errorChanged, this, [this, field](const QString &message) {
        m_errors[static_cast<std::size_t>(field)] = message;
        QString shown;
        for (std::size_t f = 0; f < m_errors.size() && shown.isEmpty(); ++f)
            if (!m_errors[f].isEmpty())
                shown = tr("%1: %2. The step keeps its last valid value until this is fixed.")
                            .arg(fieldName(static_cast<int>(f)), m_errors[f]);
        showError(shown);
    });
    connect(entry, &NumberEntry::editingDone, this, &TransformEditor::editingDone);
    return entry;
}

void TransformEditor::showError(const QString &message)
{
    m_error->setText(shortenLongWords(message));
    m_error->setVisible(!message.isEmpty());
}

void TransformEditor::clearStep()
{
    m_index = -1;
    m_title->setText(tr("No step selected"));
    m_hint->setText(tr("Add a transform with “Add step”, then edit it here."));
    updateVisibility();
}

void TransformEditor::setStep(int index, const core::geometry::Transform &step)
{
    if (index < 0) {
        clearStep();
        return;
    }
    const bool sameStep = index == m_index && step.kind == m_step.kind;
    m_index = index;
    m_step = step;
    if (!sameStep) {
        // A different step: old messages belong to entries that now show other numbers.
        for (auto &e : m_errors)
            e.clear();
        showError({});
        for (NumberEntry *entry : findChildren<NumberEntry *>())
            entry->setStyleSheet({});
    }
    m_title->setText(
        tr("Step %1: %2").arg(index + 1).arg(QString::fromStdString(kindName(step.kind))));
    {
        const QSignalBlocker b1(m_slider), b2(m_relu);
        m_theta->setValue(step.angle * kDegrees);
        m_slider->setValue(
            static_cast<int>(std::lround(std::remainder(step.angle * kDegrees, 360.0))));
        m_scale[0]->setValue(step.scale.x());
        m_scale[1]->setValue(step.scale.y());
        m_W[0]->setValue(step.W(0, 0));
        m_W[1]->setValue(step.W(0, 1));
        m_W[2]->setValue(step.W(1, 0));
        m_W[3]->setValue(step.W(1, 1));
        m_b[0]->setValue(step.shift.x());
        m_b[1]->setValue(step.shift.y());
        m_relu->setChecked(step.hasRelu());
    }
    switch (step.kind) {
    case TransformKind::Translation:
        m_hint->setText(tr("Every point moves by t: x + t (Figure 2.9)."));
        break;
    case TransformKind::Rotation:
        m_hint->setText(tr("Counter-clockwise by θ; R is orthogonal (RᵀR = I) and det R = 1, so "
                           "lengths and areas stay (Figure 2.10)."));
        break;
    case TransformKind::Scaling:
        m_hint->setText(
            tr("Stretches x by sx and y by sy; a negative factor mirrors (Figure 2.11)."));
        break;
    case TransformKind::Affine:
    case TransformKind::AffineRelu:
        m_hint->setText(tr("W·x + b (Figure 2.12). W's columns are where e₁ and e₂ land: drag "
                           "the green and red tips in the plane, or type the entries. With ReLU, "
                           "points fold onto the axes (Figure 2.13)."));
        break;
    }
    updateVisibility();
    updateMatrixDisplay();
}

void TransformEditor::updateVisibility()
{
    const bool any = m_index >= 0;
    const auto kind = m_step.kind;
    const bool rotation = any && kind == TransformKind::Rotation;
    const bool scaling = any && kind == TransformKind::Scaling;
    const bool translation = any && kind == TransformKind::Translation;
    const bool affine = any && (kind == TransformKind::Affine || kind == TransformKind::AffineRelu);
    m_thetaLabel->setVisible(rotation);
    m_theta->setVisible(rotation);
    m_slider->setVisible(rotation);
    m_scaleLabel->setVisible(scaling);
    for (auto *e : m_scale)
        e->setVisible(scaling);
    for (auto *e : m_W)
        e->setVisible(affine);
    for (auto *l : m_matrix)
        l->setVisible(rotation || scaling);
    m_wLabel->setVisible(rotation || scaling || affine);
    m_wLabel->setText(rotation  ? QStringLiteral("R =")
                      : scaling ? QStringLiteral("S =")
                                : QStringLiteral("W ="));
    m_bLabel->setVisible(translation || affine);
    m_bLabel->setText(translation ? QStringLiteral("t =") : QStringLiteral("b ="));
    for (auto *e : m_b)
        e->setVisible(translation || affine);
    m_relu->setVisible(affine);
    m_hint->setVisible(true);
    m_error->setVisible(!m_error->text().isEmpty());
}

void TransformEditor::updateMatrixDisplay()
{
    const Eigen::Matrix2d W = m_step.affine().W;
    for (int k = 0; k < 4; ++k)
        m_matrix[static_cast<std::size_t>(k)]->setText(formatNumber(W(k / 2, k % 2), 4));
}

void TransformEditor::edited(Field field, double value)
{
    if (m_index < 0) return;
    core::geometry::Transform next = m_step;
    switch (field) {
    case Theta:
        next.angle = value / kDegrees;
        break;
    case Slider:
        next.angle = value / kDegrees;
        m_theta->setValue(value);
        break;
    case Sx:
        next.scale.x() = value;
        break;
    case Sy:
        next.scale.y() = value;
        break;
    case W00:
    case W01:
    case W10:
    case W11: {
        const int k = field - W00;
        next.W(k / 2, k % 2) = value;
        break;
    }
    case B0:
        next.shift.x() = value;
        break;
    case B1:
        next.shift.y() = value;
        break;
    case Relu:
        next.kind = value != 0.0 ? TransformKind::AffineRelu : TransformKind::Affine;
        break;
    }
    if (next == m_step) return;
    m_step = next;
    updateMatrixDisplay();
    if (field == Relu)
        m_title->setText(
            tr("Step %1: %2").arg(m_index + 1).arg(QString::fromStdString(kindName(next.kind))));
    if (field == Theta) {
        const QSignalBlocker block(m_slider);
        m_slider->setValue(static_cast<int>(std::lround(std::remainder(value, 360.0))));
    }
    // The slider drags as one edit, like an entry.
    const int key = 1 + (field == Slider ? Theta : field) + 32 * m_index;
    emit stepEdited(m_index, next, key);
}

} // namespace ui
