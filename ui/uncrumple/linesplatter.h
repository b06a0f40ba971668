#pragma once
// Draws the lattice's lines on the CPU, onto the point splatter's image after the points: each line
// a pixel wide and anti-aliased (two pixels a step, Wu's way), fogged with depth as the points are,
// and hidden where a point is nearer (tested against the image's depth, which lines leave as it
// is, so GL still draws the guides against the points alone). llvmpipe, Mesa's software renderer,
// shades a pixel-wide line in blocks of 4x4 pixels of which it covers two or three: the 16³
// lattice's 8,000 segments cost it about 6 ms a frame, and far less here.
//
// The lines are clipped as GL clips them: in clip space against the near and far planes and a
// guard band around the view, then to the image, so that a node behind the camera or far off
// draws what GL would, and one at infinity or NaN draws nothing.

#include "ui/uncrumple/pointsplatter.h"

#include <QRect>
#include <cstdint>
#include <limits>
#include <vector>

namespace ui {

class LineSplatter {
public:
    // Projects count nodes (xyz each) and clips the edges between them (pairs of node indices)
    // for this frame. Returns the device pixels the lines touch, within the view (empty when
    // none shows).
    QRect project(const float *xyz, int count, const std::vector<std::uint32_t> &edges,
                  const PointSplatter::Params &params);

    // Blends the lines last projected onto image, whose depth holds the points'. rgba: bytes
    // r, g, b, a (not premultiplied); opacity scales its alpha. Only the image's rows
    // [rowBegin, rowEnd) are drawn, so that bands may be drawn at once.
    void draw(PointSplatter::Image &image, std::uint32_t rgba, float opacity,
              const PointSplatter::Params &params, int rowBegin = 0,
              int rowEnd = std::numeric_limits<int>::max()) const;

    // A line's end in window space: pixels (y down), window depth 0-1, and 1/w and fog/w, which
    // (unlike the fog itself) vary linearly on screen.
    struct End {
        float x, y, depth, invW, fogW;
    };

private:
    struct Node {
        float x, y, z, w; // clip space
        float eyeDepth;
    };
    std::vector<Node> m_nodes;
    std::vector<End> m_segments; // two ends a line, clipped
};

} // namespace ui
