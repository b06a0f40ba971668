#pragma once
// The animation clock: a time t from 0 (identity) to the number of phases (everything applied),
// moving at one phase per second towards a target. Play targets the end, a step targets the next
// (or previous) phase boundary, and seeking jumps. Easing is not done here: each phase eases in
// core::geometry::stagesAt, so scrubbing and playing look the same.

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace ui {

class Playhead : public QObject {
    Q_OBJECT
public:
    explicit Playhead(QObject *parent = nullptr);

    double time() const { return m_time; }
    int phaseCount() const { return m_phases; }
    bool isMoving() const { return m_timer.isActive(); }
    bool atEnd() const { return m_time >= m_phases; }
    // Seconds per phase (about a second, as the design asks).
    double secondsPerPhase() const { return m_secondsPerPhase; }
    void setSecondsPerPhase(double seconds);

    // Changes the timeline's length, keeping t inside it.
    void setPhaseCount(int count);

public slots:
    void seek(double t);
    void seekEnd() { seek(m_phases); }
    void play();  // from where it is to the end; from the start if already at the end
    void pause(); // stops where it is
    void togglePlay();
    void stepForward(); // animates to the next phase boundary
    void stepBack();    // animates back to the previous phase boundary
    // Moves a moving head on by `phases` towards its target, as its own tick does; nothing when
    // still. For a driver that paces the frames itself (the benchmarks' flat-out runs).
    void advance(double phases);

signals:
    void timeChanged(double t);
    void movingChanged(bool moving);
    void phaseCountChanged(int count);

private:
    void moveTo(double target);
    void tick();
    void setTime(double t);

    double m_time = 0;
    double m_target = 0;
    int m_phases = 0;
    double m_secondsPerPhase = 1.0;
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_lastTick = 0;
};

} // namespace ui
