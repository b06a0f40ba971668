#pragma once
// Draws the lattice's lines on the CPU, onto the point splatter's image after the points: each line
// a pixel wide and anti-aliased (two pixels a step, Wu's way), fogged with depth as the points are,
// and hidden where a point is nearer (tested against the image's depth, which lines leave as it
// is, so GL still draws the guides against the points alone). llvmpipe, Mesa's software renderer,
// shades a pixel-wide line in blocks of 4x4 pixels of which it covers two or three: the 16³
// lattice's 8,000 segments cost it about 6 ms a frame, and far less here.
//
// The lines are clipped as GL clips them: against the near and far planes in clip space, then
// to the image, so a node behind the camera or at infinity draws nothing it should not.

#include "ui/uncrumple/pointsplatter.h"

#include <QRect>
#include <cstdint>
#include <limits>
#include <vector>

namespace ui {

class LineSplatter {
public:
    // Projects count nodes (xyz each) for this frame. Returns the device pixels their lines can
    // touch, within the view (empty when there is nothing to draw).
    QRect project(const float *xyz, int count, const PointSplatter::Params &params);

    // Blends edges (pairs of node indices into the nodes last projected) onto image, whose depth
    // holds the points'. rgba: bytes r, g, b, a (not premultiplied); opacity scales its alpha.
    // Only the image's rows [rowBegin, rowEnd) are drawn, so that bands may be drawn at once.
    void draw(PointSplatter::Image &image, const std::vector<std::uint32_t> &edges,
              std::uint32_t rgba, float opacity, const PointSplatter::Params &params,
              int rowBegin = 0, int rowEnd = std::numeric_limits<int>::max()) const;

private:
    struct Node {
        float x, y, z, w; // clip space
        float eyeDepth;
    };
    std::vector<Node> m_nodes;
};

} // namespace ui
