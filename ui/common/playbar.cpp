#include "ui/common/playbar.h"

#include "ui/common/playhead.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>
#include <QStyle>
#include <QToolButton>
#include <cmath>

namespace ui {

namespace {

// The scrubber's resolution: steps per phase.
constexpr int kTicksPerPhase = 100;

QToolButton *button(QStyle::StandardPixmap icon, const QString &tip, const QString &name)
{
    auto *b = new QToolButton;
    b->setIcon(b->style()->standardIcon(icon));
    b->setToolTip(tip);
    b->setObjectName(name);
    b->setAutoRaise(true);
    b->setFocusPolicy(Qt::NoFocus); // Space and the arrows belong to the page's shortcuts
    return b;
}

} // namespace

PlayBar::PlayBar(Playhead *playhead, QWidget *parent)
    : QWidget(parent), m_playhead(playhead), m_wording(chainWording()),
      m_start(button(QStyle::SP_MediaSkipBackward, m_wording.startTip, "toStart")),
      m_back(button(QStyle::SP_MediaSeekBackward, tr("Step back one phase (←)"), "stepBack")),
      m_play(button(QStyle::SP_MediaPlay, m_wording.playTip, "play")),
      m_forward(
          button(QStyle::SP_MediaSeekForward, tr("Step forward one phase (→)"), "stepForward")),
      m_end(button(QStyle::SP_MediaSkipForward, m_wording.endTip, "toEnd")),
      m_scrubber(new QSlider(Qt::Horizontal)), m_caption(new QLabel)
{
    m_scrubber->setObjectName(QStringLiteral("scrubber"));
    m_scrubber->setToolTip(m_wording.scrubberTip);
    m_scrubber->setFocusPolicy(Qt::NoFocus);
    m_caption->setObjectName(QStringLiteral("phaseLabel"));
    m_caption->setMinimumWidth(
        m_caption->fontMetrics().horizontalAdvance(QStringLiteral("phase 12 of 36")));
    connect(m_start, &QToolButton::clicked, m_playhead, [this] { m_playhead->seek(0); });
    connect(m_back, &QToolButton::clicked, m_playhead, &Playhead::stepBack);
    connect(m_play, &QToolButton::clicked, m_playhead, &Playhead::togglePlay);
    connect(m_forward, &QToolButton::clicked, m_playhead, &Playhead::stepForward);
    connect(m_end, &QToolButton::clicked, m_playhead, &Playhead::seekEnd);
    connect(m_scrubber, &QSlider::valueChanged, m_playhead,
            [this](int v) { m_playhead->seek(static_cast<double>(v) / kTicksPerPhase); });
    connect(m_playhead, &Playhead::timeChanged, this, &PlayBar::sync);
    connect(m_playhead, &Playhead::movingChanged, this, &PlayBar::sync);
    connect(m_playhead, &Playhead::phaseCountChanged, this, &PlayBar::sync);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 2, 6, 2);
    for (QToolButton *b : {m_start, m_back, m_play, m_forward, m_end})
        layout->addWidget(b);
    layout->addWidget(m_scrubber, 1);
    layout->addWidget(m_caption);
    sync();
}

PlayBarWording PlayBar::chainWording()
{
    return {tr("Back to the identity (Home)"),
            tr("Apply the whole chain (End)"),
            tr("Play the chain (Space)"),
            tr("Scrub through the animation: each step's linear part, then its shift, then its "
               "ReLU"),
            tr("identity"),
            tr("all applied")};
}

void PlayBar::setWording(const PlayBarWording &wording)
{
    m_wording = wording;
    m_start->setToolTip(wording.startTip);
    m_end->setToolTip(wording.endTip);
    m_scrubber->setToolTip(wording.scrubberTip);
    m_shownMoving = -1; // Play's tooltip is the wording's
    sync();
}

void PlayBar::sync()
{
    const int phases = m_playhead->phaseCount();
    {
        const QSignalBlocker block(m_scrubber);
        m_scrubber->setRange(0, phases * kTicksPerPhase);
        m_scrubber->setValue(static_cast<int>(std::lround(m_playhead->time() * kTicksPerPhase)));
    }
    // Short, as the plane's caption says what the phase does.
    const double t = m_playhead->time();
    if (phases == 0)
        m_caption->setText(tr("no steps"));
    else if (t <= 0.0)
        m_caption->setText(m_wording.atStart);
    else if (t >= phases)
        m_caption->setText(m_wording.atEnd);
    else
        m_caption->setText(tr("phase %1 of %2").arg(static_cast<int>(std::ceil(t))).arg(phases));
    // Called at every frame while playing: the icon (a file read by the style) only when it
    // changes.
    const bool moving = m_playhead->isMoving();
    if (m_shownMoving != int(moving)) {
        m_shownMoving = moving;
        m_play->setIcon(
            style()->standardIcon(moving ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
        m_play->setToolTip(moving ? tr("Pause (Space)") : m_wording.playTip);
    }
    for (QWidget *w : {static_cast<QWidget *>(m_start), static_cast<QWidget *>(m_back),
                       static_cast<QWidget *>(m_play), static_cast<QWidget *>(m_forward),
                       static_cast<QWidget *>(m_end), static_cast<QWidget *>(m_scrubber)})
        w->setEnabled(phases > 0);
}

} // namespace ui
