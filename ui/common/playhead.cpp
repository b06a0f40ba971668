#include "ui/common/playhead.h"

#include <algorithm>
#include <cmath>

namespace ui {

Playhead::Playhead(QObject *parent) : QObject(parent)
{
    // A precise ~60 Hz tick; time advances by the measured interval, so a late frame does not
    // slow the animation down.
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(16);
    connect(&m_timer, &QTimer::timeout, this, &Playhead::tick);
}

void Playhead::setSecondsPerPhase(double seconds)
{
    if (seconds > 0 && std::isfinite(seconds)) m_secondsPerPhase = seconds;
}

void Playhead::setPhaseCount(int count)
{
    count = std::max(0, count);
    if (count == m_phases) return;
    m_phases = count;
    m_target = std::clamp(m_target, 0.0, static_cast<double>(m_phases));
    setTime(std::clamp(m_time, 0.0, static_cast<double>(m_phases)));
    emit phaseCountChanged(m_phases);
}

void Playhead::setTime(double t)
{
    if (t == m_time) return;
    m_time = t;
    emit timeChanged(t);
}

void Playhead::seek(double t)
{
    if (!std::isfinite(t)) return;
    pause();
    setTime(std::clamp(t, 0.0, static_cast<double>(m_phases)));
}

void Playhead::moveTo(double target)
{
    m_target = std::clamp(target, 0.0, static_cast<double>(m_phases));
    if (m_target == m_time) {
        pause();
        return;
    }
    m_lastTick = 0;
    m_clock.start();
    if (!m_timer.isActive()) {
        m_timer.start();
        emit movingChanged(true);
    }
}

void Playhead::play()
{
    if (m_phases == 0) return;
    if (atEnd()) setTime(0.0);
    moveTo(m_phases);
}

void Playhead::pause()
{
    if (!m_timer.isActive()) return;
    m_timer.stop();
    emit movingChanged(false);
}

void Playhead::togglePlay()
{
    if (isMoving())
        pause();
    else
        play();
}

void Playhead::stepForward()
{
    // From a boundary, the next one; from inside a phase (or while moving), that phase's end.
    const double from = isMoving() ? m_target : m_time;
    moveTo(std::floor(from + 1e-9) + 1.0);
}

void Playhead::stepBack()
{
    const double from = isMoving() ? m_target : m_time;
    moveTo(std::ceil(from - 1e-9) - 1.0);
}

void Playhead::tick()
{
    const qint64 now = m_clock.elapsed();
    const double dt = (now - m_lastTick) / 1000.0;
    m_lastTick = now;
    advance(dt / m_secondsPerPhase);
}

void Playhead::advance(double phases)
{
    if (!isMoving() || !(phases >= 0.0)) return;
    const double next = m_target > m_time ? std::min(m_target, m_time + phases)
                                          : std::max(m_target, m_time - phases);
    setTime(next);
    if (next == m_target) pause();
}

} // namespace ui
