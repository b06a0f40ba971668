#include "ui/uncrumple/linesplatter.h"

#include "core/geometry/segmentclip.h"
#include "ui/uncrumple/pixel4.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace ui {

using namespace pixel4;

namespace {

// How far beyond the view a line is kept before it is cut, in half-widths of the view (a guard
// band, as GL's clipper has): far enough that a cut never shows, near enough that every
// coordinate stays a small number of pixels.
constexpr double kGuard = 4.0;

using End = LineSplatter::End;

// a at t = 0, b at t = 1, exactly.
End mix(const End &a, const End &b, float t)
{
    const float s = 1.0f - t;
    return {a.x * s + b.x * t, a.y * s + b.y * t, a.depth * s + b.depth * t,
            a.invW * s + b.invW * t, a.fogW * s + b.fogW * t};
}

// Cuts a to b down to lo <= x <= hiX, lo <= y <= hiY; false when nothing is left.
bool clipToBox(End &a, End &b, float lo, float hiX, float hiY)
{
    double t0 = 0, t1 = 1;
    if (!core::geometry::clipSegment(a.x, a.y, b.x, b.y, {lo, lo, hiX, hiY}, &t0, &t1))
        return false;
    const End from = a;
    if (t0 > 0) a = mix(from, b, static_cast<float>(t0));
    if (t1 < 1) b = mix(from, b, static_cast<float>(t1));
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
        // Pixel centres in [a.x, b.x) along the main axis: where a polyline goes on the same way,
        // the pixel at a shared end is drawn once.
        const int first = std::max(steep ? rowBegin : 0, static_cast<int>(std::ceil(a.x - 0.5f)));
        const int last = std::min(steep ? rowEnd : width, static_cast<int>(std::ceil(b.x - 0.5f)));
        for (int i = first; i < last; ++i) {
            const float t = (static_cast<float>(i) + 0.5f - a.x) / dx;
            const float centre = a.y + (static_cast<float>(i) + 0.5f - a.x) * across - 0.5f;
            const float below = std::floor(centre);
            const int j = static_cast<int>(below);
            const float share = centre - below;
            const float d = a.depth + (b.depth - a.depth) * t;
            // Fog over the eye's depth, perspective-correct: fog/w and 1/w are linear on screen.
            const float fog = (a.fogW + (b.fogW - a.fogW) * t) / (a.invW + (b.invW - a.invW) * t);
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

QRect LineSplatter::project(const float *xyz, int count, const std::vector<std::uint32_t> &edges,
                            const PointSplatter::Params &params)
{
    m_segments.clear();
    m_nodes.resize(static_cast<std::size_t>(std::max(0, count)));
    const QMatrix4x4 vp = params.projection * params.view;
    const float *m = vp.constData(); // column-major
    const float *v = params.view.constData();
    for (int i = 0; i < count; ++i) {
        const float px = xyz[3 * i], py = xyz[3 * i + 1], pz = xyz[3 * i + 2];
        Node &n = m_nodes[static_cast<std::size_t>(i)];
        n.x = m[0] * px + m[4] * py + m[8] * pz + m[12];
        n.y = m[1] * px + m[5] * py + m[9] * pz + m[13];
        n.z = m[2] * px + m[6] * py + m[10] * pz + m[14];
        n.w = m[3] * px + m[7] * py + m[11] * pz + m[15];
        n.eyeDepth = -(v[2] * px + v[6] * py + v[10] * pz + v[14]);
    }

    const double w = params.width, h = params.height;
    const double fogSpan = std::max(static_cast<double>(params.fogFar - params.fogNear), 1e-4);
    // A node in window space; w > 0 and |x|, |y| <= kGuard * w after the clip.
    const auto onWindow = [&](double x, double y, double z, double cw, double eyeDepth) {
        const double fog = std::clamp((eyeDepth - params.fogNear) / fogSpan, 0.0, 1.0);
        return End{static_cast<float>((x / cw * 0.5 + 0.5) * w),
                   static_cast<float>((0.5 - y / cw * 0.5) * h),
                   static_cast<float>(z / cw * 0.5 + 0.5), static_cast<float>(1.0 / cw),
                   static_cast<float>(fog / cw)};
    };
    double x0 = INFINITY, y0 = INFINITY, x1 = -INFINITY, y1 = -INFINITY;
    const std::size_t nodes = m_nodes.size();
    for (std::size_t e = 0; e + 1 < edges.size(); e += 2) {
        if (edges[e] >= nodes || edges[e + 1] >= nodes) continue;
        const Node &a = m_nodes[edges[e]], &b = m_nodes[edges[e + 1]];
        // Clipped in clip space, in double (huge coordinates must not overflow): against the
        // near plane (z >= -w), the far plane (z <= w) and the guard band around the view.
        const double ax = a.x, ay = a.y, az = a.z, aw = a.w;
        const double bx = b.x, by = b.y, bz = b.z, bw = b.w;
        const double inA[6] = {az + aw,          aw - az,          kGuard * aw - ax,
                               kGuard * aw + ax, kGuard * aw - ay, kGuard * aw + ay};
        const double inB[6] = {bz + bw,          bw - bz,          kGuard * bw - bx,
                               kGuard * bw + bx, kGuard * bw - by, kGuard * bw + by};
        double t0 = 0.0, t1 = 1.0;
        bool visible = true;
        for (int k = 0; k < 6 && visible; ++k) {
            const double da = inA[k], db = inB[k];
            if (!(std::isfinite(da) && std::isfinite(db)) || (da < 0.0 && db < 0.0)) {
                visible = false;
            } else if (da < 0.0) {
                t0 = std::max(t0, da / (da - db));
            } else if (db < 0.0) {
                t1 = std::min(t1, da / (da - db));
            }
        }
        if (!visible || !(t0 < t1)) continue;
        const auto at = [&](double t) {
            const double s = 1.0 - t;
            return std::array<double, 5>{ax * s + bx * t, ay * s + by * t, az * s + bz * t,
                                         aw * s + bw * t,
                                         double(a.eyeDepth) * s + double(b.eyeDepth) * t};
        };
        const std::array<double, 5> from = at(t0), to = at(t1);
        if (!(from[3] > 1e-9 && to[3] > 1e-9)) continue;
        const End p = onWindow(from[0], from[1], from[2], from[3], from[4]);
        const End q = onWindow(to[0], to[1], to[2], to[3], to[4]);
        m_segments.push_back(p);
        m_segments.push_back(q);
        x0 = std::min({x0, double(p.x), double(q.x)});
        y0 = std::min({y0, double(p.y), double(q.y)});
        x1 = std::max({x1, double(p.x), double(q.x)});
        y1 = std::max({y1, double(p.y), double(q.y)});
    }
    if (m_segments.empty()) return {};
    // A pixel around the ends, for the line's two pixels across.
    return QRect(QPoint(static_cast<int>(std::floor(x0)) - 1, static_cast<int>(std::floor(y0)) - 1),
                 QPoint(static_cast<int>(std::floor(x1)) + 1, static_cast<int>(std::floor(y1)) + 1))
        .intersected(QRect(0, 0, params.width, params.height));
}

void LineSplatter::draw(PointSplatter::Image &image, std::uint32_t rgba, float opacity,
                        const PointSplatter::Params &params, int rowBegin, int rowEnd) const
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
    const float dx = static_cast<float>(image.x), dy = static_cast<float>(image.y);
    for (std::size_t k = 0; k + 1 < m_segments.size(); k += 2) {
        End p = m_segments[k], q = m_segments[k + 1];
        p.x -= dx;
        p.y -= dy;
        q.x -= dx;
        q.y -= dy;
        // A pixel beyond the image on every side, so lines along its edge keep both pixels.
        if (!clipToBox(p, q, -1.0f, static_cast<float>(image.width) + 1.0f,
                       static_cast<float>(image.height) + 1.0f))
            continue;
        pen.line(p, q);
    }
}

} // namespace ui
