#include "ui/train/trainprogress.h"

#include "core/nn/kerasprogress.h"
#include "ui/common/palette.h"
#include "ui/train/flatprogressbar.h"
#include "ui/train/kerasline.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QVBoxLayout>
#include <cmath>

namespace ui {

namespace {

QString timeLeft(double seconds)
{
    const long s = std::lround(std::max(0.0, seconds));
    if (s >= 60) return QObject::tr("%1 min %2 s left").arg(s / 60).arg(s % 60);
    return QObject::tr("%1 s left").arg(s);
}

} // namespace

TrainProgress::TrainProgress(QWidget *parent)
    : QWidget(parent), m_row(new QHBoxLayout), m_bar(new FlatProgressBar), m_keras(new KerasLine),
      m_message(new QLabel)
{
    m_bar->setObjectName(QStringLiteral("trainProgress"));
    m_bar->setRange(0, 1);
    m_bar->setValue(0);
    m_bar->setFormat(tr("Not trained yet"));
    m_keras->setText(tr("Press Train: model.fit runs in the background and prints its progress "
                        "here, as Keras does."));
    m_bar->setTextVisible(true);
    m_bar->setMinimumHeight(fontMetrics().height() + 8);

    m_keras->setObjectName(QStringLiteral("kerasLine"));

    m_message->setObjectName(QStringLiteral("trainMessage"));
    m_message->setWordWrap(true);
    m_message->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    m_row->setContentsMargins(0, 0, 0, 0);
    m_row->addWidget(m_bar, 1);
    layout->addLayout(m_row);
    layout->addWidget(m_keras);
    layout->addWidget(m_message);
}

void TrainProgress::start(const TrainStart &run)
{
    m_steps = run.stepsPerEpoch;
    m_epochs = run.epochs;
    m_bar->setRange(0, std::max(1, m_steps * m_epochs));
    m_bar->setValue(0);
    m_bar->setFormat(tr("Epoch 1/%1 starting").arg(m_epochs));
    m_bar->setShortText(tr("starting"));
    m_keras->setText(tr("Epoch 1/%1").arg(m_epochs));
}

void TrainProgress::showBatch(const core::nn::BatchProgress &p)
{
    if (p.stepsPerEpoch <= 0) return;
    m_steps = p.stepsPerEpoch;
    m_epochs = p.epochs;
    const int done = (p.epoch - 1) * p.stepsPerEpoch + p.step;
    const int total = p.epochs * p.stepsPerEpoch;
    // The bar moves twice a second (the style's gradients cost more than the Keras line, which
    // follows every update): a bar needs no more, and the GUI time is training time.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (now - m_barPainted < 500 && p.step < p.stepsPerEpoch && done > 1) {
        m_keras->setText(kerasText(p));
        return;
    }
    m_barPainted = now;
    if (m_bar->maximum() != total) m_bar->setRange(0, total);
    m_bar->setValue(done);
    const double left = done > 0 ? p.elapsedSeconds / done * (total - done) : 0.0;
    m_bar->setFormat(tr("Epoch %1/%2 · %3/%4 · %5")
                         .arg(p.epoch)
                         .arg(p.epochs)
                         .arg(p.step)
                         .arg(p.stepsPerEpoch)
                         .arg(timeLeft(left)));
    // A narrow bar keeps the time left: the epoch and the step are on the Keras line below.
    m_bar->setShortText(timeLeft(left));
    if (p.step < p.stepsPerEpoch) m_keras->setText(kerasText(p));
}

QString TrainProgress::kerasText(const core::nn::BatchProgress &p)
{
    const std::string line =
        core::nn::kerasProgressLine(p.step, p.stepsPerEpoch, p.epochSeconds,
                                    {{"loss", p.loss}, {"accuracy", p.accuracy}}, false);
    return tr("Epoch %1/%2  ").arg(p.epoch).arg(p.epochs) + QString::fromStdString(line);
}

void TrainProgress::showEpoch(const core::nn::EpochSummary &s)
{
    core::nn::Metrics m = {{"loss", s.loss}, {"accuracy", s.accuracy}};
    if (s.tested) {
        m.emplace_back("val_loss", s.testLoss);
        m.emplace_back("val_accuracy", s.testAccuracy);
    }
    const std::string line = core::nn::kerasProgressLine(s.steps, s.steps, s.seconds, m, true);
    m_keras->setText(tr("Epoch %1/%2  ").arg(s.epoch).arg(s.epochs) + QString::fromStdString(line));
    if (s.epoch == s.epochs) {
        m_bar->setValue(m_bar->maximum());
        m_bar->setFormat(s.epochs == 1 ? tr("1 epoch done") : tr("%1 epochs done").arg(s.epochs));
        m_bar->setShortText(tr("done"));
    }
}

void TrainProgress::setMessage(const QString &text, Tone tone)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
    QColor c = palette().color(QPalette::Text);
    if (tone == Tone::Error) c = palette::e2().darker(120);
    if (tone == Tone::Success) c = palette::e1().darker(150);
    m_message->setStyleSheet(QStringLiteral("color: %1;").arg(c.name()));
}

void TrainProgress::addLeading(QWidget *widget)
{
    m_row->insertWidget(m_row->count() - 1, widget);
}

QString TrainProgress::kerasText() const
{
    return m_keras->text();
}

QString TrainProgress::message() const
{
    return m_message->text();
}

} // namespace ui
