#pragma once
// The IDX format of LeCun's MNIST files (http://yann.lecun.com/exdb/mnist/), raw or
// gzip-compressed:
//   bytes 0-1  zero
//   byte  2    element type: 0x08 uint8, 0x09 int8, 0x0B int16, 0x0C int32, 0x0D float32, 0x0E
//   float64 byte  3    rank then rank big-endian uint32 dimensions, then the elements in row-major
//   order, big-endian.
// Uncrumple reads uint8 and float32 elements; every check that fails throws FormatError naming the
// file and the expected against the found value.

#include "core/tensor/tensor.h"

#include <cstddef>
#include <filesystem>
#include <span>
#include <string>

namespace core {

// Reads a raw or gzip IDX file (gzip recognised by its magic bytes, not the file name).
Tensor readIdx(const std::filesystem::path &path);

// Parses IDX bytes held in memory (raw or gzip); source names them in error messages.
Tensor parseIdx(std::span<const std::byte> bytes, const std::string &source);

// Writes t as IDX (gzip-compressed when gzip is true). Atomic: a temporary file is renamed over
// path.
void writeIdx(const std::filesystem::path &path, const Tensor &t, bool gzip);

// Checks that t is a rank-1 uint8 label vector with values below classes; throws FormatError.
void checkLabels(const Tensor &t, int classes, const std::string &source);

} // namespace core
