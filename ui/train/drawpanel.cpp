#include "ui/train/drawpanel.h"

#include "core/nn/inference.h"
#include "ui/common/palette.h"
#include "ui/train/drawcanvas.h"
#include "ui/train/probabilitybars.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPixmap>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>

namespace ui {

namespace {
constexpr int kCoalesceMs = 40; // a burst of mouse moves becomes one classification
constexpr int kPreviewScale = 4;
} // namespace

DrawPanel::DrawPanel(QWidget *parent)
    : QWidget(parent), m_canvas(new DrawCanvas), m_caption(new QLabel), m_preview(new QLabel),
      m_bars(new ProbabilityBars), m_verdict(new QLabel), m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    m_timer->setInterval(kCoalesceMs);
    connect(m_timer, &QTimer::timeout, this, &DrawPanel::classify);
    connect(m_canvas, &DrawCanvas::drawingChanged, m_timer, qOverload<>(&QTimer::start));

    auto *clear = new QPushButton(tr("Clear"));
    clear->setObjectName(QStringLiteral("clearDrawing"));
    connect(clear, &QPushButton::clicked, m_canvas, &DrawCanvas::clear);
    connect(m_canvas, &DrawCanvas::drawingChanged, this, [this] {
        if (m_canvas->isEmpty()) m_caption->clear();
    });
    auto *testDigit = new QPushButton(tr("Put a test digit"));
    testDigit->setObjectName(QStringLiteral("putTestDigit"));
    testDigit->setToolTip(tr("Start from a real MNIST test digit, then draw over it"));
    connect(testDigit, &QPushButton::clicked, this, &DrawPanel::testDigitRequested);
    m_caption->setWordWrap(true);
    m_caption->setObjectName(QStringLiteral("drawCaption"));

    m_preview->setFixedSize(28 * kPreviewScale + 2, 28 * kPreviewScale + 2);
    m_preview->setFrameShape(QFrame::Box);
    m_preview->setToolTip(tr("What the network sees: the drawing fitted into 20 x 20 pixels, "
                             "its centre of mass moved to the centre of 28 x 28, as MNIST"));
    m_verdict->setWordWrap(true);
    QFont big = m_verdict->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_verdict->setFont(big);
    m_verdict->setObjectName(QStringLiteral("drawVerdict"));

    auto *caption = new QLabel(tr("As MNIST: fit in 20 x 20,\ncentre of mass at the centre"));
    caption->setWordWrap(true);
    auto *right = new QGridLayout;
    right->addWidget(m_preview, 0, 0, Qt::AlignTop);
    right->addWidget(caption, 0, 1, Qt::AlignTop);
    right->addWidget(m_verdict, 1, 0, 1, 2);
    right->addWidget(m_bars, 2, 0, 1, 2);
    right->setRowStretch(2, 1);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(clear);
    buttons->addWidget(testDigit);
    auto *canvasColumn = new QVBoxLayout;
    canvasColumn->addWidget(m_caption);
    canvasColumn->addWidget(m_canvas, 1);
    canvasColumn->addLayout(buttons);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(canvasColumn, 1);
    layout->addLayout(right, 1);
    classify();
}

void DrawPanel::setModel(const ModelSnapshot &model)
{
    m_model = model;
    // Only a visible panel spends GUI time (which training shares) on it.
    if (isVisible())
        m_timer->start();
    else
        m_stale = true;
}

void DrawPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale) m_timer->start();
}

void DrawPanel::setCaption(const QString &text)
{
    m_caption->setText(text);
}

int DrawPanel::predicted() const
{
    return m_bars->predicted();
}

QString DrawPanel::verdict() const
{
    return m_verdict->text();
}

void DrawPanel::classifyNow()
{
    m_timer->stop();
    classify();
}

void DrawPanel::classify()
{
    m_stale = false;
    const std::vector<float> ink = m_canvas->ink();
    m_prepared = core::mnistFromDrawing(ink, DrawCanvas::kSide, DrawCanvas::kSide);

    QImage img(28, 28, QImage::Format_RGB32);
    for (int r = 0; r < 28; ++r)
        for (int c = 0; c < 28; ++c)
            img.setPixel(c, r, palette::binaryF(m_prepared[static_cast<std::size_t>(r * 28 + c)]));
    m_preview->setPixmap(QPixmap::fromImage(img.scaled(
        28 * kPreviewScale, 28 * kPreviewScale, Qt::IgnoreAspectRatio, Qt::FastTransformation)));

    if (m_canvas->isEmpty() || !m_model || m_model->inputs() != 784) {
        m_bars->setProbabilities({});
        m_verdict->setText(m_canvas->isEmpty() ? tr("Draw a digit on the left")
                                               : tr("Train or load a model first"));
        emit classified(-1);
        return;
    }
    core::nn::Matrix input(1, 784);
    std::copy(m_prepared.begin(), m_prepared.end(), input.data());
    const core::nn::Matrix p = core::nn::predict(*m_model, input, 1);
    m_bars->setProbabilities(std::vector<float>(p.row(0), p.row(0) + p.cols()));
    const int d = m_bars->predicted();
    m_verdict->setText(
        tr("The network says %1 (probability %2)").arg(d).arg(probabilityText(p(0, d))));
    emit classified(d);
}

} // namespace ui
