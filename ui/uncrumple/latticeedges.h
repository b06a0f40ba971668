#pragma once
// The lattice's lines with the samples their shape does not need left out. Each line is sampled
// densely (32 samples) so that it bends smoothly where a layer warps it, but llvmpipe sets up
// every segment on the GUI thread: 23,808 segments for the 16³ lattice were most of a frame's GL
// time. A straight stretch needs only its ends, so each line is reduced (Douglas–Peucker) to the
// samples that keep it within a tolerance of the full polyline, whenever the positions change
// (not when the camera turns).

#include <cstdint>
#include <vector>

namespace ui {

// edges: index pairs for GL_LINES, where a run of edges joined end to start ((a, b), (b, c) ...)
// is one line. xyz: three floats a vertex. Writes the reduced pairs to out (reusing its memory).
// A vertex whose distance cannot be told (NaN, infinity) is kept.
void simplifyLatticeEdges(const std::vector<std::uint32_t> &edges, const float *xyz,
                          std::size_t vertices, float tolerance, std::vector<std::uint32_t> &out);

} // namespace ui
