#include "ui/uncrumple/linesplatter.h"

#include "ui/uncrumple/pixel4.h"

#include <algorithm>
#include <cmath>

namespace ui {

using namespace pixel4;

namespace {

// A line's end on the image: pixels (y down), window depth 0-1 and fog 0-1.
struct End {
    float x, y, depth, fog;
};

End mix(const End &a, const End &b, float t)
{
    return {a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t, a.depth + (b.depth - a.depth) * t,
            a.fog + (b.fog - a.fog) * t};
}

// Cuts a to b down to lo <= x, y <= hi (Liang-Barsky); false when nothing is left.
bool clipToBox(End &a, End &b, float lo, float hiX, float hiY)
{
    float t0 = 0.0f, t1 = 1.0f;
    const float dx = b.x - a.x, dy = b.y - a.y;
    const float p[4] = {-dx, dx, -dy, dy};
    const float q[4] = {a.x - lo, hiX - a.x, a.y - lo, hiY - a.y};
    for (int k = 0; k < 4; ++k) {
        if (p[k] == 0.0f) {
            if (q[k] < 0.0f) return false;
            continue;
        }
        const float t = q[k] / p[k];
        if (p[k] < 0.0f)
            t0 = std::max(t0, t);
        else
            t1 = std::min(t1, t);
    }
    if (!(t0 <= t1)) return false;
    const End from = a;
    a = mix(from, b, t0);
    b = mix(from, b, t1);
    return true;
}

// What one line blends onto the image: its colour, fogged per pixel.
struct Pen {
    std::uint32_t *pixels;
    const float *depth;
    int width;
    int rowBegin, rowEnd;          // the band of rows drawn
    float red, green, blue, alpha; // 0-1
    float fogR, fogG, fogB;        // the background, 0-1
    float fogStrength;

    void plot(int x, int y, float depthHere, float fog, float coverage) const
    {
        if (x < 0 || y < rowBegin || x >= width || y >= rowEnd) return;
        const std::size_t at = static_cast<std::size_t>(y) * static_cast<std::size_t>(width) +
                               static_cast<std::size_t>(x);
        if (depthHere > depth[at]) return; // behind the point drawn there
        const float a = alpha * coverage;
        if (a < 1.0f / 1024.0f) return;
        const float f = fog * fogStrength;
        const Pixel4 lit =
            set4(255.0f * (red + (fogR - red) * f), 255.0f * (green + (fogG - green) * f),
                 255.0f * (blue + (fogB - blue) * f), 255.0f);
        pixels[at] = blend4(lit, pixels[at], a);
    }

