#include "core/nn/atomicfile.h"

#include "core/errors.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>

namespace core::nn {

namespace {

std::filesystem::path folderOf(const std::filesystem::path &path)
{
    const auto parent = path.parent_path();
    return parent.empty() ? std::filesystem::path(".") : parent;
}

[[noreturn]] void fail(const std::filesystem::path &path, const std::string &what, int error)
{
    throw FormatError("cannot write " + path.string() + ": " + what + " (" + std::strerror(error) +
                      ")");
}

// The process's umask, read without changing it (umask() would race with other threads).
mode_t currentUmask()
{
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);)
        if (line.rfind("Umask:", 0) == 0)
            return static_cast<mode_t>(std::strtol(line.c_str() + 6, nullptr, 8));
    return 022;
}

// A unique temporary next to path, deleted on destruction unless committed.
class Temporary {
public:
    explicit Temporary(const std::filesystem::path &path)
        : m_name((folderOf(path) / (path.filename().string() + ".tmp-XXXXXX")).string())
    {
        m_fd = ::mkstemp(m_name.data());
        if (m_fd < 0) {
            const int error = errno;
            fail(path, "cannot create a file in " + folderOf(path).string(), error);
        }
    }
    ~Temporary()
    {
        if (m_fd >= 0) ::close(m_fd);
        if (!m_committed) ::unlink(m_name.c_str());
    }
    Temporary(const Temporary &) = delete;
    Temporary &operator=(const Temporary &) = delete;

    int fd() const { return m_fd; }
    const std::string &name() const { return m_name; }
    // Closes the descriptor and returns close()'s errno (0 on success): some file systems report
    // write errors only there.
    int close()
    {
        const int r = ::close(m_fd);
        m_fd = -1;
        return r == 0 ? 0 : errno;
    }
    void commit() { m_committed = true; }

private:
    std::string m_name;
    int m_fd = -1;
    bool m_committed = false;
};

void refuseFolder(const std::filesystem::path &path)
{
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        throw FormatError("cannot write " + path.string() + ": it is a folder");
}

} // namespace

void writeFileAtomically(const std::filesystem::path &path, std::span<const std::byte> bytes)
{
    refuseFolder(path);
    Temporary tmp(path);
    // mkstemp makes the file private (0600); give it the mode a new file would get.
    struct stat existing {};
    const mode_t mode = ::stat(path.c_str(), &existing) == 0 ? (existing.st_mode & 07777)
                                                             : (0666 & ~currentUmask());
    ::fchmod(tmp.fd(), mode); // best effort: the content matters more than the mode
    const auto *p = reinterpret_cast<const char *>(bytes.data());
    std::size_t left = bytes.size();
    while (left > 0) {
        const ssize_t n = ::write(tmp.fd(), p, left);
        if (n < 0) {
            const int error = errno;
            if (error == EINTR) continue;
            fail(path, "writing " + tmp.name() + " failed", error);
        }
        p += n;
        left -= static_cast<std::size_t>(n);
    }
    if (::fsync(tmp.fd()) != 0) {
        const int error = errno;
        fail(path, "flushing " + tmp.name() + " to disk failed", error);
    }
    if (const int error = tmp.close()) fail(path, "closing " + tmp.name() + " failed", error);
    if (::rename(tmp.name().c_str(), path.c_str()) != 0) {
        const int error = errno;
        fail(path, "renaming " + tmp.name() + " over it failed", error);
    }
    tmp.commit();
    // Make the rename itself durable; the file is already complete, so a failure here is moot.
    const int dir = ::open(folderOf(path).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
}

void checkWritable(const std::filesystem::path &path)
{
    refuseFolder(path);
    Temporary probe(path); // throws as writeFileAtomically would; deleted on return
}

} // namespace core::nn
