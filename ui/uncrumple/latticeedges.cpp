#include "ui/uncrumple/latticeedges.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace ui {

namespace {

struct Vec {
    float x, y, z;
};

Vec at(const float *xyz, std::uint32_t i)
{
    return {xyz[3 * i], xyz[3 * i + 1], xyz[3 * i + 2]};
}

// Squared distance from p to the segment a-b.
float distanceSquared(Vec p, Vec a, Vec b)
{
    const Vec ab{b.x - a.x, b.y - a.y, b.z - a.z}, ap{p.x - a.x, p.y - a.y, p.z - a.z};
    const float length = ab.x * ab.x + ab.y * ab.y + ab.z * ab.z;
    float t = length > 0 ? (ap.x * ab.x + ap.y * ab.y + ap.z * ab.z) / length : 0.0f;
    t = std::clamp(t, 0.0f, 1.0f);
    const Vec d{ap.x - t * ab.x, ap.y - t * ab.y, ap.z - t * ab.z};
    return d.x * d.x + d.y * d.y + d.z * d.z;
}

// Douglas–Peucker over line[first..last] (vertex indices), marking the samples kept.
void reduce(const std::vector<std::uint32_t> &line, const float *xyz, float tolerance2,
            std::vector<char> &keep, std::vector<std::pair<int, int>> &stack)
{
    stack.clear();
    stack.push_back({0, static_cast<int>(line.size()) - 1});
    while (!stack.empty()) {
        const auto [first, last] = stack.back();
        stack.pop_back();
        if (last - first < 2) continue;
        const Vec a = at(xyz, line[first]), b = at(xyz, line[last]);
        int farthest = -1;
        float most = tolerance2;
        for (int i = first + 1; i < last; ++i) {
            const float d = distanceSquared(at(xyz, line[i]), a, b);
            if (!(d <= most)) { // also NaN: a vertex we cannot place is kept
                most = std::isnan(d) ? most : d;
                farthest = i;
                if (std::isnan(d)) break;
            }
        }
        if (farthest < 0) continue;
        keep[farthest] = 1;
        stack.push_back({first, farthest});
        stack.push_back({farthest, last});
    }
}

} // namespace

void simplifyLatticeEdges(const std::vector<std::uint32_t> &edges, const float *xyz,
                          std::size_t vertices, float tolerance, std::vector<std::uint32_t> &out)
{
    out.clear();
    std::vector<std::uint32_t> line;
    std::vector<char> keep;
    std::vector<std::pair<int, int>> stack;
    const float tolerance2 = tolerance * tolerance;
    auto flush = [&] {
        keep.assign(line.size(), 0);
        keep.front() = keep.back() = 1;
        reduce(line, xyz, tolerance2, keep, stack);
        std::uint32_t previous = line.front();
        for (std::size_t i = 1; i < line.size(); ++i) {
            if (!keep[i]) continue;
            out.push_back(previous);
            out.push_back(line[i]);
            previous = line[i];
        }
        line.clear();
    };
    for (std::size_t e = 0; e + 1 < edges.size(); e += 2) {
        const std::uint32_t a = edges[e], b = edges[e + 1];
        if (a >= vertices || b >= vertices) continue; // not a vertex we were given
        if (!line.empty() && line.back() != a) flush();
        if (line.empty()) line.push_back(a);
        line.push_back(b);
    }
    if (!line.empty()) flush();
}

} // namespace ui
