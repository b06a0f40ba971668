#include "ui/train/recipeeditor.h"

#include "ui/common/fittinglabel.h"
#include "ui/common/messagetext.h"
#include "ui/common/numbers.h"
#include "ui/common/palette.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

namespace ui {

using core::nn::Activation;
using core::nn::OptimizerKind;

namespace {

constexpr int kMaxHiddenLayers = 4;

const Activation kHiddenActivations[] = {Activation::Relu, Activation::Sigmoid, Activation::Tanh,
                                         Activation::Linear};

QString activationText(Activation a)
{
    const auto n = core::nn::activationName(a);
    return QString::fromLatin1(n.data(), static_cast<qsizetype>(n.size()));
}

void markBad(QWidget *w, bool bad)
{
    // A red frame that reads in light and dark palettes; cleared as soon as the field is fixed.
    w->setStyleSheet(bad ? QStringLiteral("border: 2px solid %1;").arg(palette::e2().name())
                         : QString());
}

} // namespace

RecipeEditor::RecipeEditor(QWidget *parent)
    : QWidget(parent), m_layers(new QVBoxLayout), m_addLayer(new QPushButton(tr("Add a layer"))),
      m_params(new FittingLabel({})), m_optimizer(new QComboBox), m_learningRate(new QLineEdit),
      m_epochs(new QSpinBox), m_batchSize(new QSpinBox), m_validate(new QCheckBox),
      m_testNote(new FittingLabel({})), m_seed(new QSpinBox),
      m_reset(new QPushButton(tr("Reset to the book"))), m_recipeName(new QLabel),
      m_error(new QLabel)
{
    // Model: listing 2.2.
    auto *model = new QGroupBox(tr("Model (listing 2.2)"));
    auto *modelLayout = new QVBoxLayout(model);
    m_layers->setContentsMargins(0, 0, 0, 0);
    m_layers->setSpacing(2);
    modelLayout->addLayout(m_layers);
    auto *output = new FittingLabel(
        {tr("Dense(10, softmax): one probability per digit"), tr("Dense(10, softmax)")});
    output->setToolTip(tr("The output layer is fixed: sparse categorical crossentropy needs one "
                          "softmax probability per class"));
    modelLayout->addWidget(output);
    auto *modelFoot = new QHBoxLayout;
    m_addLayer->setToolTip(tr("Another hidden Dense layer before the output"));
    connect(m_addLayer, &QPushButton::clicked, this, [this] {
        addRow({QStringLiteral("64"), Activation::Relu});
        onEdited();
    });
    modelFoot->addWidget(m_addLayer);
    modelFoot->addWidget(m_params, 1);
    modelLayout->addLayout(modelFoot);

    // Compile: listing 2.3.
    for (auto kind : {OptimizerKind::RMSprop, OptimizerKind::Adam, OptimizerKind::SGD})
        m_optimizer->addItem(optimizerTitle(kind), static_cast<int>(kind));
    m_optimizer->setObjectName(QStringLiteral("optimizer"));
    // Sized by a few characters, not by "RMSprop (the book)" at the font of its first showing:
    // started in presentation mode on a 1024-pixel projector, that pushed the window 2 px past
    // the screen. The field still grows to show the whole name where there is room.
    m_optimizer->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_optimizer->setMinimumContentsLength(8);
    // A user's choice also brings Keras' default rate for that optimizer; any change re-checks.
    connect(m_optimizer, &QComboBox::activated, this, &RecipeEditor::onOptimizerChosen);
    connect(m_optimizer, &QComboBox::currentIndexChanged, this, &RecipeEditor::onEdited);
    m_learningRate->setObjectName(QStringLiteral("learningRate"));
    m_learningRate->setToolTip(tr("Keras' default: 0.001 for RMSprop and Adam, 0.01 for SGD"));
    connect(m_learningRate, &QLineEdit::textEdited, this, &RecipeEditor::onEdited);
    auto *compile = new QGroupBox(tr("Compile (listing 2.3)"));
    auto *compileForm = new QFormLayout(compile);
    compileForm->addRow(tr("Optimizer"), m_optimizer);
    compileForm->addRow(tr("Learning rate"), m_learningRate);
    // As listing 2.3 writes it, across the form: beside a label it would widen the side column
    // past a 1024-pixel projector in presentation mode.
    auto *loss = new QLabel(QStringLiteral("loss=\"sparse_categorical_crossentropy\""));
    loss->setTextInteractionFlags(Qt::TextSelectableByMouse);
    compileForm->addRow(loss);

    // Fit: listing 2.5.
    m_epochs->setRange(1, 1000);
    m_epochs->setObjectName(QStringLiteral("epochs"));
    m_batchSize->setRange(1, 60000);
    m_batchSize->setObjectName(QStringLiteral("batchSize"));
    m_seed->setRange(0, 1000000);
    m_seed->setToolTip(tr("The initial weights and the shuffling (the same seed, the same run)"));
    m_validate->setText(tr("validation_data = test set"));
    m_validate->setToolTip(
        tr("Not in listing 2.5. Either way the test digits are evaluated after each epoch for the "
           "per-epoch test curves (not counted in the epoch's time); ticked, fit does it and "
           "Keras' line shows val_loss and val_accuracy"));
    m_testNote->setObjectName(QStringLiteral("testNote"));
    for (QSpinBox *s : {m_epochs, m_batchSize, m_seed})
        connect(s, &QSpinBox::valueChanged, this, &RecipeEditor::onEdited);
    connect(m_validate, &QCheckBox::toggled, this, &RecipeEditor::onEdited);
    auto *fit = new QGroupBox(tr("Fit (listing 2.5)"));
    auto *fitForm = new QFormLayout(fit);
    auto *epochRow = new QHBoxLayout;
    epochRow->addWidget(m_epochs);
    epochRow->addWidget(new QLabel(tr("batch size")));
    epochRow->addWidget(m_batchSize);
    epochRow->addStretch(1);
    fitForm->addRow(tr("Epochs"), epochRow);
    auto *seedRow = new QHBoxLayout; // the seed is Uncrumple's, not in the book's call: apart
    seedRow->addWidget(m_seed);
    // Beside the seed, where the row has room: on a row of its own it would cost the code panel
    // a line in a 1024 x 640 window.
    seedRow->addWidget(m_testNote, 1);
    fitForm->addRow(tr("Seed"), seedRow);
    fitForm->addRow(QString(), m_validate);

    m_reset->setObjectName(QStringLiteral("resetToBook"));
    connect(m_reset, &QPushButton::clicked, this, [this] { setInput(RecipeInput::book()); });
    m_recipeName->setObjectName(QStringLiteral("recipeName"));
    m_error->setObjectName(QStringLiteral("recipeError"));
    m_error->setWordWrap(true);
    QPalette errorPalette = m_error->palette(); // not a style sheet: it would fix the font's size
    errorPalette.setColor(QPalette::WindowText, palette::e2().darker(115));
    m_error->setPalette(errorPalette);
    m_error->hide();

    auto *foot = new QHBoxLayout;
    foot->addWidget(m_recipeName, 1);
    foot->addWidget(m_reset);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(model);
    layout->addWidget(compile);
    layout->addWidget(fit);
    layout->addLayout(foot);
    layout->addWidget(m_error);
    setInput(RecipeInput::book());
}

void RecipeEditor::addRow(const LayerText &layer)
{
    auto *row = new QWidget;
    auto *h = new QHBoxLayout(row);
    h->setContentsMargins(0, 0, 0, 0);
    auto *units = new QLineEdit(layer.units);
    units->setObjectName(QStringLiteral("units%1").arg(m_rows.size()));
    units->setMaximumWidth(80);
    units->setToolTip(tr("Units: the number of outputs of this layer (1 to %1)").arg(kMaxUnits));
    auto *activation = new QComboBox;
    for (Activation a : kHiddenActivations)
        activation->addItem(activationText(a), static_cast<int>(a));
    activation->setCurrentIndex(activation->findData(static_cast<int>(layer.activation)));
    auto *remove = new QToolButton;
    remove->setText(QStringLiteral("✕"));
    remove->setToolTip(tr("Remove this layer"));
    h->addWidget(new QLabel(QStringLiteral("Dense(")));
    h->addWidget(units);
    h->addWidget(new QLabel(QStringLiteral(",")));
    h->addWidget(activation, 1);
    h->addWidget(new QLabel(QStringLiteral(")")));
    h->addWidget(remove);
    connect(units, &QLineEdit::textEdited, this, &RecipeEditor::onEdited);
    connect(activation, &QComboBox::currentIndexChanged, this, &RecipeEditor::onEdited);
    connect(remove, &QToolButton::clicked, this, [this, row] {
        removeRow(row);
        onEdited();
    });
    m_layers->addWidget(row);
    m_rows.push_back({row, units, activation});
    m_addLayer->setEnabled(!m_locked && m_rows.size() < kMaxHiddenLayers);
}

void RecipeEditor::removeRow(QWidget *row)
{
    for (auto it = m_rows.begin(); it != m_rows.end(); ++it)
        if (it->widget == row) {
            m_rows.erase(it);
            break;
        }
    row->deleteLater();
    for (std::size_t i = 0; i < m_rows.size(); ++i)
        m_rows[i].units->setObjectName(QStringLiteral("units%1").arg(i));
    m_addLayer->setEnabled(!m_locked && m_rows.size() < kMaxHiddenLayers);
}

QLineEdit *RecipeEditor::unitsEdit(int layer) const
{
    return layer >= 0 && layer < hiddenLayerCount() ? m_rows[static_cast<std::size_t>(layer)].units
                                                    : nullptr;
}

RecipeInput RecipeEditor::input() const
{
    RecipeInput in;
    for (const Row &r : m_rows)
        in.hidden.append(
            {r.units->text(), static_cast<Activation>(r.activation->currentData().toInt())});
    in.optimizer = static_cast<OptimizerKind>(m_optimizer->currentData().toInt());
    in.learningRate = m_learningRate->text();
    in.epochs = m_epochs->value();
    in.batchSize = m_batchSize->value();
    in.validate = m_validate->isChecked();
    in.seed = static_cast<quint64>(m_seed->value());
    return in;
}

void RecipeEditor::setInput(const RecipeInput &input)
{
    m_loading = true;
    while (!m_rows.empty())
        removeRow(m_rows.back().widget);
    for (const LayerText &l : input.hidden)
        addRow(l);
    m_optimizer->setCurrentIndex(m_optimizer->findData(static_cast<int>(input.optimizer)));
    m_learningRate->setText(input.learningRate);
    m_epochs->setValue(input.epochs);
    m_batchSize->setValue(input.batchSize);
    m_validate->setChecked(input.validate);
    m_seed->setValue(static_cast<int>(input.seed));
    m_loading = false;
    onEdited();
}

void RecipeEditor::onOptimizerChosen()
{
    // Keras' own default for the chosen optimizer, as compile(optimizer="sgd") would use.
    m_learningRate->setText(
        defaultLearningRate(static_cast<OptimizerKind>(m_optimizer->currentData().toInt())));
    onEdited();
}

void RecipeEditor::onEdited()
{
    if (m_loading) return;
    m_check = checkRecipe(input());
    showCheck();
    emit changed();
}

void RecipeEditor::showCheck()
{
    markBad(m_learningRate, m_check.field == QLatin1String("learningRate"));
    for (std::size_t i = 0; i < m_rows.size(); ++i)
        markBad(m_rows[i].units, m_check.field == QStringLiteral("units:%1").arg(i));
    m_error->setText(shortenLongWords(m_check.error));
    m_error->setVisible(!m_check.ok);
    const RecipeInput in = input();
    m_recipeName->setText(tr("This is %1.").arg(recipeName(in)));
    if (m_check.ok) {
        std::int64_t params = 0;
        int inputs = 784;
        for (const auto &l : m_check.recipe.layers) {
            params += static_cast<std::int64_t>(inputs) * l.units + l.units;
            inputs = l.units;
        }
        const QString n = thousands(params);
        m_params->setWordings(m_untrained
                                  ? QStringList{tr("Total params: %1 (not trained yet)").arg(n),
                                                tr("Total params: %1, untrained").arg(n),
                                                tr("%1 params, untrained").arg(n)}
                                  : QStringList{tr("Total params: %1").arg(n)});
    } else {
        m_params->setWordings({});
    }
    m_testNote->setWordings(
        in.validate
            ? QStringList{tr("test curves: fit's val_loss and val_accuracy"),
                          tr("test curves: fit's val_ metrics"), tr("test: fit's val_")}
            : QStringList{tr("test curves: evaluate after each epoch, apart from fit"),
                          tr("test curves: evaluated apart from fit"),
                          tr("test: evaluated apart from fit"), tr("test: apart from fit")});
}

void RecipeEditor::setLocked(bool locked)
{
    m_locked = locked;
    for (const Row &r : m_rows)
        r.widget->setEnabled(!locked);
    for (QWidget *w : std::initializer_list<QWidget *>{m_optimizer, m_learningRate, m_epochs,
                                                       m_batchSize, m_validate, m_seed, m_reset})
        w->setEnabled(!locked);
    m_addLayer->setEnabled(!locked && m_rows.size() < kMaxHiddenLayers);
}

void RecipeEditor::setUntrained(bool untrained)
{
    if (untrained == m_untrained) return;
    m_untrained = untrained;
    showCheck();
}

QString RecipeEditor::paramsText() const
{
    return m_params->text();
}

QString RecipeEditor::testNote() const
{
    return m_testNote->text();
}

QString RecipeEditor::errorText() const
{
    return m_check.ok ? QString() : m_check.error;
}

} // namespace ui
