#include "ui/uncrumple/uncrumplecontrols.h"

#include "core/errors.h"
#include "core/manifold/datakind.h"
#include "ui/common/messagetext.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>
#include <exception>

namespace ui {

namespace {

QString qs(std::string_view s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

} // namespace

UncrumpleControls::UncrumpleControls(QWidget *parent)
    : QWidget(parent), m_kind(new QComboBox), m_points(new QSpinBox), m_noise(new QDoubleSpinBox),
      m_crumple(new QDoubleSpinBox), m_seed(new QSpinBox), m_widths(new QLineEdit),
      m_depth(new QSpinBox), m_activation(new QComboBox), m_optimizer(new QComboBox),
      m_learningRate(new QLineEdit), m_train(new QPushButton(tr("Train"))),
      m_step(new QPushButton(tr("Step one epoch"))), m_reset(new QPushButton(tr("Reset"))),
      m_status(new QLabel), m_warning(new QLabel), m_errorLabel(new QLabel)
{
    using namespace core::manifold;
    m_kind->setObjectName(QStringLiteral("dataKind"));
    for (DataKind k : allDataKinds()) {
        QString title = qs(dataKindTitle(k));
        title += dataKindDims(k) == 3 ? tr(" (3D)") : tr(" (2D)");
        m_kind->addItem(title, static_cast<int>(k));
    }
    m_points->setObjectName(QStringLiteral("points"));
    m_points->setRange(kMinPoints, kMaxPoints);
    m_points->setSingleStep(500);
    m_points->setValue(2000);
    m_points->setGroupSeparatorShown(true);
    m_noise->setObjectName(QStringLiteral("noise"));
    m_noise->setRange(0.0, kMaxNoise);
    m_noise->setDecimals(3);
    m_noise->setSingleStep(0.01);
    m_crumple->setObjectName(QStringLiteral("crumple"));
    m_crumple->setRange(0.0, kMaxCrumple);
    m_crumple->setSingleStep(0.1);
    m_crumple->setValue(1.0);
    m_crumple->setToolTip(tr("0: two flat sheets; 1: the default crumpling; 2: badly crumpled"));
    m_seed->setObjectName(QStringLiteral("seed"));
    m_seed->setRange(0, 1000000);
    m_seed->setValue(1);
    m_seed->setToolTip(tr("The same seed gives the same points and the same first weights"));
    for (QAbstractSpinBox *box :
         {static_cast<QAbstractSpinBox *>(m_points), static_cast<QAbstractSpinBox *>(m_noise),
          static_cast<QAbstractSpinBox *>(m_crumple), static_cast<QAbstractSpinBox *>(m_seed)})
        box->setKeyboardTracking(false);

    m_widths->setObjectName(QStringLiteral("widths"));
    m_widths->setToolTip(tr("The hidden layers' widths, comma-separated (the output layer, "
                            "Dense(2, softmax), follows them)"));
    m_depth->setObjectName(QStringLiteral("depth"));
    m_depth->setRange(kMinHidden, kMaxHidden);
    m_depth->setToolTip(tr("Hidden layers (1 to 6)"));
    m_activation->setObjectName(QStringLiteral("activation"));
    for (const char *name : {"tanh", "relu", "sigmoid"})
        m_activation->addItem(QString::fromLatin1(name));
    m_optimizer->setObjectName(QStringLiteral("optimizer"));
    m_optimizer->addItem(QStringLiteral("Adam"), static_cast<int>(core::nn::OptimizerKind::Adam));
    m_optimizer->addItem(QStringLiteral("RMSprop"),
                         static_cast<int>(core::nn::OptimizerKind::RMSprop));
    m_optimizer->addItem(QStringLiteral("SGD"), static_cast<int>(core::nn::OptimizerKind::SGD));
    m_learningRate->setObjectName(QStringLiteral("learningRate"));
    m_train->setObjectName(QStringLiteral("train"));
    m_step->setObjectName(QStringLiteral("step"));
    m_reset->setObjectName(QStringLiteral("reset"));
    m_train->setToolTip(tr("Train (or pause) off the GUI thread: every view follows"));
    m_step->setToolTip(tr("Train one epoch, then pause"));
    m_reset->setToolTip(tr("Fresh weights from the seed"));
    m_status->setObjectName(QStringLiteral("trainStatus"));
    m_warning->setObjectName(QStringLiteral("warning"));
    m_warning->setWordWrap(true);
    m_warning->setVisible(false);
    m_warning->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_errorLabel->setObjectName(QStringLiteral("error"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setStyleSheet(QStringLiteral("color: #c0392b"));
    m_errorLabel->setVisible(false);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Data"), m_kind);
    auto *sizeRow = new QHBoxLayout;
    sizeRow->addWidget(m_points, 2);
    sizeRow->addWidget(new QLabel(tr("noise")));
    sizeRow->addWidget(m_noise, 1);
    form->addRow(tr("Points"), sizeRow);
    auto *crumpleRow = new QHBoxLayout;
    crumpleRow->addWidget(m_crumple, 1);
    crumpleRow->addWidget(new QLabel(tr("seed")));
    crumpleRow->addWidget(m_seed, 1);
    form->addRow(tr("Crumple"), crumpleRow);
    auto *netRow = new QHBoxLayout;
    netRow->addWidget(m_widths, 2);
    netRow->addWidget(new QLabel(tr("depth")));
    netRow->addWidget(m_depth, 1);
    form->addRow(tr("Hidden"), netRow);
    auto *actRow = new QHBoxLayout;
    actRow->addWidget(m_activation, 1);
    actRow->addWidget(m_optimizer, 1);
    actRow->addWidget(new QLabel(tr("lr")));
    actRow->addWidget(m_learningRate, 1);
    form->addRow(tr("Activation"), actRow);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_train);
    buttons->addWidget(m_step);
    buttons->addWidget(m_reset);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addWidget(m_errorLabel);
    layout->addLayout(buttons);
    layout->addWidget(m_status);
    layout->addWidget(m_warning);

    connect(m_kind, &QComboBox::currentIndexChanged, this, &UncrumpleControls::onKindChanged);
    for (QSpinBox *box : {m_points, m_seed})
        connect(box, &QSpinBox::valueChanged, this, &UncrumpleControls::dataChanged);
    for (QDoubleSpinBox *box : {m_noise, m_crumple})
        connect(box, &QDoubleSpinBox::valueChanged, this, &UncrumpleControls::dataChanged);
    connect(m_widths, &QLineEdit::editingFinished, this, [this] {
        check();
        if (m_error.isEmpty()) {
            const QSignalBlocker block(m_depth);
            m_depth->setValue(static_cast<int>(m_widths->text().split(QLatin1Char(',')).size()));
        }
        emit networkChanged();
    });
    connect(m_depth, &QSpinBox::valueChanged, this, &UncrumpleControls::onDepthChanged);
    connect(m_activation, &QComboBox::currentIndexChanged, this,
            &UncrumpleControls::networkChanged);
    connect(m_optimizer, &QComboBox::currentIndexChanged, this, [this] {
        const auto kind = static_cast<core::nn::OptimizerKind>(m_optimizer->currentData().toInt());
        m_learningRate->setText(
            QString::number(core::nn::OptimizerConfig::defaults(kind).learningRate));
        check();
        emit trainingChanged();
    });
    connect(m_learningRate, &QLineEdit::editingFinished, this, [this] {
        check();
        emit trainingChanged();
    });
    connect(m_train, &QPushButton::clicked, this, &UncrumpleControls::trainClicked);
    connect(m_step, &QPushButton::clicked, this, &UncrumpleControls::stepClicked);
    connect(m_reset, &QPushButton::clicked, this, &UncrumpleControls::resetClicked);
    connect(m_warning, &QLabel::linkActivated, this, &UncrumpleControls::widenRequested);

    m_widths->setText(QStringLiteral("3,3,3"));
    m_depth->setValue(3);
    onKindChanged();
}

void UncrumpleControls::onKindChanged()
{
    using namespace core::manifold;
    const auto kind = static_cast<DataKind>(m_kind->currentData().toInt());
    {
        const QSignalBlocker a(m_noise), b(m_widths), c(m_depth);
        m_noise->setValue(defaultNoise(kind));
        const int w = dataKindDims(kind);
        m_widths->setText(QStringLiteral("%1,%1,%1").arg(w));
        m_depth->setValue(3);
    }
    m_crumple->setEnabled(kind == DataKind::Sheets);
    check();
    emit dataChanged();
}

void UncrumpleControls::onDepthChanged(int depth)
{
    // Keeps the widths typed so far, repeating the last for new layers.
    QStringList parts = m_widths->text().split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (parts.isEmpty()) parts << QStringLiteral("3");
    while (parts.size() > depth)
        parts.removeLast();
    while (parts.size() < depth)
        parts << parts.last().trimmed();
    m_widths->setText(parts.join(QLatin1Char(',')));
    check();
    emit networkChanged();
}

void UncrumpleControls::check()
{
    m_error.clear();
    if (!networkSpec()) {
        try {
            core::manifold::parseLayerList((m_widths->text() + QStringLiteral(",2")).toStdString());
        } catch (const std::exception &e) {
            m_error = tr("Hidden widths: %1").arg(QString::fromStdString(e.what()));
        }
    }
    if (m_error.isEmpty() && !optimizer())
        m_error =
            tr("Learning rate: expects a number above 0, got '%1'").arg(m_learningRate->text());
    m_errorLabel->setText(shortenLongWords(m_error));
    m_errorLabel->setVisible(!m_error.isEmpty());
}

core::manifold::GeneratorOptions UncrumpleControls::generatorOptions() const
{
    core::manifold::GeneratorOptions g;
    g.kind = static_cast<core::manifold::DataKind>(m_kind->currentData().toInt());
    g.points = m_points->value();
    g.noise = m_noise->value();
    g.crumple = m_crumple->value();
    g.seed = static_cast<std::uint64_t>(m_seed->value());
    return g;
}

std::optional<core::manifold::NetworkSpec> UncrumpleControls::networkSpec() const
{
    using namespace core::manifold;
    try {
        NetworkSpec spec = NetworkSpec::defaults(dataKindDims(generatorOptions().kind));
        spec.widths = parseLayerList((m_widths->text() + QStringLiteral(",2")).toStdString());
        spec.activation = hiddenActivationFromName(m_activation->currentText().toStdString());
        spec.validate();
        return spec;
    } catch (const std::exception &) {
        return std::nullopt;
    }
}

std::optional<core::nn::OptimizerConfig> UncrumpleControls::optimizer() const
{
    const auto kind = static_cast<core::nn::OptimizerKind>(m_optimizer->currentData().toInt());
    bool ok = false;
    const double lr = m_learningRate->text().trimmed().toDouble(&ok);
    if (!ok || !(lr > 0) || lr > 10) return std::nullopt;
    core::nn::OptimizerConfig c = core::nn::OptimizerConfig::defaults(kind);
    c.learningRate = static_cast<float>(lr);
    try {
        c.validate();
    } catch (const std::exception &) {
        return std::nullopt;
    }
    return c;
}

void UncrumpleControls::setDataKind(core::manifold::DataKind kind)
{
    const int i = m_kind->findData(static_cast<int>(kind));
    if (i >= 0) m_kind->setCurrentIndex(i);
}

void UncrumpleControls::setPoints(int points)
{
    m_points->setValue(points);
}

void UncrumpleControls::setHiddenWidths(const QString &widths)
{
    m_widths->setText(widths);
    {
        const QSignalBlocker block(m_depth);
        m_depth->setValue(static_cast<int>(widths.split(QLatin1Char(',')).size()));
    }
    check();
    emit networkChanged();
}

void UncrumpleControls::setOptimizer(const core::nn::OptimizerConfig &config)
{
    {
        const QSignalBlocker block(m_optimizer);
        const int i = m_optimizer->findData(static_cast<int>(config.kind));
        if (i >= 0) m_optimizer->setCurrentIndex(i);
    }
    m_learningRate->setText(QString::number(config.learningRate));
    check();
}

void UncrumpleControls::setTrainingState(bool running, bool paused)
{
    m_train->setText(running && !paused ? tr("Pause") : paused ? tr("Resume") : tr("Train"));
}

void UncrumpleControls::setStatus(const QString &status)
{
    m_status->setText(status);
}

void UncrumpleControls::setWarning(const QString &html)
{
    m_warning->setText(html);
    m_warning->setVisible(!html.isEmpty());
}

} // namespace ui
