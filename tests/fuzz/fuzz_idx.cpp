// The IDX reader (raw and gzip). The first byte picks how the rest arrives: as it is (raw bytes,
// or gzip when they start with its magic), or deflated into a gzip stream first, so the fuzzer
// explores the IDX header behind a valid gzip layer too.

#include "core/data/idx.h"
#include "core/errors.h"
#include "tests/fuzz/fuzzinput.h"

#include <span>
#include <vector>
#include <zlib.h>

namespace {

std::vector<std::byte> gzip(std::span<const std::byte> raw)
{
    z_stream z{};
    deflateInit2(&z, 1, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
    std::vector<std::byte> out(deflateBound(&z, static_cast<uLong>(raw.size())));
    z.next_in = reinterpret_cast<Bytef *>(const_cast<std::byte *>(raw.data()));
    z.avail_in = static_cast<uInt>(raw.size());
    z.next_out = reinterpret_cast<Bytef *>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    deflate(&z, Z_FINISH);
    out.resize(z.total_out);
    deflateEnd(&z);
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0) return 0;
    const auto bytes = std::as_bytes(std::span(data + 1, size - 1));
    try {
        const core::Tensor t =
            (data[0] & 1) ? core::parseIdx(gzip(bytes), "fuzz.gz") : core::parseIdx(bytes, "fuzz");
        (void)t.sum();
        if (t.ndim() == 1) core::checkLabels(t, 10, "fuzz");
    } catch (const core::FormatError &) {
    }
    return 0;
}
