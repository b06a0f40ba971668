// The slice expression of the MNIST page and `uncrumple slice`: parsed, evaluated over small
// stand-ins for the book's four arrays, and the result used as the page uses it (its sum, a
// contiguous copy, its Python spelling). Written against the public entry points only
// (core::parseExpression, core::evaluate) so that a new engine can take its place here.

#include "core/errors.h"
#include "core/tensor/expression.h"
#include "tests/fuzz/fuzzinput.h"

#include <string_view>

namespace {

core::Tensor filled(core::DType dtype, core::Shape shape)
{
    core::Tensor t(dtype, std::move(shape));
    auto *p = reinterpret_cast<std::uint8_t *>(t.buffer()->data());
    for (std::size_t i = 0; i < t.buffer()->size(); ++i)
        p[i] = static_cast<std::uint8_t>(i * 7 % 10);
    return t;
}

const core::ArrayResolver &arrays()
{
    static const core::Tensor trainImages = filled(core::DType::UInt8, {60, 28, 28});
    static const core::Tensor trainLabels = filled(core::DType::UInt8, {60});
    static const core::Tensor testImages = filled(core::DType::UInt8, {10, 28, 28});
    static const core::Tensor testLabels = filled(core::DType::UInt8, {10});
    static const core::ArrayResolver resolve =
        [](std::string_view name) -> std::optional<core::Tensor> {
        if (name == "train_images") return trainImages;
        if (name == "train_labels") return trainLabels;
        if (name == "test_images") return testImages;
        if (name == "test_labels") return testLabels;
        return std::nullopt;
    };
    return resolve;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    try {
        const core::Expression e = core::parseExpression(text);
        (void)core::formatExpression(e);
        const core::Evaluation v = core::evaluate(e, arrays());
        (void)v.array.sum();
        (void)v.array.contiguous();
    } catch (const core::ParseError &) {
    } catch (const core::NameError &) {
    } catch (const core::IndexError &) {
    } catch (const core::ValueError &) {
    }
    return 0;
}
