#include "core/nn/serialization.h"

#include "core/data/regularfile.h"
#include "core/errors.h"
#include "core/nn/atomicfile.h"

#include <zlib.h>

#include <bit>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <limits>

namespace core::nn {

namespace {

constexpr char kMagic[8] = {'U', 'C', 'R', 'M', 'O', 'D', 'E', 'L'};
constexpr std::size_t kFixedHeader = 20; // magic, version, inputs, layer count
constexpr std::size_t kLayerRecord = 8;
constexpr std::uint32_t kMaxLayers = 1024;
constexpr std::uint32_t kMaxWidth = 1u << 24;
constexpr std::size_t kMaxName = 64;

std::uint32_t crc32Of(const std::byte *data, std::size_t size)
{
    uLong crc = crc32(0L, Z_NULL, 0);
    while (size > 0) {
        const auto chunk = static_cast<uInt>(std::min<std::size_t>(size, 1u << 30));
        crc = crc32(crc, reinterpret_cast<const Bytef *>(data), chunk);
        data += chunk;
        size -= chunk;
    }
    return static_cast<std::uint32_t>(crc);
}

class Writer {
public:
    void bytes(const void *p, std::size_t n)
    {
        const auto *b = static_cast<const std::byte *>(p);
        m_out.insert(m_out.end(), b, b + n);
    }
    void u8(std::uint8_t v) { m_out.push_back(std::byte{v}); }
    void u32(std::uint32_t v)
    {
        for (int k = 0; k < 4; ++k)
            u8(static_cast<std::uint8_t>(v >> (8 * k)));
    }
    void u64(std::uint64_t v)
    {
        for (int k = 0; k < 8; ++k)
            u8(static_cast<std::uint8_t>(v >> (8 * k)));
    }
    std::vector<std::byte> &out() { return m_out; }

private:
    std::vector<std::byte> m_out;
};

class Reader {
public:
    Reader(std::span<const std::byte> bytes) : m_bytes(bytes) {}
    std::uint8_t u8() { return static_cast<std::uint8_t>(m_bytes[m_pos++]); }
    std::uint32_t u32()
    {
        std::uint32_t v = 0;
        for (int k = 0; k < 4; ++k)
            v |= static_cast<std::uint32_t>(u8()) << (8 * k);
        return v;
    }
    std::uint64_t u64()
    {
        std::uint64_t v = 0;
        for (int k = 0; k < 8; ++k)
            v |= static_cast<std::uint64_t>(u8()) << (8 * k);
        return v;
    }
    std::size_t pos() const { return m_pos; }
    void seek(std::size_t p) { m_pos = p; }

private:
    std::span<const std::byte> m_bytes;
    std::size_t m_pos = 0;
};

std::string printable(std::span<const std::byte> bytes)
{
    std::string s;
    for (std::byte b : bytes) {
        const auto c = static_cast<unsigned char>(b);
        if (c >= 0x20 && c < 0x7f) {
            s += static_cast<char>(c);
        } else {
            char hex[8];
            std::snprintf(hex, sizeof hex, "\\x%02x", c);
            s += hex;
        }
    }
    return s;
}

std::string hex32(std::uint32_t v)
{
    char buf[16];
    std::snprintf(buf, sizeof buf, "0x%08x", v);
    return buf;
}

} // namespace

std::vector<std::byte> encodeModel(const Sequential &model, std::string_view optimizer)
{
    if (optimizer.size() > kMaxName)
        throw ValueError("optimizer name too long: " + std::string(optimizer));
    Writer w;
    w.bytes(kMagic, sizeof kMagic);
    w.u32(kModelFormatVersion);
    w.u32(static_cast<std::uint32_t>(model.inputs()));
    w.u32(static_cast<std::uint32_t>(model.layerCount()));
    for (int i = 0; i < model.layerCount(); ++i) {
        w.u32(static_cast<std::uint32_t>(model.layer(i).units));
        w.u8(static_cast<std::uint8_t>(model.layer(i).activation));
        w.u8(0);
        w.u8(0);
        w.u8(0);
    }
    w.u8(static_cast<std::uint8_t>(optimizer.size()));
    w.bytes(optimizer.data(), optimizer.size());
    w.u64(model.parameterCount());
    for (float v : model.parameters())
        w.u32(std::bit_cast<std::uint32_t>(v));
    w.u32(crc32Of(w.out().data(), w.out().size()));
    return std::move(w.out());
}

ModelFile decodeModel(std::span<const std::byte> bytes, const std::string &source)
{
    const std::size_t size = bytes.size();
    if (size < sizeof kMagic || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0)
        throw FormatError(source + ": not an Uncrumple model file (expected the magic bytes " +
                          "\"UCRMODEL\", found \"" +
                          printable(bytes.first(std::min<std::size_t>(size, sizeof kMagic))) +
                          "\")");
    auto truncated = [&](std::size_t expected) {
        return FormatError(source + ": truncated model file: expected at least " +
                           std::to_string(expected) + " bytes, found " + std::to_string(size));
    };
    if (size < kFixedHeader) throw truncated(kFixedHeader);
    Reader r(bytes);
    r.seek(sizeof kMagic);
    const std::uint32_t version = r.u32();
    if (version != kModelFormatVersion)
        throw FormatError(source + ": model format version " + std::to_string(version) +
                          " is not supported (this build reads version " +
                          std::to_string(kModelFormatVersion) + ")");
    const std::uint32_t inputs = r.u32();
    const std::uint32_t layerCount = r.u32();
    if (inputs < 1 || inputs > kMaxWidth)
        throw FormatError(source + ": bad input width " + std::to_string(inputs) +
                          " (expected 1 to " + std::to_string(kMaxWidth) + ")");
    if (layerCount < 1 || layerCount > kMaxLayers)
        throw FormatError(source + ": bad layer count " + std::to_string(layerCount) +
                          " (expected 1 to " + std::to_string(kMaxLayers) + ")");
    const std::size_t layersEnd = kFixedHeader + kLayerRecord * layerCount;
    if (size < layersEnd + 1) throw truncated(layersEnd + 1);
    std::vector<DenseSpec> specs;
    std::uint64_t parameters = 0;
    std::uint64_t width = inputs;
    for (std::uint32_t i = 0; i < layerCount; ++i) {
        const std::uint32_t units = r.u32();
        const std::uint8_t code = r.u8();
        r.seek(r.pos() + 3);
        if (units < 1 || units > kMaxWidth)
            throw FormatError(source + ": layer " + std::to_string(i + 1) + " has " +
                              std::to_string(units) + " units (expected 1 to " +
                              std::to_string(kMaxWidth) + ")");
        if (code > static_cast<std::uint8_t>(Activation::Softmax))
            throw FormatError(source + ": layer " + std::to_string(i + 1) +
                              " has an unknown activation code " + std::to_string(code));
        specs.push_back({static_cast<int>(units), static_cast<Activation>(code)});
        parameters += width * units + units;
        width = units;
    }
    const std::size_t nameLength = r.u8();
    if (nameLength > kMaxName)
        throw FormatError(source + ": optimizer name of " + std::to_string(nameLength) +
                          " bytes (at most " + std::to_string(kMaxName) + " expected)");
    const std::size_t countAt = layersEnd + 1 + nameLength;
    if (parameters > (std::numeric_limits<std::size_t>::max() - countAt - 12) / 4)
        throw FormatError(source + ": the layer shapes are too large");
    const std::size_t expected = countAt + 8 + 4 * parameters + 4;
    if (size < expected) throw truncated(expected);
    if (size > expected)
        throw FormatError(source + ": " + std::to_string(size - expected) +
                          " unexpected bytes after the end of the model (expected " +
                          std::to_string(expected) + " bytes, found " + std::to_string(size) + ")");
    Reader tail(bytes);
    tail.seek(size - 4);
    const std::uint32_t stored = tail.u32();
    const std::uint32_t computed = crc32Of(bytes.data(), size - 4);
    if (stored != computed)
        throw FormatError(source + ": checksum mismatch (stored " + hex32(stored) + ", computed " +
                          hex32(computed) + "): the model file is corrupt");
    std::string optimizer;
    for (std::size_t k = 0; k < nameLength; ++k)
        optimizer += static_cast<char>(r.u8());
    const std::uint64_t count = r.u64();
    if (count != parameters)
        throw FormatError(source + ": the header says " + std::to_string(count) +
                          " parameters but the layer shapes need " + std::to_string(parameters));
    ModelFile file{Sequential(static_cast<int>(inputs), std::move(specs)), std::move(optimizer)};
    for (float &v : file.model.mutableParameters())
        v = std::bit_cast<float>(r.u32());
    return file;
}

void saveModel(const std::filesystem::path &path, const Sequential &model,
               std::string_view optimizer)
{
    writeFileAtomically(path, encodeModel(model, optimizer));
}

ModelFile loadModel(const std::filesystem::path &path)
{
    requireRegularFile(path, "a model file");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw FormatError("cannot open " + path.string() + ": " + std::strerror(errno));
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) throw FormatError("cannot read " + path.string() + ": " + ec.message());
    if (size > (std::uint64_t{1} << 32))
        throw FormatError(path.string() + ": " + std::to_string(size) +
                          " bytes is too large for a model file");
    std::vector<std::byte> bytes(static_cast<std::size_t>(size));
    in.read(reinterpret_cast<char *>(bytes.data()), static_cast<std::streamsize>(size));
    if (static_cast<std::uint64_t>(in.gcount()) != size)
        throw FormatError("cannot read " + path.string());
    return decodeModel(bytes, path.string());
}

} // namespace core::nn
