#pragma once
// Pictures of uint8/float tensors in the book's binary colormap (white ground, dark ink), shared by
// the MNIST page's export and `uncrumple slice --png`.

#include <QImage>

namespace core {
class Tensor;
}

namespace ui {

// One 2-D array (rows, cols) as an image, each element a scale x scale square. uint8 maps 0..255,
// float32 maps 0..1.
QImage imageOf2d(const core::Tensor &t, int scale = 1);

// rank 3 (N, rows, cols): the first maxImages images in a grid, columns wide, with a 1-pixel gap;
// rank 2: one image; rank 1: one strip. Throws core::ValueError for rank 0 or above 3.
QImage imageOfTensor(const core::Tensor &t, int scale, int columns = 20, int maxImages = 400);

} // namespace ui
