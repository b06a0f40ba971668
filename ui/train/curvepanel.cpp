#include "ui/train/curvepanel.h"

#include "ui/common/palette.h"
#include "ui/train/curvechart.h"
#include "ui/train/decimate.h"
#include "ui/train/niceaxis.h"
#include "ui/train/trainhistory.h"

#include <QGridLayout>
#include <QPainter>
#include <algorithm>
#include <cmath>

namespace ui {

namespace {

// Where batch x (in epochs) falls: "batch 201/469 of epoch 3".
QString batchAt(double x, int steps)
{
    const int epoch = std::max(1, static_cast<int>(std::ceil(x - 1e-9)));
    const int step = std::clamp(static_cast<int>(std::lround((x - (epoch - 1)) * steps)), 1, steps);
    return QObject::tr("epoch %1, batch %2/%3").arg(epoch).arg(step).arg(steps);
}

QString number(double v)
{
    return QString::number(v, 'f', 4);
}

} // namespace

CurvePanel::CurvePanel(QWidget *parent)
    : QWidget(parent), m_batchLoss(new CurveChart(tr("Loss per batch"), tr("epoch"), tr("loss"))),
      m_batchAccuracy(new CurveChart(tr("Accuracy per batch"), tr("epoch"), tr("accuracy"))),
      m_epochLoss(new CurveChart(tr("Loss per epoch"), tr("epoch"), tr("loss"))),
      m_epochAccuracy(new CurveChart(tr("Accuracy per epoch"), tr("epoch"), tr("accuracy")))
{
    for (CurveChart *c : {m_batchLoss, m_batchAccuracy}) {
        // A 1-pixel pen takes the raster engine's fast cosmetic path.
        c->addCurve(tr("raw"), palette::rawCurve(false), 1.0);
        c->addCurve(tr("smoothed"), palette::trainCurve(false), 2.0);
        // Dense raw batches read better without vertical grid lines; the epoch ticks suffice.
        c->setXGridVisible(false);
    }
    for (CurveChart *c : {m_epochLoss, m_epochAccuracy}) {
        c->addCurve(tr("train"), palette::trainCurve(false), 2.5, true);
        c->addCurve(tr("test"), palette::testCurve(false), 2.5, true);
    }
    m_batchLoss->setObjectName(QStringLiteral("batchLossChart"));
    m_batchAccuracy->setObjectName(QStringLiteral("batchAccuracyChart"));
    m_epochLoss->setObjectName(QStringLiteral("epochLossChart"));
    m_epochAccuracy->setObjectName(QStringLiteral("epochAccuracyChart"));

    auto describeBatch = [this](const QString &metric) {
        return [this, metric](int curve, int, QPointF p) {
            return (curve == Raw ? tr("%1\n%2 of this batch: %3") : tr("%1\nsmoothed %2: %3"))
                .arg(batchAt(p.x(), m_steps), metric, number(p.y()));
        };
    };
    m_batchLoss->setDescriber(describeBatch(tr("loss")));
    m_batchAccuracy->setDescriber(describeBatch(tr("accuracy")));
    auto describeEpoch = [](const QString &metric) {
        return [metric](int curve, int, QPointF p) {
            return tr("epoch %1\n%2 %3: %4")
                .arg(std::lround(p.x()))
                .arg(curve == Train ? tr("train") : tr("test"), metric, number(p.y()));
        };
    };
    m_epochLoss->setDescriber(describeEpoch(tr("loss")));
    m_epochAccuracy->setDescriber(describeEpoch(tr("accuracy")));

    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(2);
    grid->addWidget(m_batchLoss, 0, 0);
    grid->addWidget(m_batchAccuracy, 0, 1);
    grid->addWidget(m_epochLoss, 1, 0);
    grid->addWidget(m_epochAccuracy, 1, 1);
    setEpochs(5);
    for (CurveChart *c : {m_batchLoss, m_batchAccuracy, m_epochLoss, m_epochAccuracy})
        c->setYExtent(0.0, 1.0);
}

void CurvePanel::setEpochs(int epochs)
{
    epochs = std::max(1, epochs);
    if (epochs == m_epochs) return;
    m_epochs = epochs;
    const double step = niceStep(epochs, std::min(epochs, 8));
    const double interval = std::max(1.0, step);
    for (CurveChart *c : {m_batchLoss, m_batchAccuracy})
        c->setXRange(0.0, epochs, interval);
    for (CurveChart *c : {m_epochLoss, m_epochAccuracy})
        c->setXRange(0.5, epochs + 0.5, interval);
}

void CurvePanel::showHistory(const TrainHistory &history)
{
    if (history.epochs() > 0) setEpochs(history.epochs());
    m_steps = std::max(1, history.stepsPerEpoch());

    // A low and a high every four pixel columns of the whole run's x range: the cost of a
    // repaint stays flat as the run grows, and only the newest columns change.
    const int columns = std::max(40, static_cast<int>(m_batchLoss->layout().plot.width() / 4));
    const double end = m_epochs;
    m_batchLoss->setCurve(Raw, decimate(history.loss(), 0.0, end, columns));
    // The smoothed curves are smooth: a point every 4 pixels is plenty for the 2-pixel pen.
    m_batchLoss->setCurve(Smoothed, thin(history.smoothLoss(), 0.0, end, columns));
    m_batchAccuracy->setCurve(Raw, decimate(history.accuracy(), 0.0, end, columns));
    m_batchAccuracy->setCurve(Smoothed, thin(history.smoothAccuracy(), 0.0, end, columns));

    if (history.isEmpty()) {
        m_batchLoss->setYExtent(0.0, 1.0);
    } else {
        // The loss axis follows the smoothed curve (single noisy batches may leave the top), and
        // only grows or shrinks by whole ticks, so the axis is rarely relabelled.
        double top = 0.0;
        for (const QPointF &p : history.smoothLoss())
            top = std::max(top, p.y());
        m_batchLoss->setYExtent(0.0, std::max(top, 1e-3) * 1.05);
    }

    const auto &epochs = history.epochSummaries();
    if (epochs.size() == m_epochPoints) return;
    m_epochPoints = epochs.size();
    QList<QPointF> trainLoss, testLoss, trainAccuracy, testAccuracy;
    double lossMax = 0.0, accuracyMin = 1.0;
    for (const auto &s : epochs) {
        trainLoss.append({double(s.epoch), s.loss});
        trainAccuracy.append({double(s.epoch), s.accuracy});
        lossMax = std::max(lossMax, s.loss);
        accuracyMin = std::min(accuracyMin, s.accuracy);
        if (s.tested) {
            testLoss.append({double(s.epoch), s.testLoss});
            testAccuracy.append({double(s.epoch), s.testAccuracy});
            lossMax = std::max(lossMax, s.testLoss);
            accuracyMin = std::min(accuracyMin, s.testAccuracy);
        }
    }
    m_epochLoss->setCurve(Train, trainLoss);
    m_epochLoss->setCurve(Test, testLoss);
    m_epochAccuracy->setCurve(Train, trainAccuracy);
    m_epochAccuracy->setCurve(Test, testAccuracy);
    if (epochs.empty()) {
        m_epochLoss->setYExtent(0.0, 1.0);
        m_epochAccuracy->setYExtent(0.0, 1.0);
        return;
    }
    m_epochLoss->setYExtent(0.0, std::max(lossMax, 1e-3) * 1.1);
    // Accuracy: from just below the lowest value up to 1, so 0.97 and 0.98 are told apart.
    m_epochAccuracy->setYExtent(std::max(0.0, accuracyMin - (1.0 - accuracyMin) * 0.25), 1.0);
}

void CurvePanel::setLineScale(double scale)
{
    for (CurveChart *c : {m_batchLoss, m_batchAccuracy, m_epochLoss, m_epochAccuracy})
        c->setLineScale(scale);
}

void CurvePanel::setProjectorColours(bool projector)
{
    for (CurveChart *c : {m_batchLoss, m_batchAccuracy}) {
        c->setCurveColour(Raw, palette::rawCurve(projector));
        c->setCurveColour(Smoothed, palette::trainCurve(projector));
    }
    for (CurveChart *c : {m_epochLoss, m_epochAccuracy}) {
        c->setCurveColour(Train, palette::trainCurve(projector));
        c->setCurveColour(Test, palette::testCurve(projector));
    }
}

QImage CurvePanel::render()
{
    return grab().toImage();
}

} // namespace ui
