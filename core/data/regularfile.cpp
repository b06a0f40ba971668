#include "core/data/regularfile.h"

#include "core/errors.h"

#include <string>

namespace core {

namespace {

const char *kindOf(std::filesystem::file_type type)
{
    using std::filesystem::file_type;
    switch (type) {
    case file_type::directory:
        return "a folder";
    case file_type::fifo:
        return "a named pipe (FIFO)";
    case file_type::character:
        return "a character device";
    case file_type::block:
        return "a block device";
    case file_type::socket:
        return "a socket";
    default:
        return "something other than a regular file";
    }
}

} // namespace

void requireRegularFile(const std::filesystem::path &path, std::string_view expected)
{
    std::error_code ec;
    const auto type = std::filesystem::status(path, ec).type(); // follows symbolic links
    using std::filesystem::file_type;
    if (ec || type == file_type::regular || type == file_type::not_found) return;
    throw FormatError("cannot open " + path.string() + ": it is " + kindOf(type) + ", expected " +
                      std::string(expected));
}

} // namespace core
