#pragma once
// Keras' progress bar (keras.utils.Progbar, verbose=1), as model.fit prints it:
//   Epoch 1/5
//   469/469 [==============================] - 1s 2ms/step - loss: 0.2570 - accuracy: 0.9260
// On a terminal the line is redrawn in place while the epoch runs (with an ETA); elsewhere only
// the finished line is printed, once per epoch.

#include <cstdio>
#include <string>
#include <utility>
#include <vector>

namespace core::nn {

using Metrics = std::vector<std::pair<std::string, double>>;

// One line without the leading carriage return: finished lines show the elapsed time and the time
// per step, unfinished ones an ETA.
std::string kerasProgressLine(int current, int target, double elapsedSeconds,
                              const Metrics &metrics, bool finished);

class KerasProgress {
public:
    // interactive: redraw in place (a terminal); otherwise print finished lines only.
    KerasProgress(std::FILE *out, bool interactive);

    // A new epoch's bar ("Epoch 1/5" is printed by the caller).
    void start(int target);
    // At most every 50 ms unless finished (as Keras' interval=0.05).
    void update(int current, double elapsedSeconds, const Metrics &metrics);
    // The finished line, with extra metrics appended (e.g. val_loss).
    void finish(double elapsedSeconds, const Metrics &metrics);

private:
    std::FILE *m_out;
    bool m_interactive;
    int m_target = 0;
    int m_current = 0;
    double m_lastDraw = -1.0;
    std::size_t m_lastWidth = 0;
    void draw(const std::string &line, bool newline);
};

} // namespace core::nn
