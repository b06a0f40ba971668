#include "core/tensor/expression.h"

#include "core/errors.h"

namespace core {

std::string formatExpression(const Expression &expression)
{
    std::string out = expression.name;
    for (const auto &items : expression.subscripts)
        out += "[" + formatIndexItems(items) + "]";
    switch (expression.attribute) {
    case Attribute::ShapeOf:
        return out + ".shape";
    case Attribute::NdimOf:
        return out + ".ndim";
    case Attribute::DtypeOf:
        return out + ".dtype";
    case Attribute::SizeOf:
        return out + ".size";
    case Attribute::LenOf:
        return "len(" + out + ")";
    case Attribute::None:
        break;
    }
    return out;
}

Evaluation evaluate(const Expression &expression, const ArrayResolver &resolve)
{
    std::optional<Tensor> found = resolve(expression.name);
    if (!found) throw NameError("name '" + expression.name + "' is not defined");
    Tensor array = *found;
    for (const auto &items : expression.subscripts)
        array = index(array, items);
    Evaluation result{array, expression.attribute, {}};
    switch (expression.attribute) {
    case Attribute::ShapeOf:
        result.valueText = formatShape(array.shape());
        break;
    case Attribute::NdimOf:
        result.valueText = std::to_string(array.ndim());
        break;
    case Attribute::DtypeOf:
        result.valueText = "dtype('" + std::string(dtypeName(array.dtype())) + "')";
        break;
    case Attribute::SizeOf:
        result.valueText = std::to_string(array.size());
        break;
    case Attribute::LenOf:
        if (array.ndim() == 0) throw ValueError("len() of unsized object");
        result.valueText = std::to_string(array.shape()[0]);
        break;
    case Attribute::None:
        break;
    }
    return result;
}

} // namespace core
