// The MNIST-folder loader (File > Open data folder..., --data-dir): the input is cut into the four
// IDX files, each written raw or as .gz (the first byte's low bits choose), into a private folder
// that loadMnist then reads as a person's folder would be read.
// Layout: 1 byte of flags, then three times (u16 little-endian length, that many bytes); the
// fourth file is the rest.

#include "core/data/mnist.h"
#include "core/errors.h"
#include "tests/fuzz/fuzzinput.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

namespace {

// A folder of its own, removed at exit.
class Folder {
public:
    Folder()
    {
        std::string name =
            (std::filesystem::temp_directory_path() / "uncrumple-fuzz-XXXXXX").string();
        if (!mkdtemp(name.data())) std::abort();
        m_path = name;
    }
    ~Folder()
    {
        std::error_code ec;
        std::filesystem::remove_all(m_path, ec);
    }
    Folder(const Folder &) = delete;
    Folder &operator=(const Folder &) = delete;
    const std::filesystem::path &path() const { return m_path; }

private:
    std::filesystem::path m_path;
};

const std::filesystem::path &folder()
{
    static const Folder dir;
    return dir.path();
}

void put(const std::filesystem::path &path, const std::uint8_t *data, std::size_t size)
{
    FILE *f = std::fopen(path.c_str(), "wb");
    if (!f) std::abort();
    if (size) std::fwrite(data, 1, size, f);
    std::fclose(f);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0) return 0;
    const unsigned flags = data[0];
    std::size_t pos = 1;
    std::error_code ec;
    for (const auto &entry : std::filesystem::directory_iterator(folder(), ec))
        std::filesystem::remove(entry.path(), ec);
    for (int i = 0; i < 4; ++i) {
        std::size_t length = size - pos;
        if (i < 3) {
            if (size - pos < 2) break;
            length = std::min<std::size_t>(data[pos] | (data[pos + 1] << 8), size - pos - 2);
            pos += 2;
        }
        std::string name(core::kMnistFileNames[i]);
        if (flags & (1u << i)) name += ".gz"; // the reader goes by magic bytes, not the name
        put(folder() / name, data + pos, length);
        pos += length;
    }
    try {
        if (core::hasMnistFiles(folder())) (void)core::loadMnist(folder());
        if (core::hasMnistTestFiles(folder())) (void)core::loadMnistTest(folder());
    } catch (const core::FormatError &) {
    }
    return 0;
}
