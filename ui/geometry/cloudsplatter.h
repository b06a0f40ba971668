#pragma once
// Draws the point cloud on the CPU into an image the size of the cloud's bounding box on screen,
// which the plane then shows as one textured quad. On Mesa's software renderer, 100,000 GL point
// sprites cost about a microsecond each (every point becomes two triangles, each shaded as a 4x4
// block); here a point is its transform through the stages and a 4x4 stamp of precomputed
// coverage, some tens of nanoseconds.
//
// Each point goes through the same stages as core::geometry::applyStages (in float) and is drawn
// as an anti-aliased disc, or as a larger, darker ring when a ReLU clamped it. Points are summed
// rather than blended in order: each pixel gets the coverage-weighted mean of the colours over it,
// with an opacity of min(1, total coverage), which needs four additions per pixel and no ordering.

#include "core/geometry/chain.h"

#include <array>
#include <cstdint>
#include <vector>

namespace ui {

class CloudSplatter {
public:
    // xy: x, y per point (world, before the chain); rgba: 4 bytes per point, not premultiplied.
    void setCloud(std::vector<float> xy, std::vector<std::uint8_t> rgba);
    int size() const { return static_cast<int>(m_xy.size() / 2); }

    struct Image {
        int x = 0, y = 0;                  // top-left in device pixels of the framebuffer
        int width = 0, height = 0;         // 0 when nothing is in view
        std::vector<std::uint32_t> pixels; // premultiplied RGBA bytes, row by row, top row first
    };

    // Renders the cloud through stages. worldToDevice: device pixel = world * xy + zw (y down);
    // viewport in device pixels; radius of a point in device pixels.
    const Image &render(const core::geometry::Stages &stages,
                        const std::array<float, 4> &worldToDevice, int viewportWidth,
                        int viewportHeight, float radius);
    const Image &image() const { return m_image; }

private:
    // The pixels a disc (or ring) covers, for each of kSub x kSub sub-pixel offsets of its centre.
    struct Tap {
        int dx, dy;     // from the pixel holding the centre
        float coverage; // 0-1
    };
    struct Stamp {
        float radius = -1;                  // what it was made for
        int reach = 0;                      // the farthest tap, in pixels
        std::vector<std::vector<Tap>> taps; // kSub² lists
    };
    static constexpr int kSub = 4;
    static void makeStamp(Stamp &stamp, float radius, bool ring);
    void accumulate(const Stamp &stamp, float px, float py, const float *colour);

    std::vector<float> m_xy;
    std::vector<float> m_rgba;   // 0-1, not premultiplied
    std::vector<float> m_sum;    // per pixel of the image: coverage-weighted r, g, b, and coverage
    std::vector<float> m_screen; // device x of every point after the chain, then every y
    std::vector<std::uint8_t> m_clamped;
    Stamp m_disc, m_ring;
    Image m_image;
};

} // namespace ui
