#pragma once
// Every file the app reads (IDX files, saved models) must be a regular file: opening a named pipe
// blocks until something writes to it (`uncrumple info FIFO` hung), and a device such as /dev/null
// has no size ("Operation not supported"). Checked before opening, so such input gets a message.

#include <filesystem>
#include <string_view>

namespace core {

// Throws FormatError "cannot open PATH: it is a named pipe (FIFO), expected an IDX file" (or a
// folder, a character device, ...) when path exists and is not a regular file; expected names what
// the caller reads ("an IDX file", "a model file"). A missing path passes: opening it reports that.
void requireRegularFile(const std::filesystem::path &path, std::string_view expected);

} // namespace core
