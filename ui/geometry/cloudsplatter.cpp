#include "ui/geometry/cloudsplatter.h"

#include "ui/common/glfloat.h"

#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace ui {

namespace {

// The ring of a clamped point: bigger than a point, at least 5 device pixels across, as the
// mark must stand out where folded points pile up on an axis.
float ringRadius(float radius)
{
    return std::max(radius * 1.8f, 2.5f);
}

} // namespace

void CloudSplatter::setCloud(std::vector<float> xy, std::vector<std::uint8_t> rgba)
{
    const std::size_t n = std::min(xy.size() / 2, rgba.size() / 4);
    xy.resize(2 * n);
    m_xy = std::move(xy);
    m_rgba.resize(4 * n);
    for (std::size_t i = 0; i < 4 * n; ++i)
        m_rgba[i] = rgba[i] / 255.0f;
    m_image = {};
}

void CloudSplatter::makeStamp(Stamp &stamp, float radius, bool ring)
{
    stamp.radius = radius;
    stamp.taps.assign(kSub * kSub, {});
    const int half = static_cast<int>(std::ceil(radius + 0.5f));
    stamp.reach = half + 1;
    const float width = std::max(0.44f * radius, 1.2f); // the ring's line width
    for (int sy = 0; sy < kSub; ++sy)
        for (int sx = 0; sx < kSub; ++sx) {
            // The centre at the middle of its sub-pixel bin, in the pixel (0, 0).
            const float cx = (sx + 0.5f) / kSub, cy = (sy + 0.5f) / kSub;
            auto &taps = stamp.taps[static_cast<std::size_t>(sy * kSub + sx)];
            for (int dy = -half; dy <= half; ++dy)
                for (int dx = -half; dx <= half; ++dx) {
                    const float d = std::hypot(dx + 0.5f - cx, dy + 0.5f - cy);
                    float c = std::clamp(radius + 0.5f - d, 0.0f, 1.0f);
                    if (ring) c *= std::clamp(d - (radius - width) + 0.5f, 0.0f, 1.0f);
                    if (c > 1.0f / 255.0f) taps.push_back({dx, dy, c});
                }
        }
}

void CloudSplatter::accumulate(const Stamp &stamp, float px, float py, const float *colour)
{
    const int ix = static_cast<int>(std::floor(px)), iy = static_cast<int>(std::floor(py));
    const int sx = std::min(kSub - 1, static_cast<int>((px - ix) * kSub));
    const int sy = std::min(kSub - 1, static_cast<int>((py - iy) * kSub));
    const int x = ix - m_image.x, y = iy - m_image.y;
    const float alpha = colour[3];
    // Only a point near the image's edge needs each tap checked.
    const bool inside = x - stamp.reach >= 0 && y - stamp.reach >= 0 &&
                        x + stamp.reach < m_image.width && y + stamp.reach < m_image.height;
#if defined(__SSE2__)
    // The four sums of a pixel at once.
    const __m128 weighted =
        _mm_setr_ps(colour[0] * alpha, colour[1] * alpha, colour[2] * alpha, alpha);
#endif
    for (const Tap &t : stamp.taps[static_cast<std::size_t>(sy * kSub + sx)]) {
        const int col = x + t.dx, row = y + t.dy;
        if (!inside && (static_cast<unsigned>(col) >= static_cast<unsigned>(m_image.width) ||
                        static_cast<unsigned>(row) >= static_cast<unsigned>(m_image.height)))
            continue;
        float *sum = &m_sum[4 * (static_cast<std::size_t>(row) * m_image.width + col)];
#if defined(__SSE2__)
        _mm_storeu_ps(sum,
                      _mm_add_ps(_mm_loadu_ps(sum), _mm_mul_ps(weighted, _mm_set1_ps(t.coverage))));
#else
        const float w = t.coverage * alpha;
        sum[0] += w * colour[0];
        sum[1] += w * colour[1];
        sum[2] += w * colour[2];
        sum[3] += w;
#endif
    }
}

