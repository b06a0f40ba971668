#pragma once
// Sequential byte sources behind the IDX reader: a file, memory, or a gzip stream over either.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <optional>
#include <span>
#include <string>

namespace core::detail {

class ByteReader {
public:
    virtual ~ByteReader() = default;
    // Reads up to n bytes; returns fewer only at the end of the stream. Throws FormatError on a
    // corrupt stream.
    virtual std::size_t read(std::byte *dst, std::size_t n) = 0;
    // The bytes left to read when the source knows them without reading (a file, memory), so a
    // header that claims more can be refused before anything is allocated; nullopt for gzip.
    virtual std::optional<std::uint64_t> remaining() const = 0;
};

// Opens path, recognising gzip by its magic bytes; throws FormatError when it cannot be opened.
std::unique_ptr<ByteReader> openFile(const std::string &path);
// Reads from memory that must outlive the reader, recognising gzip by its magic bytes.
std::unique_ptr<ByteReader> openMemory(std::span<const std::byte> bytes, const std::string &source);

} // namespace core::detail
