#pragma once
// Model files (.ucm): the architecture and weights of a Sequential, and the optimizer's name.
//
// Layout, little-endian:
//   0       8 bytes   magic "UCRMODEL"
//   8       u32       format version (1)
//   12      u32       inputs
//   16      u32       layer count L
//   20      L x 8     per layer: u32 units, u8 activation (0 linear, 1 relu, 2 sigmoid, 3 tanh,
//                     4 softmax), 3 zero bytes
//   ..      u8 + n    optimizer name: length n (at most 64), then n bytes
//   ..      u64       parameter count (must match the shapes)
//   ..      4 each    the parameters, float32, layer by layer, kernel (row-major) then bias
//   end-4   u32       CRC-32 (zlib's) of every byte before it
// Saving writes the file atomically (atomicfile.h), so a crash never leaves a half-written model.
// Loading checks the magic, the version, the exact size implied by the header, then the checksum,
// and throws FormatError naming the file and what was expected.

#include "core/nn/model.h"

#include <cstddef>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace core::nn {

inline constexpr std::uint32_t kModelFormatVersion = 1;

struct ModelFile {
    Sequential model;
    std::string optimizer; // e.g. "rmsprop"
};

std::vector<std::byte> encodeModel(const Sequential &model, std::string_view optimizer);
// source names the bytes in error messages (usually the file name).
ModelFile decodeModel(std::span<const std::byte> bytes, const std::string &source);

// Atomic (writeFileAtomically). Throws FormatError when the file cannot be written, leaving any
// existing file as it was.
void saveModel(const std::filesystem::path &path, const Sequential &model,
               std::string_view optimizer);
ModelFile loadModel(const std::filesystem::path &path);

} // namespace core::nn
