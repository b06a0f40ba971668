#pragma once
// The animation controls under an animated picture: back to the start, step back, play/pause,
// step forward, to the end, and a scrubber over the whole timeline with the phase it is in. The
// words default to the Geometry page's chain; another page names its own ends (setWording).

#include <QString>
#include <QWidget>

class QLabel;
class QSlider;
class QToolButton;

namespace ui {

class Playhead;

// What the bar says at the ends of its timeline and in its tooltips.
struct PlayBarWording {
    QString startTip, endTip, playTip, scrubberTip;
    QString atStart, atEnd; // the caption at t = 0 and at the end
};

class PlayBar : public QWidget {
    Q_OBJECT
public:
    explicit PlayBar(Playhead *playhead, QWidget *parent = nullptr);

    // The Geometry page's words (identity ... all applied).
    static PlayBarWording chainWording();
    void setWording(const PlayBarWording &wording);

private:
    void sync();

    Playhead *m_playhead;
    PlayBarWording m_wording;
    QToolButton *m_start, *m_back, *m_play, *m_forward, *m_end;
    QSlider *m_scrubber;
    QLabel *m_caption;
    int m_shownMoving = -1; // the Play button's icon: 1 Pause, 0 Play, -1 not set yet
};

} // namespace ui
