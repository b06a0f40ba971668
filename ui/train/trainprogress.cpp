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

void TrainProgress::start(const TrainStart &run, bool validationData)
{
    m_steps = run.stepsPerEpoch;
    m_epochs = run.epochs;
    m_validationData = validationData;
    m_keras->setValMetrics(validationData);
    m_barEpoch = 1;
    m_lastEpoch = m_lastStep = 0;
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
    m_lastEpoch = p.epoch;
    m_lastStep = p.step;
    const int done = (p.epoch - 1) * p.stepsPerEpoch + p.step;
    const int total = p.epochs * p.stepsPerEpoch;
    // The bar moves twice a second (the style's gradients cost more than the Keras line, which
    // follows every update): a bar needs no more, and the GUI time is training time. A new epoch
    // is shown at once, so the bar and the Keras line never name different epochs.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (now - m_barPainted < 500 && p.step < p.stepsPerEpoch && done > 1 && p.epoch == m_barEpoch) {
        m_keras->setText(kerasText(p));
        return;
    }
    m_barPainted = now;
    m_barEpoch = p.epoch;
    if (m_bar->maximum() != total) m_bar->setRange(0, total);
    m_bar->setValueLater(done);
    const double left = done > 0 ? p.elapsedSeconds / done * (total - done) : 0.0;
    m_bar->setFormat(tr("Epoch %1/%2 · %3/%4 · %5")
                         .arg(p.epoch)
                         .arg(p.epochs)
                         .arg(p.step)
                         .arg(p.stepsPerEpoch)
                         .arg(timeLeft(left)));
    // A narrow bar keeps the epoch and the time left; the step is on the Keras line below.
    m_bar->setShortTexts({tr("Epoch %1/%2 · %3").arg(p.epoch).arg(p.epochs).arg(timeLeft(left)),
                          tr("%1/%2 · %3").arg(p.epoch).arg(p.epochs).arg(timeLeft(left)),
                          timeLeft(left)});
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
    if (s.tested && m_validationData) {
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

void TrainProgress::finish(core::nn::TrainStatus status)
{
    if (status == core::nn::TrainStatus::Finished) {
        m_bar->setValue(m_bar->maximum());
        m_bar->setFormat(m_epochs == 1 ? tr("1 epoch done") : tr("%1 epochs done").arg(m_epochs));
        m_bar->setShortText(tr("done"));
        return;
    }
    const bool stopped = status == core::nn::TrainStatus::Cancelled;
    if (m_lastEpoch <= 0) {
        m_bar->setFormat(stopped ? tr("Stopped before the first batch")
                                 : tr("Diverged before the first batch"));
        m_bar->setShortText(stopped ? tr("stopped") : tr("diverged"));
        return;
    }
    m_bar->setValue((m_lastEpoch - 1) * m_steps + m_lastStep);
    const QString at = tr("epoch %1/%2").arg(m_lastEpoch).arg(m_epochs);
    m_bar->setFormat((stopped ? tr("Stopped at %1 · %2/%3") : tr("Diverged at %1 · %2/%3"))
                         .arg(at)
                         .arg(m_lastStep)
                         .arg(m_steps));
    m_bar->setShortTexts({(stopped ? tr("Stopped at %1") : tr("Diverged at %1")).arg(at),
                          stopped ? tr("stopped") : tr("diverged")});
}

void TrainProgress::setMessage(const QString &text, Tone tone)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
    // A palette, not a style sheet: a widget with a sheet keeps its font when presentation mode
    // scales the application's.
    QColor c = palette().color(QPalette::WindowText);
    if (tone == Tone::Error) c = palette::e2().darker(120);
    if (tone == Tone::Success) c = palette::e1().darker(150);
    QPalette pal = m_message->palette();
    pal.setColor(QPalette::WindowText, c);
    m_message->setPalette(pal);
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
