#pragma once
// The Uncrumple page's data sets (figure 2.14 of the chapter): two-class point clouds in 3D and 2D,
// named as the command line names them (`uncrumple manifold --dataset sheets`).

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace core::manifold {

enum class DataKind : std::uint8_t { Sheets, Helices, Spheres, Spirals, Moons, Circles, Xor };

// Every kind, 3D ones first, in the order the page lists them.
std::span<const DataKind> allDataKinds();
// "sheets", "helices", "spheres", "spirals", "moons", "circles", "xor".
std::string_view dataKindName(DataKind kind);
std::optional<DataKind> dataKindFromName(std::string_view name);
// "two crumpled sheets", "two interleaved helices", ...: for titles and messages.
std::string_view dataKindTitle(DataKind kind);
// 3 for sheets, helices and spheres; 2 for the others.
int dataKindDims(DataKind kind);
// The noise the page and the verb start from (Gaussian standard deviation, in data units).
double defaultNoise(DataKind kind);

} // namespace core::manifold