    // One pixel-wide line: along its longer axis, at every pixel centre it passes, the two
    // pixels across that its centre falls between, each with the share of the line it holds.
    void line(End a, End b) const
    {
        if (std::max(a.y, b.y) + 1.0f < static_cast<float>(rowBegin) ||
            std::min(a.y, b.y) - 1.0f > static_cast<float>(rowEnd))
            return; // another band's
        const bool steep = std::abs(b.y - a.y) > std::abs(b.x - a.x);
        if (steep) {
            std::swap(a.x, a.y);
            std::swap(b.x, b.y);
        }
        if (b.x < a.x) std::swap(a, b);
        const float dx = b.x - a.x;
        if (dx < 1e-6f) return; // shorter than a pixel's centre can be found on
        const float across = (b.y - a.y) / dx;
        // Pixel centres in [a.x, b.x): a polyline's shared ends are drawn once.
        const int first = std::max(steep ? rowBegin : 0, static_cast<int>(std::ceil(a.x - 0.5f)));
        const int last = std::min(steep ? rowEnd : width, static_cast<int>(std::ceil(b.x - 0.5f)));
        for (int i = first; i < last; ++i) {
            const float t = (static_cast<float>(i) + 0.5f - a.x) / dx;
            const float centre = a.y + (static_cast<float>(i) + 0.5f - a.x) * across - 0.5f;
            const float below = std::floor(centre);
            const int j = static_cast<int>(below);
            const float share = centre - below;
            const float d = a.depth + (b.depth - a.depth) * t;
            const float fog = a.fog + (b.fog - a.fog) * t;
            if (steep) {
                plot(j, i, d, fog, 1.0f - share);
                plot(j + 1, i, d, fog, share);
            } else {
                plot(i, j, d, fog, 1.0f - share);
                plot(i, j + 1, d, fog, share);
            }
        }
    }
};

} // namespace

QRect LineSplatter::project(const float *xyz, int count, const PointSplatter::Params &params)
{
    m_nodes.resize(static_cast<std::size_t>(std::max(0, count)));
    const QMatrix4x4 vp = params.projection * params.view;
    const float *m = vp.constData(); // column-major
    const float *v = params.view.constData();
    const float w = static_cast<float>(params.width), h = static_cast<float>(params.height);
    float x0 = w, y0 = h, x1 = 0.0f, y1 = 0.0f;
    bool everywhere = false;
    for (int i = 0; i < count; ++i) {
        const float px = xyz[3 * i], py = xyz[3 * i + 1], pz = xyz[3 * i + 2];
        Node &n = m_nodes[static_cast<std::size_t>(i)];
        n.x = m[0] * px + m[4] * py + m[8] * pz + m[12];
        n.y = m[1] * px + m[5] * py + m[9] * pz + m[13];
        n.z = m[2] * px + m[6] * py + m[10] * pz + m[14];
        n.w = m[3] * px + m[7] * py + m[11] * pz + m[15];
        n.eyeDepth = -(v[2] * px + v[6] * py + v[10] * pz + v[14]);
        if (!(n.w > 1e-6f && n.z >= -n.w && n.z <= n.w)) {
            // Outside the near or far plane (or NaN): its lines are clipped, and may then cross
            // the view anywhere.
            everywhere = everywhere || std::isfinite(n.x + n.y + n.z + n.w);
            continue;
        }
        const float sx = (n.x / n.w * 0.5f + 0.5f) * w, sy = (0.5f - n.y / n.w * 0.5f) * h;
        x0 = std::min(x0, sx);
        y0 = std::min(y0, sy);
        x1 = std::max(x1, sx);
        y1 = std::max(y1, sy);
    }
    const QRect view(0, 0, params.width, params.height);
    if (everywhere) return view;
    if (!(x1 >= x0 && y1 >= y0)) return {};
    // A pixel around the ends for the line's two pixels across; far-off ends are cut to the view.
    const auto pixel = [](float at) {
        return static_cast<int>(std::floor(std::clamp(at, -1e6f, 1e6f)));
    };
    return QRect(QPoint(pixel(x0) - 1, pixel(y0) - 1), QPoint(pixel(x1) + 1, pixel(y1) + 1))
        .intersected(view);
}

void LineSplatter::draw(PointSplatter::Image &image, const std::vector<std::uint32_t> &edges,
                        std::uint32_t rgba, float opacity, const PointSplatter::Params &params,
                        int rowBegin, int rowEnd) const
{
    rowBegin = std::max(rowBegin, 0);
    rowEnd = std::min(rowEnd, image.height);
    if (image.width <= 0 || rowBegin >= rowEnd) return;
    const auto channel = [rgba](int c) {
        return static_cast<float>((rgba >> (8 * c)) & 0xffu) / 255.0f;
    };
    const Pen pen{image.pixels.data(),
                  image.depth.data(),
                  image.width,
                  rowBegin,
                  rowEnd,
                  channel(0),
                  channel(1),
                  channel(2),
                  channel(3) * std::clamp(opacity, 0.0f, 1.0f),
                  static_cast<float>(params.background.redF()),
                  static_cast<float>(params.background.greenF()),
                  static_cast<float>(params.background.blueF()),
                  params.fogStrength};
    if (pen.alpha <= 0.0f) return;
    const float w = static_cast<float>(params.width), h = static_cast<float>(params.height);
    const float fogSpan = std::max(params.fogFar - params.fogNear, 1e-4f);
    const auto onImage = [&](const Node &n) {
        return End{(n.x / n.w * 0.5f + 0.5f) * w - static_cast<float>(image.x),
                   (0.5f - n.y / n.w * 0.5f) * h - static_cast<float>(image.y),
                   n.z / n.w * 0.5f + 0.5f,
                   std::clamp((n.eyeDepth - params.fogNear) / fogSpan, 0.0f, 1.0f)};
    };
    const auto between = [](const Node &a, const Node &b, float t) {
        return Node{a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t, a.z + (b.z - a.z) * t,
                    a.w + (b.w - a.w) * t, a.eyeDepth + (b.eyeDepth - a.eyeDepth) * t};
    };
    const std::size_t nodes = m_nodes.size();
    for (std::size_t e = 0; e + 1 < edges.size(); e += 2) {
        if (edges[e] >= nodes || edges[e + 1] >= nodes) continue;
        const Node &a = m_nodes[edges[e]], &b = m_nodes[edges[e + 1]];
        // Clipped against the near plane (z >= -w) and the far plane (z <= w), as GL clips.
        float t0 = 0.0f, t1 = 1.0f;
        const float nearA = a.z + a.w, nearB = b.z + b.w, farA = a.w - a.z, farB = b.w - b.z;
        bool visible = std::isfinite(nearA + nearB + farA + farB);
        for (const auto &[da, db] : {std::pair{nearA, nearB}, std::pair{farA, farB}}) {
            if (!visible || (da < 0.0f && db < 0.0f)) {
                visible = false;
                break;
            }
            if (da < 0.0f) t0 = std::max(t0, da / (da - db));
            if (db < 0.0f) t1 = std::min(t1, da / (da - db));
        }
        if (!visible || !(t0 < t1)) continue;
        const Node from = t0 > 0.0f ? between(a, b, t0) : a;
        const Node to = t1 < 1.0f ? between(a, b, t1) : b;
        if (!(from.w > 1e-6f && to.w > 1e-6f)) continue;
        End p = onImage(from), q = onImage(to);
        if (!std::isfinite(p.x + p.y + q.x + q.y)) continue;
        // A pixel beyond the image on every side, so lines along its edge keep both pixels.
        if (!clipToBox(p, q, -1.0f, static_cast<float>(image.width) + 1.0f,
                       static_cast<float>(image.height) + 1.0f))
            continue;
        pen.line(p, q);
    }
}

} // namespace ui
