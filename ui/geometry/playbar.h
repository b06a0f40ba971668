#pragma once
// The animation controls under the plane: back to the identity, step back, play/pause, step
// forward, to the end, and a scrubber over the whole chain with the phase it is in.

#include <QWidget>

class QLabel;
class QSlider;
class QToolButton;

namespace ui {

class Playhead;

class PlayBar : public QWidget {
    Q_OBJECT
public:
    explicit PlayBar(Playhead *playhead, QWidget *parent = nullptr);

private:
    void sync();

    Playhead *m_playhead;
    QToolButton *m_start, *m_back, *m_play, *m_forward, *m_end;
    QSlider *m_scrubber;
    QLabel *m_caption;
};

} // namespace ui
