#include "ui/hidden/hiddenspacepage.h"

#include "core/data/mnist.h"
#include "core/errors.h"
#include "ui/common/codepanel.h"
#include "ui/common/pageshortcut.h"
#include "ui/common/palette.h"
#include "ui/shell/appcontext.h"
#include "ui/shell/datastore.h"
#include "ui/train/trainrecipe.h"
#include "ui/train/trainsession.h"
#include "ui/uncrumple/layerprobelist.h"
#include "ui/uncrumple/manifoldrenderer.h"
#include "ui/uncrumple/manifoldview.h"

#include <QKeySequence>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <exception>

namespace ui {

namespace {

constexpr int kShown = 2000; // digits shown, and at most as many held out for the probe
constexpr int kPixels = 784;

} // namespace

// The digits in float, as the network sees them: rows [0, shown) shown, then the held-out ones.
struct HiddenSpaceDigits {
    core::nn::Matrix images;
    std::vector<std::int32_t> labels;
    int shown = 0;
};

namespace {

std::shared_ptr<const HiddenSpaceDigits> testDigits(const core::MnistData &data)
{
    const auto &shape = data.testImages.shape();
    if (shape.size() != 3 || shape[1] * shape[2] != kPixels) return {};
    const auto n = static_cast<int>(std::min<std::int64_t>(shape[0], 2 * kShown));
    if (n < 4) return {};
    auto digits = std::make_shared<HiddenSpaceDigits>();
    digits->shown = std::min(kShown, n / 2);
    digits->images = core::nn::Matrix(n, kPixels);
    const auto *pixels = data.testImages.data<std::uint8_t>();
    const auto *labels = data.testLabels.data<std::uint8_t>();
    for (std::int64_t i = 0; i < static_cast<std::int64_t>(n) * kPixels; ++i)
        digits->images.data()[i] = pixels[i] / 255.0f;
    digits->labels.assign(labels, labels + n);
    return digits;
}

} // namespace

// What the worker hands back.
struct HiddenSpacePage::Result {
    std::shared_ptr<const HiddenSpaceDigits> digits;
    std::optional<core::manifold::FeatureView> pixels, hidden;
    int units = 0;
    ModelSnapshot model;
    QString error;
};

HiddenSpacePage::HiddenSpacePage(AppContext *context, QWidget *parent)
    : Page(context, parent), m_session(context->mnistTraining()), m_view(new ManifoldView),
      m_stages(new LayerProbeList), m_status(new QLabel), m_train(new QPushButton)
{
    m_view->setDescriber([this](int i) { return describePoint(i); });
    m_stages->setStages({tr("pixels"), tr("hidden layer")},
                        {tr("784 values"), tr("Dense(512, relu)")});
    m_stages->setChance(0.1, tr("Pick the pixels or the hidden layer to see the digits there. The "
                                "bars: the accuracy of a linear classifier (ridge regression on "
                                "the ten digits) fitted on the 2,000 digits shown and measured on "
                                "2,000 others, the linear probe; 10% is chance."));
    m_stages->setCurrent(m_stage);
    connect(m_stages, &LayerProbeList::stageClicked, this,
            [this](int stage) { showStage(static_cast<Stage>(stage)); });
    m_status->setWordWrap(true);
    m_train->setText(tr("Train the book's network here"));
    m_train->setToolTip(tr("Listing 2.2-2.5's recipe, 5 epochs on the 60,000 training digits; "
                           "the Train page shows the same run"));
    connect(m_train, &QPushButton::clicked, this, &HiddenSpacePage::onTrain);
    setBody(m_view, buildSide());
    codePanel()->setTitle(tr("The same in NumPy"));
    refreshCode();
    installShortcuts();

    connect(context->data(), &DataStore::dataChanged, this, &HiddenSpacePage::onData);
    connect(m_session, &TrainSession::modelChanged, this, &HiddenSpacePage::onModel);
    connect(m_session, &TrainSession::stateChanged, this, &HiddenSpacePage::refreshStatus);
    connect(context, &AppContext::presentationModeChanged, this,
            &HiddenSpacePage::applyPresentationMode);
    applyPresentationMode();
    onData();
}

HiddenSpacePage::~HiddenSpacePage()
{
    // Closing the window must not wait for a whole computation: it stops at the next stage.
    if (m_cancel) *m_cancel = true;
    if (m_worker.joinable()) m_worker.join();
}

bool HiddenSpacePage::isSettled() const
{
    return !isComputing() && (!m_pending || !m_digits);
}

QWidget *HiddenSpacePage::buildSide()
{
    auto *side = new QWidget;
    auto *layout = new QVBoxLayout(side);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *title = new QLabel(tr("<b>Inside the book's network</b>"));
    layout->addWidget(title);
    auto *intro = new QLabel(tr("The first 2,000 test digits, coloured by digit: as their 784 "
                                "pixels, and as the 512 units of the hidden layer, each seen in "
                                "3D along its three principal axes (PCA). As the network learns, "
                                "the ten digits pull apart in the hidden layer."));
    intro->setWordWrap(true);
    layout->addWidget(intro);
    // The colours' key, in the app's digit colours (the hover names each point's digit too).
    QString key = tr("Digits:");
    for (int d = 0; d < 10; ++d)
        key += QStringLiteral(" <b><span style=\"color:%1\">%2</span></b>")
                   .arg(palette::digit(d).name())
                   .arg(d);
    auto *legend = new QLabel(key);
    legend->setObjectName(QStringLiteral("digitKey"));
    layout->addWidget(legend);
    layout->addWidget(m_stages);
    layout->addWidget(m_status);
    layout->addWidget(m_train, 0, Qt::AlignLeft);
    layout->addStretch(1);
    return side;
}

void HiddenSpacePage::installShortcuts()
{
    auto add = [this](const QKeySequence &keys, auto slot) { addPageShortcut(this, keys, slot); };
    // The two spaces are two steps, as the other pages' animations are.
    add(QKeySequence(Qt::Key_Left), [this] { showStage(Pixels); });
    add(QKeySequence(Qt::Key_Right), [this] { showStage(Hidden); });
    add(QKeySequence(Qt::Key_PageUp), [this] { showStage(Pixels); });
    add(QKeySequence(Qt::Key_PageDown), [this] { showStage(Hidden); });
    add(QKeySequence(Qt::Key_Home), [this] { showStage(Pixels); });
    add(QKeySequence(Qt::Key_End), [this] { showStage(Hidden); });
    add(QKeySequence(Qt::Key_R), [this] { m_view->setAutoRotate(!m_view->autoRotate()); });
}

void HiddenSpacePage::applyPresentationMode()
{
    m_view->setPresentationScale(context()->scale());
    m_stages->setPresentationScale(context()->scale());
}

void HiddenSpacePage::activated()
{
    m_view->setFocus();
    m_view->update();
}

void HiddenSpacePage::showEvent(QShowEvent *event)
{
    Page::showEvent(event);
    compute(); // what arrived while the page was not shown
}

QString HiddenSpacePage::statusText() const
{
    return m_status->text();
}

std::optional<double> HiddenSpacePage::pixelProbe() const
{
    return m_pixels ? std::optional(m_pixels->probeAccuracy) : std::nullopt;
}

std::optional<double> HiddenSpacePage::hiddenProbe() const
{
    return m_hidden ? std::optional(m_hidden->probeAccuracy) : std::nullopt;
}

void HiddenSpacePage::showStage(Stage stage)
{
    if (stage == m_stage) return;
    m_stage = stage;
    m_stages->setCurrent(stage);
    refreshView(true);
}

void HiddenSpacePage::onData()
{
    const MnistSnapshot mnist = context()->data()->data();
    m_digits = mnist ? testDigits(*mnist) : nullptr;
    m_shown = m_digits ? m_digits->shown : 0;
    m_pixels.reset();
    m_hidden.reset();
    m_framed = false;
    std::vector<std::uint32_t> colours;
    if (m_digits)
        for (int i = 0; i < m_shown; ++i)
            colours.push_back(
                packRgba(palette::digit(m_digits->labels[static_cast<std::size_t>(i)])));
    m_view->setPointColours(std::move(colours));
    m_view->setPoints({});
    onModel();
    refreshView(true);
}

void HiddenSpacePage::onModel()
{
    m_pendingModel = m_session->model();
    m_pending = true;
    compute();
}

void HiddenSpacePage::onTrain()
{
    const MnistSnapshot mnist = context()->data()->data();
    if (!mnist || m_session->isTraining()) return;
    const RecipeCheck book = checkRecipe(RecipeInput::book());
    m_session->start(book.recipe, mnist);
    refreshStatus();
}

void HiddenSpacePage::compute()
{
    // A page not shown computes nothing: training has the cores; it catches up when shown.
    if (m_worker.joinable() || !m_pending || !m_digits || !isVisible()) {
        refreshStatus();
        return;
    }
    m_pending = false;
    auto result = std::make_shared<Result>();
    result->digits = m_digits;
    result->model = m_pendingModel;
    const bool needPixels = !m_pixels;
    std::optional<core::manifold::Projection> previous;
    if (m_hidden) previous = m_hidden->projection;
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    m_worker = std::thread([this, result, needPixels, previous, cancel = m_cancel] {
        const HiddenSpaceDigits &d = *result->digits;
        try {
            if (needPixels)
                result->pixels = core::manifold::featureView(d.images, d.labels, d.shown, kClasses);
            if (*cancel) return; // the page is going: nothing to deliver
            if (result->model && result->model->inputs() != kPixels)
                throw core::ValueError("the network takes " +
                                       std::to_string(result->model->inputs()) +
                                       " values, not 784 pixels");
            if (result->model) {
                const core::nn::Matrix hidden =
                    core::manifold::firstLayer(*result->model, d.images);
                result->units = static_cast<int>(hidden.cols());
                result->hidden = core::manifold::featureView(hidden, d.labels, d.shown, kClasses,
                                                             previous ? &*previous : nullptr);
            }
        } catch (const std::exception &e) {
            result->error = QString::fromUtf8(e.what());
        }
        QMetaObject::invokeMethod(
            this, [this, result] { onComputed(result); }, Qt::QueuedConnection);
    });
    refreshStatus();
}

void HiddenSpacePage::onComputed(std::shared_ptr<Result> result)
{
    m_worker.join();
    if (result->digits == m_digits) {
        if (result->pixels) m_pixels = std::move(result->pixels);
        if (result->hidden) {
            m_hidden = std::move(result->hidden);
            m_hiddenUnits = result->units;
        } else {
            m_hidden.reset(); // no network, or one that cannot be shown: no stale picture
        }
        m_error = result->error;
        refreshView(!m_framed);
        emit viewsChanged();
    }
    compute(); // a model that arrived meanwhile
}

void HiddenSpacePage::refreshView(bool reframe)
{
    std::vector<double> accuracy{m_pixels ? m_pixels->probeAccuracy : qQNaN(),
                                 m_hidden ? m_hidden->probeAccuracy : qQNaN()};
    m_stages->setStages({tr("pixels"), tr("hidden layer")},
                        {tr("784 values"), m_hiddenUnits > 0
                                               ? tr("Dense(%1, relu)").arg(m_hiddenUnits)
                                               : tr("no network yet")});
    m_stages->setAccuracies(accuracy);
    m_stages->setCurrent(m_stage);

    const std::optional<core::manifold::FeatureView> &view =
        m_stage == Pixels ? m_pixels : m_hidden;
    QStringList caption;
    caption << (m_stage == Pixels ? tr("the pixels: 784 values a digit")
                                  : tr("the hidden layer: %1 units a digit, after ReLU")
                                        .arg(m_hiddenUnits > 0 ? m_hiddenUnits : 512));
    if (!view) {
        m_view->setPoints({});
        caption << (m_stage == Hidden && !m_session->model()
                        ? tr("no network yet: train one here or on the Train page")
                        : tr("computing…"));
        m_view->setCaption(caption);
        m_view->setNote({});
        refreshStatus();
        return;
    }
    // At unit spread (the root mean square distance from the centre): the hidden layer's values
    // grow as the network learns, and the picture should show the digits parting, not growing.
    const core::nn::Matrix &p = view->points;
    double squares = 0.0;
    for (std::int64_t i = 0; i < p.rows() * 3; ++i)
        squares += static_cast<double>(p.data()[i]) * p.data()[i];
    m_spread = p.rows() > 0 ? std::sqrt(squares / static_cast<double>(p.rows())) : 1.0;
    if (!(m_spread > 1e-12)) m_spread = 1.0;
    std::vector<float> xyz(p.data(), p.data() + p.rows() * 3);
    for (float &v : xyz)
        v = static_cast<float>(v / m_spread);
    QVector3D lo(1e30f, 1e30f, 1e30f), hi(-1e30f, -1e30f, -1e30f);
    for (std::size_t i = 0; i + 2 < xyz.size(); i += 3) {
        const QVector3D v(xyz[i], xyz[i + 1], xyz[i + 2]);
        lo = QVector3D(std::min(lo.x(), v.x()), std::min(lo.y(), v.y()), std::min(lo.z(), v.z()));
        hi = QVector3D(std::max(hi.x(), v.x()), std::max(hi.y(), v.y()), std::max(hi.z(), v.z()));
    }
    m_view->setPoints(xyz);
    m_view->setAxes(
        lo, hi, {QStringLiteral("PC 1"), QStringLiteral("PC 2"), QStringLiteral("PC 3")}, false);
    if (reframe) {
        m_view->frame(lo, hi, false);
        m_framed = true;
    }
    caption << tr("a linear classifier separates %1% of 2,000 other digits here")
                   .arg(100.0 * view->probeAccuracy, 0, 'f', 1);
    m_view->setCaption(caption);
    m_view->setNote(tr("%1 dimensions shown by PCA: the 3 components keep %2% of the variance; "
                       "drawn at unit spread")
                        .arg(view->projection.dims())
                        .arg(100.0 * view->projection.explained(), 0, 'f', 1));
    refreshStatus();
}

void HiddenSpacePage::refreshStatus()
{
    QString text;
    if (!m_digits)
        text = tr("MNIST is loading…");
    else if (m_session->isTraining())
        text = tr("Training: the picture follows the network's weights as they change (a new "
                  "copy about every half second).");
    else if (m_session->model())
        text = tr("The Train page's network: %1.")
                   .arg(QString::fromStdString(m_session->model()->describe()));
    else
        text = tr("No network yet: train the book's network here (the Train page shows the same "
                  "run), or on the Train page.");
    if (!m_error.isEmpty()) text += QLatin1Char(' ') + tr("It cannot be shown: %1.").arg(m_error);
    if (isComputing()) text += QLatin1Char(' ') + tr("Computing…");
    m_status->setText(text);
    m_train->setEnabled(m_digits && !m_session->isTraining());
}

void HiddenSpacePage::refreshCode()
{
    codePanel()->setCode(
        QStringLiteral("# the Train page's network (listing 2.2), trained or training\n"
                       "W, b = model.layers[0].get_weights()  # (784, 512), (512,)\n"
                       "x = test_images[:2000].reshape((2000, 28 * 28))\n"
                       "x = x.astype(\"float32\") / 255\n"
                       "hidden = np.maximum(x @ W + b, 0)     # (2000, 512), after ReLU\n"
                       "\n"
                       "# seen in 3D along the three principal axes (PCA)\n"
                       "centred = hidden - hidden.mean(axis=0)\n"
                       "values, vectors = np.linalg.eigh(centred.T @ centred / 2000)\n"
                       "axes = vectors[:, ::-1][:, :3]         # the largest three\n"
                       "points = centred @ axes                # (2000, 3)\n"
                       "kept = values[::-1][:3].sum() / values.sum()\n"
                       "\n"
                       "# the linear probe: least squares on one-hot labels, tested on\n"
                       "# the next 2,000 digits (features standardised, ridge penalty 1000)"));
}

QString HiddenSpacePage::describePoint(int index) const
{
    if (!m_digits || index < 0 || index >= m_shown) return {};
    const std::optional<core::manifold::FeatureView> &view =
        m_stage == Pixels ? m_pixels : m_hidden;
    QString text =
        tr("test digit %1: a %2").arg(index).arg(m_digits->labels[static_cast<std::size_t>(index)]);
    if (view && index < view->points.rows())
        text += tr("  (%1, %2, %3)")
                    .arg(view->points(index, 0) / m_spread, 0, 'f', 2)
                    .arg(view->points(index, 1) / m_spread, 0, 'f', 2)
                    .arg(view->points(index, 2) / m_spread, 0, 'f', 2);
    return text;
}

} // namespace ui
