// The model-file loader (.ucm, the format of `uncrumple train --save` and the Train page's Save).
// A file that loads must encode back to the very same bytes.

#include "core/errors.h"
#include "core/nn/serialization.h"
#include "tests/fuzz/fuzzinput.h"

#include <cstdlib>
#include <cstring>
#include <span>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const auto bytes = std::as_bytes(std::span(data, size));
    try {
        const core::nn::ModelFile file = core::nn::decodeModel(bytes, "fuzz.ucm");
        const auto again = core::nn::encodeModel(file.model, file.optimizer);
        if (again.size() != size || std::memcmp(again.data(), data, size) != 0) std::abort();
    } catch (const core::FormatError &) {
    }
    return 0;
}
