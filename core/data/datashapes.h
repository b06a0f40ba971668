#pragma once
// The real-world data of section 2.2.7 as the chapter shapes it: vector data, timeseries, images
// (channels-last and channels-first) and video, each with what its axes mean, and the memory a
// tensor of that shape takes in a dtype (the book's 405 MB for a float32 video batch).

#include "core/tensor/dtype.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace core {

struct DataShape {
    std::string kind;                     // "Vector data", "Timeseries", ...
    std::string example;                  // what one batch of it is, in the book's words
    std::vector<std::int64_t> shape;      // the book's shape
    std::vector<std::string> axisNames;   // one per axis: "samples", "height", ...
    std::vector<std::string> axisMeaning; // one per axis: a sentence on what it counts
};

// The chapter's examples, in its order.
const std::vector<DataShape> &bookDataShapes();

// Bytes of a tensor of shape and dtype, or nullopt past 2^63 (no such tensor fits anywhere).
std::optional<std::int64_t> footprintBytes(const std::vector<std::int64_t> &shape, DType dtype);

// Bytes as the book writes them, in units of 1,024: "120 bytes", "1.9 KB", "405 MB", "13.5 GB".
std::string binaryBytes(std::int64_t bytes);

} // namespace core
