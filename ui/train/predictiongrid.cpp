#include "ui/train/predictiongrid.h"

#include "core/data/mnist.h"
#include "core/nn/dataset.h"
#include "core/nn/inference.h"
#include "ui/common/palette.h"
#include "ui/train/digitimages.h"
#include "ui/train/probabilitybars.h"

#include <QPainter>
#include <algorithm>

namespace ui {

PredictionGrid::PredictionGrid(QWidget *parent) : QWidget(parent)
{
    setMinimumSize(400, 220);
}

QSize PredictionGrid::sizeHint() const
{
    return {720, 320};
}

int PredictionGrid::testCount() const
{
    return m_data ? static_cast<int>(m_data->testLabels.shape()[0]) : 0;
}

void PredictionGrid::setData(const MnistSnapshot &snapshot)
{
    m_data = snapshot;
    m_test = core::nn::Dataset::fromTensors(m_data->testImages, m_data->testLabels);
    m_first = std::clamp(m_first, 0, std::max(0, testCount() - 1));
    predict();
}

void PredictionGrid::setModel(const ModelSnapshot &model)
{
    m_model = model;
    predict();
}

void PredictionGrid::setFirst(int first)
{
    first = std::clamp(first, 0, std::max(0, testCount() - 1));
    if (first == m_first) return;
    m_first = first;
    predict();
    emit firstChanged(first);
}

int PredictionGrid::predicted(int k) const
{
    const auto &p = m_probabilities[static_cast<std::size_t>(k)];
    if (p.empty()) return -1;
    return static_cast<int>(std::max_element(p.begin(), p.end()) - p.begin());
}

int PredictionGrid::rightCount() const
{
    int right = 0;
    for (int k = 0; k < count(); ++k)
        right += predicted(k) == label(k);
    return right;
}

void PredictionGrid::predict()
{
    m_labels.clear();
    m_probabilities.clear();
    const int n = m_data && hasDigitImages(*m_data) ? std::min(kPerPage, testCount() - m_first) : 0;
    if (n <= 0) {
        update();
        emit predictionsChanged();
        return;
    }
    const auto *labels = m_data->testLabels.data<std::uint8_t>();
    for (int k = 0; k < n; ++k)
        m_labels.push_back(labels[m_first + k]);
    m_probabilities.assign(static_cast<std::size_t>(n), {});
    if (m_model && m_model->inputs() == m_test.features() && m_model->outputs() == 10) {
        core::nn::Matrix inputs(n, m_test.features());
        m_test.copyRows(m_first, n, inputs.data());
        const core::nn::Matrix p = core::nn::predict(*m_model, inputs, 1);
        for (int k = 0; k < n; ++k)
            m_probabilities[static_cast<std::size_t>(k)].assign(p.row(k), p.row(k) + p.cols());
    }
    update();
    emit predictionsChanged();
}

void PredictionGrid::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), palette().color(QPalette::Base));
    const int n = count();
    if (n == 0) return;
    constexpr int kColumns = 5;
    const int rows = (n + kColumns - 1) / kColumns;
    const double cw = width() / double(kColumns), ch = height() / double(std::max(2, rows));
    const QFontMetrics fm = fontMetrics();
    for (int k = 0; k < n; ++k) {
        const QRectF card(k % kColumns * cw + 4, k / kColumns * ch + 4, cw - 8, ch - 8);
        const int index = m_first + k;
        const QImage digit = testDigitImage(*m_data, index);
        const double side = std::min(card.height() * 0.42, card.width() * 0.4);
        const QRectF image(card.left(), card.top(), side, side);
        p.drawImage(image, digit);
        p.setPen(QPen(palette().color(QPalette::Mid), 1));
        p.drawRect(image);

        const int pred = predicted(k);
        const QRectF text(image.right() + 6, card.top(), card.right() - image.right() - 6, side);
        p.setPen(palette().color(QPalette::Text));
        QString caption = QStringLiteral("[%1]\n").arg(index) + tr("label %1").arg(label(k));
        p.drawText(text, Qt::AlignLeft | Qt::AlignTop, caption);
        if (pred >= 0) {
            const bool right = pred == label(k);
            QFont bold = font();
            bold.setBold(true);
            p.setFont(bold);
            p.setPen(right ? palette::e1().darker(130) : palette::e2());
            p.drawText(text, Qt::AlignLeft | Qt::AlignBottom,
                       (right ? QStringLiteral("✓ ") : QStringLiteral("✗ ")) +
                           tr("says %1").arg(pred));
            p.setFont(font());
            paintProbabilityBars(p,
                                 QRectF(card.left(), image.bottom() + 4, card.width(),
                                        card.bottom() - image.bottom() - 4),
                                 m_probabilities[static_cast<std::size_t>(k)], label(k), palette());
        } else {
            p.setPen(palette().color(QPalette::PlaceholderText));
            p.drawText(QRectF(card.left(), image.bottom() + 4, card.width(), fm.height() * 2),
                       Qt::AlignLeft | Qt::TextWordWrap, tr("no model yet"));
        }
    }
}

} // namespace ui
