#pragma once
// `uncrumple manifold --export DIR`: the data and every layer's output as CSV, for NumPy
// (np.loadtxt(path, delimiter=",", skiprows=1)).
//   data.csv       x,y[,z],label        one row a point
//   layer_i.csv    h1,h2,...,h_units    layer i's output (i = 1 ... layers), same row order
// Floats are written as the shortest decimal that reads back to the same float32.

#include "core/manifold/labeledpoints.h"

#include <string>

namespace core::manifold {

class LayerStack;

// Creates dir if needed; writes each file atomically. Returns the paths written. Throws
// std::runtime_error naming the file that could not be written.
std::vector<std::string> exportCsv(const std::string &dir, const LabeledPoints &data,
                                   const LayerStack &stack);

} // namespace core::manifold
