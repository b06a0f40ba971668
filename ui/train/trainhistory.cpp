#include "ui/train/trainhistory.h"

#include <QTextStream>
#include <algorithm>
#include <cmath>

namespace ui {

void TrainHistory::reset(int epochs, int stepsPerEpoch)
{
    *this = TrainHistory();
    m_epochs = epochs;
    m_steps = stepsPerEpoch;
    m_smoothing = smoothingFor(stepsPerEpoch);
    const auto n = static_cast<std::size_t>(std::max(0, epochs) * std::max(0, stepsPerEpoch));
    m_batches.reserve(n);
    for (auto *v : {&m_loss, &m_accuracy, &m_smoothLoss, &m_smoothAccuracy})
        v->reserve(n);
}

double TrainHistory::smoothingFor(int stepsPerEpoch)
{
    return std::clamp(1.0 - 20.0 / std::max(1, stepsPerEpoch), 0.0, 0.98);
}

double TrainHistory::x(int epoch, int step, int steps)
{
    return epoch - 1 + static_cast<double>(step) / std::max(1, steps);
}

void TrainHistory::addBatch(const BatchPoint &p)
{
    m_batches.push_back(p);
    const double x = TrainHistory::x(p.epoch, p.step, p.steps);
    m_loss.emplace_back(x, p.loss);
    m_accuracy.emplace_back(x, p.accuracy);
    const double w = m_smoothing;
    m_emaLoss = w * m_emaLoss + (1 - w) * p.loss;
    m_emaAccuracy = w * m_emaAccuracy + (1 - w) * p.accuracy;
    m_emaWeight = w * m_emaWeight + (1 - w);
    m_smoothLoss.emplace_back(x, m_emaLoss / m_emaWeight);
    m_smoothAccuracy.emplace_back(x, m_emaAccuracy / m_emaWeight);
}

void TrainHistory::addEpoch(const core::nn::EpochSummary &summary)
{
    m_summaries.push_back(summary);
}

QString TrainHistory::toCsv() const
{
    QString text;
    QTextStream out(&text);
    out << "epoch,step,batch_loss,batch_accuracy,smoothed_loss,smoothed_accuracy,loss,accuracy,"
           "val_loss,val_accuracy\n";
    auto num = [](double v) { return QString::number(v, 'g', 8); };
    for (std::size_t i = 0; i < m_batches.size(); ++i) {
        const BatchPoint &b = m_batches[i];
        out << b.epoch << ',' << b.step << ',' << num(b.loss) << ',' << num(b.accuracy) << ','
            << num(m_smoothLoss[i].y()) << ',' << num(m_smoothAccuracy[i].y());
        const auto s = std::find_if(m_summaries.begin(), m_summaries.end(),
                                    [&](const auto &e) { return e.epoch == b.epoch; });
        if (b.step == b.steps && s != m_summaries.end()) {
            out << ',' << num(s->loss) << ',' << num(s->accuracy);
            if (s->tested)
                out << ',' << num(s->testLoss) << ',' << num(s->testAccuracy);
            else
                out << ",,";
        } else {
            out << ",,,,";
        }
        out << '\n';
    }
    return text;
}

} // namespace ui
