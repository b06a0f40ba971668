#include "ui/train/predictiongrid.h"

#include "core/data/mnist.h"
#include "core/nn/dataset.h"
#include "core/nn/inference.h"
#include "ui/common/palette.h"
#include "ui/train/digitimages.h"
#include "ui/train/probabilitybars.h"

#include <QPainter>
#include <algorithm>
#include <cmath>

namespace ui {

PredictionGrid::PredictionGrid(QWidget *parent) : QWidget(parent)
{
    QSizePolicy policy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
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

PredictionGrid::TextBlock PredictionGrid::textBlock() const
{
    // The widest caption any shown digit can have: a five-digit index, and bold "says" after
    // either mark (the two glyphs may come from a fallback font of another width). Measured as
    // paintEvent elides, in whole pixels, with a pixel to spare.
    QFont bold = font();
    bold.setBold(true);
    const QFontMetrics fm(font()), bfm(bold);
    TextBlock t;
    t.line = std::max(fm.lineSpacing(), bfm.lineSpacing());
    t.width = std::max({fm.horizontalAdvance(QStringLiteral("[00000]")),
                        fm.horizontalAdvance(tr("label %1").arg(8)),
                        bfm.horizontalAdvance(QStringLiteral("✓ ") + tr("says %1").arg(8)),
                        bfm.horizontalAdvance(QStringLiteral("✗ ") + tr("says %1").arg(8))}) +
              2;
    return t;
}

QSizeF PredictionGrid::cardMinimum() const
{
    // A digit beside its three caption lines, over the bars (a value row, the bars, a digit
    // row): never less, so no caption runs into another.
    const TextBlock t = textBlock();
    // 2 pixels round a card and 4 between the digit and its captions: four cards a row fit a
    // 1024-pixel projector's main area in presentation mode.
    return {t.width + t.line + 8, 5 * t.line + 28};
}

int PredictionGrid::columnsFor(int width) const
{
    return std::clamp(static_cast<int>(width / cardMinimum().width()), 2, kPerPage / 2);
}

int PredictionGrid::heightForWidth(int width) const
{
    const int columns = columnsFor(width);
    const int rows = (kPerPage + columns - 1) / columns;
    return static_cast<int>(std::ceil(rows * cardMinimum().height()));
}

QSize PredictionGrid::minimumSizeHint() const
{
    // Two columns at the narrowest; heightForWidth adds the rows.
    const QSizeF card = cardMinimum();
    return {static_cast<int>(std::ceil(2 * card.width())),
            static_cast<int>(std::ceil(2 * card.height()))};
}

void PredictionGrid::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), palette().color(QPalette::Base));
    const int n = count();
    if (n == 0) return;
    const int columns = columnsFor(width());
    const int rows = (kPerPage + columns - 1) / columns; // a short last page keeps the layout
    const double cw = width() / double(columns), ch = height() / double(rows);
    const TextBlock t = textBlock();
    QFont bold = font();
    bold.setBold(true);
    const QFontMetrics fm(font()), bfm(bold);
    for (int k = 0; k < n; ++k) {
        const QRectF card(k % columns * cw + 2, k / columns * ch + 4, cw - 4, ch - 8);
        const int index = m_first + k;
        // The digit takes what the captions leave, and the captions always get three lines.
        const double side = std::max(
            8.0, std::min({card.height() * 0.42, card.width() * 0.4, card.width() - t.width - 4}));
        const QRectF image(card.left(), card.top(), side, side);
        p.drawImage(image, testDigitImage(*m_data, index));
        p.setPen(QPen(palette().color(QPalette::Mid), 1));
        p.drawRect(image);

        const int pred = predicted(k);
        const double textLeft = image.right() + 4;
        const int textWidth = static_cast<int>(card.right() - textLeft);
        auto line = [&](int row, const QFontMetrics &metrics, const QString &text) {
            p.drawText(QRectF(textLeft, card.top() + row * t.line, textWidth, t.line),
                       Qt::AlignLeft | Qt::AlignVCenter,
                       metrics.elidedText(text, Qt::ElideRight, textWidth));
        };
        p.setPen(palette().color(QPalette::Text));
        line(0, fm, QStringLiteral("[%1]").arg(index));
        line(1, fm, tr("label %1").arg(label(k)));
        const double top = card.top() + std::max(side, 3 * t.line) + 4;
        if (pred >= 0) {
            const bool right = pred == label(k);
            p.setFont(bold);
            p.setPen(right ? palette::e1().darker(130) : palette::e2());
            line(2, bfm,
                 (right ? QStringLiteral("✓ ") : QStringLiteral("✗ ")) + tr("says %1").arg(pred));
            p.setFont(font());
            if (card.bottom() - top > 2 * t.line)
                paintProbabilityBars(p, QRectF(card.left(), top, card.width(), card.bottom() - top),
                                     m_probabilities[static_cast<std::size_t>(k)], label(k),
                                     palette());
        } else {
            p.setPen(palette().color(QPalette::PlaceholderText));
            p.drawText(QRectF(card.left(), top, card.width(), card.bottom() - top),
                       Qt::AlignLeft | Qt::TextWordWrap, tr("no model yet"));
        }
    }
}

} // namespace ui
