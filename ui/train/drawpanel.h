#pragma once
// Draw a digit and see what the network thinks: the canvas, the drawing prepared as MNIST's digits
// were (core/data/drawndigit), and the model's ten probabilities, updated while drawing and
// whenever the model changes (during training too, from the latest model copy).

#include "core/data/drawndigit.h"
#include "ui/train/trainsnapshots.h"

#include <QWidget>

class QLabel;
class QTimer;

namespace ui {

class DrawCanvas;
class ProbabilityBars;

class DrawPanel : public QWidget {
    Q_OBJECT
public:
    explicit DrawPanel(QWidget *parent = nullptr);

    void setModel(const ModelSnapshot &model);
    DrawCanvas *canvas() const { return m_canvas; }
    ProbabilityBars *bars() const { return m_bars; }
    // The prepared 28 x 28 input of the last classification.
    const core::DigitPixels &prepared() const { return m_prepared; }
    // The predicted digit (-1 with nothing drawn or no model).
    int predicted() const;
    QString verdict() const;
    // Classifies now instead of after the coalescing delay.
    void classifyNow();
    // A line above the canvas (e.g. which test digit was put on it); cleared with the canvas.
    void setCaption(const QString &text);

signals:
    void classified(int digit);
    // "Put a test digit" was pressed: the page puts the next test digit on the canvas.
    void testDigitRequested();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void classify();

    DrawCanvas *m_canvas;
    QLabel *m_caption;
    QLabel *m_preview;
    ProbabilityBars *m_bars;
    QLabel *m_verdict;
    QTimer *m_timer;
    ModelSnapshot m_model;
    core::DigitPixels m_prepared{};
    bool m_stale = true;
};

} // namespace ui
