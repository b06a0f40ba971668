#pragma once
// Where a run stands: a progress bar with the epoch, the batch and the time left, Keras' own
// progress line (keras.utils.Progbar, as model.fit prints it and `uncrumple train` prints it), and
// one line for messages (a stop, a divergence, a bad file), shown in place.

#include "core/nn/trainer.h"
#include "ui/train/trainsnapshots.h"

#include <QWidget>

class QHBoxLayout;
class QLabel;

namespace ui {

class FlatProgressBar;
class KerasLine;

class TrainProgress : public QWidget {
    Q_OBJECT
public:
    enum class Tone { Info, Success, Error };

    explicit TrainProgress(QWidget *parent = nullptr);

    // validationData: fit was given validation_data, so Keras' line ends with val_ metrics;
    // without it the test set is evaluated apart from fit and the line prints as fit's own.
    void start(const TrainStart &run, bool validationData);
    void showBatch(const core::nn::BatchProgress &p);
    void showEpoch(const core::nn::EpochSummary &s);
    // The run is over: the bar says how (done, stopped or diverged at the last batch shown),
    // never a time left.
    void finish(core::nn::TrainStatus status);
    void setMessage(const QString &text, Tone tone = Tone::Info);

    // Widgets shown left of the bar on its row (the page's Train, Pause, Stop buttons).
    void addLeading(QWidget *widget);

    QString kerasText() const;
    QString message() const;
    FlatProgressBar *bar() const { return m_bar; }

private:
    static QString kerasText(const core::nn::BatchProgress &p);

    QHBoxLayout *m_row;
    FlatProgressBar *m_bar;
    KerasLine *m_keras;
    QLabel *m_message;
    int m_steps = 0;
    int m_epochs = 0;
    int m_barEpoch = 0;  // the epoch the bar shows: a new one is shown at once
    int m_lastEpoch = 0; // the last batch received
    int m_lastStep = 0;
    bool m_validationData = false;
    qint64 m_barPainted = 0; // ms since the epoch of the last bar update
};

} // namespace ui
