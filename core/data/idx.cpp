#include "core/data/idx.h"

#include "core/data/bytereader.h"
#include "core/data/regularfile.h"
#include "core/errors.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdio>
#include <cstring>
#include <limits>
#include <system_error>
#include <vector>
#include <zlib.h>

namespace core {

namespace {

constexpr int kMaxRank = 8;
// Larger than any data set this app is for; stops a corrupt header from asking for terabytes.
constexpr std::uint64_t kMaxBytes = std::uint64_t{1} << 34;
// A gzip stream's data is read into a buffer that starts this large and doubles as bytes arrive.
constexpr std::uint64_t kFirstChunk = std::uint64_t{1} << 20;
// Trailing bytes after a stream's data are counted up to this many.
constexpr std::uint64_t kMaxTrailingCount = std::uint64_t{1} << 20;

std::string hexByte(unsigned v)
{
    char buf[8];
    std::snprintf(buf, sizeof buf, "0x%02X", v & 0xffu);
    return buf;
}

const char *typeName(unsigned code)
{
    switch (code) {
    case 0x08:
        return "uint8";
    case 0x09:
        return "int8";
    case 0x0B:
        return "int16";
    case 0x0C:
        return "int32";
    case 0x0D:
        return "float32";
    case 0x0E:
        return "float64";
    default:
        return nullptr;
    }
}

std::size_t readFully(detail::ByteReader &in, std::byte *dst, std::size_t n)
{
    std::size_t done = 0;
    while (done < n) {
        const std::size_t k = in.read(dst + done, n - done);
        if (k == 0) break;
        done += k;
    }
    return done;
}

Tensor parse(detail::ByteReader &in, const std::string &source)
{
    std::array<std::byte, 4> magic{};
    const std::size_t got = readFully(in, magic.data(), 4);
    if (got < 4)
        throw FormatError(source + ": truncated header: expected at least 4 bytes, found " +
                          std::to_string(got));
    const auto b = [&](int i) { return std::to_integer<unsigned>(magic[i]); };
    if (b(0) != 0 || b(1) != 0)
        throw FormatError(source +
                          ": bad magic number: expected 0x00 0x00 in the first two bytes, found " +
                          hexByte(b(0)) + " " + hexByte(b(1)) + " (not an IDX file)");
    const unsigned code = b(2);
    if (!typeName(code))
        throw FormatError(source + ": unknown dtype code " + hexByte(code) +
                          ": expected one of 0x08, 0x09, 0x0B, 0x0C, 0x0D, 0x0E");
    if (code != 0x08 && code != 0x0D)
        throw FormatError(source + ": dtype code " + hexByte(code) + " (" + typeName(code) +
                          ") is not supported: expected 0x08 (uint8) or 0x0D (float32)");
    const int rank = static_cast<int>(b(3));
    if (rank < 1 || rank > kMaxRank)
        throw FormatError(source + ": rank " + std::to_string(rank) + ": expected 1 to " +
                          std::to_string(kMaxRank) + " dimensions");

    std::array<std::byte, 4 * kMaxRank> dimBytes{};
    const std::size_t dimGot = readFully(in, dimBytes.data(), 4 * rank);
    if (dimGot < static_cast<std::size_t>(4 * rank))
        throw FormatError(source + ": truncated header: rank " + std::to_string(rank) + " needs " +
                          std::to_string(4 + 4 * rank) + " header bytes, found " +
                          std::to_string(4 + dimGot));
    Shape shape(rank);
    std::uint64_t count = 1;
    bool overflow = false;
    for (int i = 0; i < rank; ++i) {
        std::uint32_t d = 0;
        for (int k = 0; k < 4; ++k)
            d = (d << 8) | std::to_integer<std::uint32_t>(dimBytes[4 * i + k]);
        if (d == 0)
            throw FormatError(source + ": dimension " + std::to_string(i) +
                              " is 0: expected every dimension to be at least 1");
        shape[i] = d;
        if (count > kMaxBytes / d)
            overflow = true;
        else
            count *= d;
    }
    const DType dtype = code == 0x08 ? DType::UInt8 : DType::Float32;
    const std::uint64_t itemSize = dtypeSize(dtype);
    if (overflow || count > kMaxBytes / itemSize)
        throw FormatError(source + ": dimensions " + formatShape(shape) +
                          " are too large: expected at most " + std::to_string(kMaxBytes) +
                          " bytes of data");
    const std::uint64_t dataBytes = count * itemSize;
    const std::size_t headerBytes = 4 + 4 * static_cast<std::size_t>(rank);

    const auto truncated = [&](std::uint64_t found, const std::string &whole) {
        return FormatError(source + ": truncated data: shape " + formatShape(shape) + " needs " +
                           std::to_string(dataBytes) + " bytes after the " +
                           std::to_string(headerBytes) + "-byte header, found " +
                           std::to_string(found) + " (" + whole + ")");
    };

    // The array is allocated only once its bytes are known to be there: a file's size is checked
    // first, and a gzip stream (whose inflated size only inflating tells) is read in chunks that
    // grow with what actually arrives. A header that claims gigabytes costs nothing.
    Tensor t;
    if (const auto left = in.remaining()) {
        if (*left < dataBytes)
            throw truncated(*left, "the file is " + std::to_string(headerBytes + *left) + " bytes");
        t = Tensor(dtype, shape);
        const std::size_t dataGot = readFully(in, t.buffer()->data(), dataBytes);
        if (dataGot < dataBytes) throw truncated(dataGot, "the file ended while it was read");
    } else {
        std::vector<std::byte> data;
        std::uint64_t arrived = 0;
        while (arrived < dataBytes) {
            const std::uint64_t want = std::min<std::uint64_t>(
                dataBytes, std::max<std::uint64_t>(kFirstChunk, 2 * arrived));
            data.resize(want);
            const std::size_t k = readFully(in, data.data() + arrived, want - arrived);
            arrived += k;
            if (arrived < want) break;
        }
        if (arrived < dataBytes)
            throw truncated(arrived, "the stream inflates to " +
                                         std::to_string(headerBytes + arrived) + " bytes");
        t = Tensor(dtype, shape);
        std::memcpy(t.buffer()->data(), data.data(), dataBytes);
    }
    std::byte *dst = t.buffer()->data();

    std::uint64_t trailing = 0;
    if (const auto left = in.remaining()) {
        trailing = *left;
    } else {
        // Counted up to a bound: a stream may inflate to gigabytes of trailing junk.
        std::array<std::byte, 4096> extra{};
        for (std::size_t k;
             trailing < kMaxTrailingCount && (k = in.read(extra.data(), extra.size())) > 0;)
            trailing += k;
    }
    if (trailing > 0)
        throw FormatError(
            source + ": " + (trailing >= kMaxTrailingCount ? "at least " : "") +
            std::to_string(trailing) + " trailing bytes: expected the file to end after " +
            std::to_string(headerBytes + dataBytes) + " bytes for shape " + formatShape(shape));
    if (dtype == DType::Float32 && std::endian::native == std::endian::little) {
        auto *words = reinterpret_cast<std::uint32_t *>(dst);
        for (std::uint64_t i = 0; i < count; ++i)
            words[i] = __builtin_bswap32(words[i]);
    }
    return t;
}

} // namespace

Tensor readIdx(const std::filesystem::path &path)
{
    requireRegularFile(path, "an IDX file");
    auto in = detail::openFile(path.string());
    return parse(*in, path.string());
}

Tensor parseIdx(std::span<const std::byte> bytes, const std::string &source)
{
    auto in = detail::openMemory(bytes, source);
    return parse(*in, source);
}

void writeIdx(const std::filesystem::path &path, const Tensor &t, bool gzip)
{
    if (t.ndim() < 1 || t.ndim() > kMaxRank)
        throw ValueError("IDX holds 1 to 8 dimensions, got " + std::to_string(t.ndim()));
    std::vector<std::byte> bytes;
    bytes.reserve(4 + 4 * t.ndim() + t.nbytes());
    auto put = [&](unsigned v) { bytes.push_back(static_cast<std::byte>(v)); };
    put(0);
    put(0);
    put(t.dtype() == DType::UInt8 ? 0x08 : 0x0D);
    put(static_cast<unsigned>(t.ndim()));
    for (auto d : t.shape()) {
        if (d > std::numeric_limits<std::uint32_t>::max())
            throw ValueError("dimension " + std::to_string(d) + " does not fit IDX's 32 bits");
        for (int k = 3; k >= 0; --k)
            put(static_cast<unsigned>(d >> (8 * k)) & 0xffu);
    }
    const Tensor c = t.contiguous();
    if (c.dtype() == DType::UInt8) {
        const auto *p = reinterpret_cast<const std::byte *>(c.data<std::uint8_t>());
        bytes.insert(bytes.end(), p, p + c.size());
    } else {
        const float *p = c.data<float>();
        for (std::int64_t i = 0; i < c.size(); ++i) {
            const auto w = std::bit_cast<std::uint32_t>(p[i]);
            for (int k = 3; k >= 0; --k)
                put((w >> (8 * k)) & 0xffu);
        }
    }

    const std::filesystem::path tmp = path.string() + ".tmp";
    const std::string tmpName = tmp.string();
    bool ok = false;
    if (gzip) {
        gzFile gz = gzopen(tmpName.c_str(), "wb9");
        if (gz) {
            ok = gzwrite(gz, bytes.data(), static_cast<unsigned>(bytes.size())) ==
                 static_cast<int>(bytes.size());
            ok = gzclose(gz) == Z_OK && ok;
        }
    } else if (FILE *f = std::fopen(tmpName.c_str(), "wb")) {
        ok = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
        ok = std::fclose(f) == 0 && ok;
    }
    std::error_code ec;
    if (!ok) {
        std::filesystem::remove(tmp, ec);
        throw FormatError("cannot write " + path.string());
    }
    std::filesystem::rename(tmp, path, ec);
    if (ec) {
        std::filesystem::remove(tmp, ec);
        throw FormatError("cannot write " + path.string() + ": " + ec.message());
    }
}

void checkLabels(const Tensor &t, int classes, const std::string &source)
{
    if (t.ndim() != 1)
        throw FormatError(source + ": expected a label file of rank 1, found rank " +
                          std::to_string(t.ndim()) + " with shape " + formatShape(t.shape()));
    if (t.dtype() != DType::UInt8)
        throw FormatError(source + ": expected uint8 labels, found " +
                          std::string(dtypeName(t.dtype())));
    const std::uint8_t *p = t.data<std::uint8_t>();
    const std::int64_t stride = t.strides()[0];
    for (std::int64_t i = 0; i < t.size(); ++i)
        if (p[i * stride] >= classes)
            throw FormatError(source + ": label " + std::to_string(p[i * stride]) + " at index " +
                              std::to_string(i) + " is above " + std::to_string(classes - 1));
}

} // namespace core
