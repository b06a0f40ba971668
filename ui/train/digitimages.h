#pragma once
// Test digits as pictures in the book's binary colormap (white paper, dark ink), shared by the
// Train page's predictions, confusion-matrix listing and drawing canvas. They assume 28 x 28
// images, as MNIST and its look-alikes (Fashion-MNIST) have; other IDX sets are refused politely.

#include <QImage>

namespace core {
struct MnistData;
}

namespace ui {

// The test images are (N, 28, 28).
bool hasDigitImages(const core::MnistData &data);
// test_images[index] as a 28 x 28 image; null when out of range or not digit images.
QImage testDigitImage(const core::MnistData &data, qint64 index);

} // namespace ui
