#pragma once
// Small stand-ins for the book's four MNIST arrays (uint8, the real shapes but 60 and 10 samples),
// for the fuzz targets that evaluate what a user types against them.

#include "core/tensor/expression.h"

#include <cstdint>
#include <optional>
#include <string_view>

namespace fuzz {

inline core::Tensor filledStandIn(core::DType dtype, core::Shape shape)
{
    core::Tensor t(dtype, std::move(shape));
    auto *p = reinterpret_cast<std::uint8_t *>(t.buffer()->data());
    for (std::size_t i = 0; i < t.buffer()->size(); ++i)
        p[i] = static_cast<std::uint8_t>(i * 7 % 10);
    return t;
}

inline const core::ArrayResolver &mnistStandIns()
{
    static const core::Tensor trainImages = filledStandIn(core::DType::UInt8, {60, 28, 28});
    static const core::Tensor trainLabels = filledStandIn(core::DType::UInt8, {60});
    static const core::Tensor testImages = filledStandIn(core::DType::UInt8, {10, 28, 28});
    static const core::Tensor testLabels = filledStandIn(core::DType::UInt8, {10});
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

} // namespace fuzz
