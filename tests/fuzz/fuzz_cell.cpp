// The cell engine behind `uncrumple eval` (and the Tensors and Operations pages): a notebook cell
// run in a fresh session over small stand-ins for the MNIST arrays. Session::run promises never
// to throw, so any exception that escapes is a finding, as is a crash or a hang.
//
// Each cell may allocate 256 KiB of arrays and is at most 1,024 bytes long: the largest product
// it can ask for then takes milliseconds, so a slow input is the engine's fault, not a legitimate
// (1000, 1000) @ (1000, 1000). The engine's own limit (1 GiB) has its own tests.

#include "core/cell/session.h"
#include "tests/fuzz/fuzzinput.h"
#include "tests/fuzz/mniststandins.h"

#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size > 1024) return 0;
    core::cell::Session session(fuzz::mnistStandIns());
    session.setMemoryLimit(256 * 1024);
    const core::cell::CellResult r =
        session.run(std::string_view(reinterpret_cast<const char *>(data), size));
    (void)r.error.has_value();
    return 0;
}
