#pragma once
// A digit drawn by hand, prepared the way MNIST's digits were (LeCun, Cortes & Burges, "The MNIST
// database", yann.lecun.com/exdb/mnist): the ink's bounding box is scaled to fit a 20 x 20 box
// keeping its aspect ratio, with grey levels from the anti-aliasing of that scaling, then placed in
// a 28 x 28 field so that its centre of mass sits on the field's centre pixel (14, 14) (where the
// centres of mass of MNIST's own digits lie, within half a pixel).
//
// Images here are row-major floats in [0, 1]: 0 is paper, 1 is full ink (MNIST's x / 255).

#include <array>
#include <span>

namespace core {

inline constexpr int kDigitSide = 28; // MNIST's field
inline constexpr int kDigitBox = 20;  // the box the ink is scaled into

using DigitPixels = std::array<float, kDigitSide * kDigitSide>;

struct CentreOfMass {
    double row = 0.0; // in pixel indices: a lone pixel at (r, c) has its centre of mass at (r, c)
    double col = 0.0;
    double mass = 0.0; // sum of the values
};

// ink: rows x cols values (rows * cols entries). Values at or below 1/255 count as paper when the
// bounding box is found (faint anti-aliasing at the edge of a stroke must not widen the box).
// A drawing without ink gives an all-zero field. Throws core::ValueError when ink.size() is not
// rows * cols or a side is below 1.
DigitPixels mnistFromDrawing(std::span<const float> ink, int rows, int cols);

// Of rows x cols values.
CentreOfMass centreOfMass(std::span<const float> values, int rows, int cols);

} // namespace core
