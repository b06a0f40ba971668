#include "core/manifold/datakind.h"

#include <array>

namespace core::manifold {

namespace {

struct KindInfo {
    DataKind kind;
    std::string_view name;
    std::string_view title;
    int dims;
    double noise;
};

constexpr std::array<KindInfo, 7> kKinds = {{
    {DataKind::Sheets, "sheets", "two crumpled sheets", 3, 0.02},
    {DataKind::Helices, "helices", "two interleaved helices", 3, 0.05},
    {DataKind::Spheres, "spheres", "nested spheres", 3, 0.03},
    {DataKind::Spirals, "spirals", "two spirals", 2, 0.03},
    {DataKind::Moons, "moons", "two moons", 2, 0.08},
    {DataKind::Circles, "circles", "two circles", 2, 0.04},
    {DataKind::Xor, "xor", "XOR", 2, 0.05},
}};

constexpr std::array<DataKind, 7> kOrder = {DataKind::Sheets,  DataKind::Helices, DataKind::Spheres,
                                            DataKind::Spirals, DataKind::Moons,   DataKind::Circles,
                                            DataKind::Xor};

const KindInfo &info(DataKind kind)
{
    for (const KindInfo &k : kKinds)
        if (k.kind == kind) return k;
    return kKinds[0];
}

} // namespace

std::span<const DataKind> allDataKinds()
{
    return kOrder;
}

std::string_view dataKindName(DataKind kind)
{
    return info(kind).name;
}

std::optional<DataKind> dataKindFromName(std::string_view name)
{
    for (const KindInfo &k : kKinds)
        if (k.name == name) return k.kind;
    return std::nullopt;
}

std::string_view dataKindTitle(DataKind kind)
{
    return info(kind).title;
}

int dataKindDims(DataKind kind)
{
    return info(kind).dims;
}

double defaultNoise(DataKind kind)
{
    return info(kind).noise;
}

} // namespace core::manifold
