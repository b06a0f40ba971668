#pragma once
// Denormal floats (magnitudes below 1.2e-38) read and written as zero while the engine works, as
// TensorFlow's CPU threads do. Training makes many: squared gradients in RMSprop's averages,
// softmax probabilities of digits a trained network rules out. On x86 each one costs a
// microcode assist of about a hundred cycles: the book's network took 20-30% longer for its fifth
// epoch than for its first (`uncrumple train --epochs 5`); with this, no longer. Only the engine's
// threads are switched, and only while they work: the NumPy cells keep IEEE arithmetic, as NumPy
// does.

namespace core::nn {

class FlushDenormals {
public:
    FlushDenormals();  // sets flush-to-zero and denormals-are-zero on this thread
    ~FlushDenormals(); // puts back what the thread had
    FlushDenormals(const FlushDenormals &) = delete;
    FlushDenormals &operator=(const FlushDenormals &) = delete;

private:
    unsigned m_saved = 0;
};

} // namespace core::nn
