#include "core/data/bytereader.h"

#include "core/errors.h"

#include <cerrno>
#include <cstring>
#include <sys/stat.h>
#include <vector>
#include <zlib.h>

namespace core::detail {

namespace {

using FilePtr = std::unique_ptr<FILE, decltype(&std::fclose)>;

class FileReader : public ByteReader {
public:
    explicit FileReader(FilePtr file) : m_file(std::move(file))
    {
        struct stat st {};
        if (fstat(fileno(m_file.get()), &st) == 0 && S_ISREG(st.st_mode))
            m_size = static_cast<std::uint64_t>(st.st_size);
    }
    std::size_t read(std::byte *dst, std::size_t n) override
    {
        const std::size_t k = std::fread(dst, 1, n, m_file.get());
        m_pos += k;
        return k;
    }
    std::optional<std::uint64_t> remaining() const override
    {
        if (!m_size) return std::nullopt; // a pipe or device: no size to trust
        return *m_size > m_pos ? *m_size - m_pos : 0;
    }

private:
    FilePtr m_file;
    std::optional<std::uint64_t> m_size;
    std::uint64_t m_pos = 0;
};

class MemoryReader : public ByteReader {
public:
    explicit MemoryReader(std::span<const std::byte> bytes) : m_bytes(bytes) {}
    std::size_t read(std::byte *dst, std::size_t n) override
    {
        const std::size_t k = std::min(n, m_bytes.size() - m_pos);
        std::memcpy(dst, m_bytes.data() + m_pos, k);
        m_pos += k;
        return k;
    }
    std::optional<std::uint64_t> remaining() const override { return m_bytes.size() - m_pos; }

private:
    std::span<const std::byte> m_bytes;
    std::size_t m_pos = 0;
};

// Inflates a gzip stream (concatenated members too) read from another ByteReader.
class GzipReader : public ByteReader {
public:
    GzipReader(std::unique_ptr<ByteReader> inner, std::string source)
        : m_inner(std::move(inner)), m_source(std::move(source)), m_in(1 << 16)
    {
        if (inflateInit2(&m_z, 16 + MAX_WBITS) != Z_OK)
            throw FormatError(m_source + ": cannot start the gzip decoder");
    }
    ~GzipReader() override { inflateEnd(&m_z); }

    std::size_t read(std::byte *dst, std::size_t n) override
    {
        std::size_t done = 0;
        while (done < n && !m_finished) {
            if (m_z.avail_in == 0) {
                m_z.avail_in = static_cast<uInt>(m_inner->read(m_in.data(), m_in.size()));
                m_z.next_in = reinterpret_cast<Bytef *>(m_in.data());
                if (m_z.avail_in == 0) {
                    if (m_inMember)
                        throw FormatError(m_source + ": gzip stream ends early (truncated file)");
                    m_finished = true;
                    break;
                }
            }
            const std::size_t chunk = std::min<std::size_t>(n - done, 1u << 30);
            m_z.next_out = reinterpret_cast<Bytef *>(dst + done);
            m_z.avail_out = static_cast<uInt>(chunk);
            m_inMember = true;
            const int rc = inflate(&m_z, Z_NO_FLUSH);
            done += chunk - m_z.avail_out;
            if (rc == Z_STREAM_END) {
                m_inMember = false;
                inflateReset(&m_z);
            } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
                throw FormatError(m_source + ": not a valid gzip stream (zlib: " +
                                  (m_z.msg ? m_z.msg : "error " + std::to_string(rc)) + ")");
            }
        }
        return done;
    }
    // What a stream inflates to is only known by inflating it.
    std::optional<std::uint64_t> remaining() const override { return std::nullopt; }

private:
    std::unique_ptr<ByteReader> m_inner;
    std::string m_source;
    std::vector<std::byte> m_in;
    z_stream m_z{};
    bool m_inMember = false;
    bool m_finished = false;
};

// A reader that first replays bytes already consumed to sniff the format.
class PrefixedReader : public ByteReader {
public:
    PrefixedReader(std::vector<std::byte> prefix, std::unique_ptr<ByteReader> rest)
        : m_prefix(std::move(prefix)), m_rest(std::move(rest))
    {}
    std::size_t read(std::byte *dst, std::size_t n) override
    {
        std::size_t k = std::min(n, m_prefix.size() - m_pos);
        std::memcpy(dst, m_prefix.data() + m_pos, k);
        m_pos += k;
        if (k < n) k += m_rest->read(dst + k, n - k);
        return k;
    }
    std::optional<std::uint64_t> remaining() const override
    {
        const auto rest = m_rest->remaining();
        if (!rest) return std::nullopt;
        return *rest + (m_prefix.size() - m_pos);
    }

private:
    std::vector<std::byte> m_prefix;
    std::size_t m_pos = 0;
    std::unique_ptr<ByteReader> m_rest;
};

std::unique_ptr<ByteReader> sniff(std::unique_ptr<ByteReader> raw, const std::string &source)
{
    std::vector<std::byte> head(2);
    head.resize(raw->read(head.data(), 2));
    const bool gzip = head.size() == 2 && head[0] == std::byte{0x1f} && head[1] == std::byte{0x8b};
    auto replay = std::make_unique<PrefixedReader>(std::move(head), std::move(raw));
    if (gzip) return std::make_unique<GzipReader>(std::move(replay), source);
    return replay;
}

} // namespace

std::unique_ptr<ByteReader> openFile(const std::string &path)
{
    FilePtr file(std::fopen(path.c_str(), "rb"), &std::fclose);
    if (!file) throw FormatError("cannot open " + path + ": " + std::strerror(errno));
    return sniff(std::make_unique<FileReader>(std::move(file)), path);
}

std::unique_ptr<ByteReader> openMemory(std::span<const std::byte> bytes, const std::string &source)
{
    return sniff(std::make_unique<MemoryReader>(bytes), source);
}

} // namespace core::detail