const CloudSplatter::Image &CloudSplatter::render(const core::geometry::Stages &stages,
                                                  const std::array<float, 4> &m, int viewportWidth,
                                                  int viewportHeight, float radius)
{
    const std::size_t n = m_xy.size() / 2;
    m_image.width = m_image.height = 0;
    if (n == 0 || viewportWidth <= 0 || viewportHeight <= 0) return m_image;

    // Through the chain in float, one stage at a time over all points, so that the compiler can
    // vectorise it (8 points per AVX2 instruction); then to device pixels.
    m_screen.resize(2 * n);
    Eigen::Map<Eigen::ArrayXf> X(m_screen.data(), static_cast<Eigen::Index>(n));
    Eigen::Map<Eigen::ArrayXf> Y(m_screen.data() + n, static_cast<Eigen::Index>(n));
    const Eigen::Map<const Eigen::ArrayXf, 0, Eigen::InnerStride<2>> inX(
        m_xy.data(), static_cast<Eigen::Index>(n));
    const Eigen::Map<const Eigen::ArrayXf, 0, Eigen::InnerStride<2>> inY(
        m_xy.data() + 1, static_cast<Eigen::Index>(n));
    X = inX;
    Y = inY;
    m_clamped.assign(n, 0);
    Eigen::Map<Eigen::Array<std::uint8_t, Eigen::Dynamic, 1>> clamped(m_clamped.data(),
                                                                      static_cast<Eigen::Index>(n));
    for (const auto &s : stages) {
        const float w00 = glFloat(s.W(0, 0)), w01 = glFloat(s.W(0, 1));
        const float w10 = glFloat(s.W(1, 0)), w11 = glFloat(s.W(1, 1));
        const float b0 = glFloat(s.b.x()), b1 = glFloat(s.b.y());
        const Eigen::ArrayXf nx = w00 * X + w01 * Y + b0;
        Y = w10 * X + w11 * Y + b1;
        X = nx;
        if (s.relu > 0.0) {
            const float r = glFloat(s.relu);
            clamped = clamped.max(((X < 0.0f) || (Y < 0.0f)).cast<std::uint8_t>());
            X += r * (X.max(0.0f) - X);
            Y += r * (Y.max(0.0f) - Y);
        }
    }
    X = X * m[0] + m[2];
    Y = Y * m[1] + m[3];
    // The bounding box of the finite ones (a collapsed or huge map can send points to infinity).
    float minX = viewportWidth, minY = viewportHeight, maxX = 0, maxY = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const float px = X[static_cast<Eigen::Index>(i)], py = Y[static_cast<Eigen::Index>(i)];
        if (std::isfinite(px) && std::isfinite(py)) {
            minX = std::min(minX, px);
            maxX = std::max(maxX, px);
            minY = std::min(minY, py);
            maxY = std::max(maxY, py);
        }
    }

    if (m_disc.radius != radius) makeStamp(m_disc, radius, false);
    if (m_ring.radius != ringRadius(radius)) makeStamp(m_ring, ringRadius(radius), true);
    const int reach = m_ring.reach;
    // Into the viewport before converting to int (a huge map sends points far beyond it).
    minX = std::clamp(minX, -1.0f, viewportWidth + 1.0f);
    maxX = std::clamp(maxX, -1.0f, viewportWidth + 1.0f);
    minY = std::clamp(minY, -1.0f, viewportHeight + 1.0f);
    maxY = std::clamp(maxY, -1.0f, viewportHeight + 1.0f);
    const int x0 = std::max(0, static_cast<int>(std::floor(minX)) - reach);
    const int y0 = std::max(0, static_cast<int>(std::floor(minY)) - reach);
    const int x1 = std::min(viewportWidth, static_cast<int>(std::ceil(maxX)) + reach + 1);
    const int y1 = std::min(viewportHeight, static_cast<int>(std::ceil(maxY)) + reach + 1);
    if (x1 <= x0 || y1 <= y0) return m_image;
    m_image.x = x0;
    m_image.y = y0;
    m_image.width = x1 - x0;
    m_image.height = y1 - y0;
    const std::size_t pixels = static_cast<std::size_t>(m_image.width) * m_image.height;
    m_sum.assign(4 * pixels, 0.0f);

    const float limit = 1e6f; // far outside the view: skip before converting to int
    for (std::size_t i = 0; i < n; ++i) {
        const float px = m_screen[i], py = m_screen[n + i];
        if (!(std::abs(px) < limit && std::abs(py) < limit)) continue;
        if (px < x0 - reach || px > x1 + reach || py < y0 - reach || py > y1 + reach) continue;
        if (m_clamped[i]) {
            // Darker, so that the folded points stand out where they pile up on an axis, even
            // over points of their own colour.
            const float *c = &m_rgba[4 * i];
            const float dark[4] = {c[0] * 0.55f, c[1] * 0.55f, c[2] * 0.55f, c[3]};
            accumulate(m_ring, px, py, dark);
        } else {
            accumulate(m_disc, px, py, &m_rgba[4 * i]);
        }
    }

    // Resolve: the weighted mean colour, opacity min(1, coverage), premultiplied.
    m_image.pixels.resize(pixels);
    for (std::size_t p = 0; p < pixels; ++p) {
        const float *sum = &m_sum[4 * p];
        if (sum[3] <= 0.0f) {
            m_image.pixels[p] = 0;
            continue;
        }
        const float a = std::min(1.0f, sum[3]);
        const float scale = 255.0f * a / sum[3];
        auto byte = [](float v) { return static_cast<std::uint32_t>(std::min(255.0f, v + 0.5f)); };
        m_image.pixels[p] = byte(sum[0] * scale) | (byte(sum[1] * scale) << 8) |
                            (byte(sum[2] * scale) << 16) | (byte(a * 255.0f) << 24);
    }
    return m_image;
}

} // namespace ui
