#include "core/nn/layer.h"

#include "core/nn/random.h"

#include <cmath>

namespace core::nn {

void glorotUniform(std::span<float> kernel, int inputs, int units, Random &random)
{
    const float limit = std::sqrt(6.0f / static_cast<float>(inputs + units));
    for (float &w : kernel)
        w = random.uniform(-limit, limit);
}

} // namespace core::nn
