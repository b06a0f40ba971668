// The Geometry page's number entry: any text a person (or a cat on the keyboard) types.

#include "core/errors.h"
#include "core/geometry/numberparser.h"
#include "tests/fuzz/fuzzinput.h"

#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    try {
        (void)core::geometry::parseNumber(
            std::string_view(reinterpret_cast<const char *>(data), size));
    } catch (const core::ParseError &) {
    } catch (const core::ValueError &) {
    }
    return 0;
}
