// The slice expression of the MNIST page and `uncrumple slice`: parsed, evaluated over small
// stand-ins for the book's four arrays, and the result used as the page uses it (its sum, a
// contiguous copy, its Python spelling). Written against the public entry points only
// (core::parseExpression, core::evaluate) so that a new engine can take its place here.

#include "core/errors.h"
#include "core/tensor/expression.h"
#include "tests/fuzz/fuzzinput.h"
#include "tests/fuzz/mniststandins.h"

#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    try {
        const core::Expression e = core::parseExpression(text);
        (void)core::formatExpression(e);
        const core::Evaluation v = core::evaluate(e, fuzz::mnistStandIns());
        (void)v.array.sum();
        (void)v.array.contiguous();
    } catch (const core::ParseError &) {
    } catch (const core::NameError &) {
    } catch (const core::IndexError &) {
    } catch (const core::ValueError &) {
    }
    return 0;
}
