#pragma once
// The tensor attributes of the four arrays, as the book's notebook prints them (section 2.2.7):
//   >>> train_images.ndim
//   3
// Every value comes from evaluating the same expression with the core, not from hand-written text.

#include <QString>

namespace core {
struct MnistData;
}

namespace ui {

QString attributeListing(const core::MnistData &data, const QString &set);

} // namespace ui
