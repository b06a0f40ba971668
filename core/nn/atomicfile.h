#pragma once
// Atomic file writes: a reader (or a crash) sees the old file or the new one, never a mix. The
// bytes go to a unique temporary in the target's folder (mkstemp: same file system, so the rename
// is atomic; unique, so two saves never share it), are flushed to disk (fsync), then renamed over
// the target.

#include <cstddef>
#include <filesystem>
#include <span>

namespace core::nn {

// Throws FormatError "cannot write PATH: ..." with the system's reason. On failure the target is
// untouched and no temporary file is left behind.
void writeFileAtomically(const std::filesystem::path &path, std::span<const std::byte> bytes);

// Whether writeFileAtomically(path, ...) could create its temporary now: the folder exists, is a
// folder and accepts a new file, and path is not a folder. Throws the same FormatError it would;
// run it before long work whose result is to be saved.
void checkWritable(const std::filesystem::path &path);

} // namespace core::nn
