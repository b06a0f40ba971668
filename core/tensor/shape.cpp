#include "core/tensor/shape.h"

namespace core {

std::int64_t shapeSize(const Shape &shape)
{
    std::int64_t n = 1;
    for (auto d : shape)
        n *= d;
    return n;
}

Strides contiguousStrides(const Shape &shape)
{
    Strides strides(shape.size());
    std::int64_t s = 1;
    for (std::size_t i = shape.size(); i-- > 0;) {
        strides[i] = s;
        s *= shape[i];
    }
    return strides;
}

std::string formatShape(const Shape &shape)
{
    std::string out = "(";
    for (std::size_t i = 0; i < shape.size(); ++i) {
        if (i > 0) out += ", ";
        out += std::to_string(shape[i]);
    }
    if (shape.size() == 1) out += ",";
    out += ")";
    return out;
}

} // namespace core
