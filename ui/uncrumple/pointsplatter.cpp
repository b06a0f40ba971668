#include "ui/uncrumple/pointsplatter.h"

#include "ui/uncrumple/pixel4.h"

#include <algorithm>
#include <cmath>

namespace ui {

using namespace pixel4;

void PointSplatter::setColours(const std::vector<std::uint32_t> &rgba)
{
    m_rgb.resize(rgba.size() * 3);
    for (std::size_t i = 0; i < rgba.size(); ++i)
        for (int c = 0; c < 3; ++c)
            m_rgb[i * 3 + static_cast<std::size_t>(c)] =
                static_cast<float>((rgba[i] >> (8 * c)) & 0xffu) / 255.0f;
}

std::size_t PointSplatter::bucketOf(float radius)
{
    // Radii are positive and at most 32 (prepare clamps them): rounding by truncation is exact
    // and, unlike lround, a single instruction (it runs for every point a frame).
    return static_cast<std::size_t>(radius / kRadiusStep + 0.5f);
}

const std::vector<PointSplatter::Tap> &PointSplatter::stamp(float radius, int sub) const
{
    return m_stamps[bucketOf(radius)][static_cast<std::size_t>(sub)];
}

void PointSplatter::makeStamps(std::size_t bucket)
{
    if (bucket >= m_stamps.size()) m_stamps.resize(bucket + 1);
    auto &variants = m_stamps[bucket];
    if (variants.empty()) {
        variants.resize(kSub * kSub);
        const float r = std::max(0.5f, static_cast<float>(bucket) * kRadiusStep);
        const int reach = static_cast<int>(std::ceil(r + 0.5f));
        // The light of shaders/uncrumple (upper left, towards the viewer), normalized.
        const float lx = -0.45f, ly = 0.55f, lz = 0.70f;
        const float ll = std::sqrt(lx * lx + ly * ly + lz * lz);
        for (int s = 0; s < kSub * kSub; ++s) {
            // The centre's position inside its pixel.
            const float cx = (static_cast<float>(s % kSub) + 0.5f) / kSub;
            const float cy = (static_cast<float>(s / kSub) + 0.5f) / kSub;
            std::vector<Tap> &taps = variants[static_cast<std::size_t>(s)];
            for (int dy = -reach; dy <= reach; ++dy)
                for (int dx = -reach; dx <= reach; ++dx) {
                    const float px = static_cast<float>(dx) + 0.5f - cx;
                    const float py = static_cast<float>(dy) + 0.5f - cy;
                    const float d = std::sqrt(px * px + py * py);
                    const float coverage = std::clamp(r + 0.5f - d, 0.0f, 1.0f);
                    if (coverage <= 0.0f) continue;
                    // The sphere's normal under this pixel (y up), its Lambert and Phong terms.
                    const float qx = px / r, qy = -py / r;
                    const float q2 = std::min(1.0f, qx * qx + qy * qy);
                    const float nz = std::sqrt(1.0f - q2);
                    const float diffuse = std::max(0.0f, (qx * lx + qy * ly + nz * lz) / ll);
                    // Reflection of the light about n, against the view direction (0, 0, 1).
                    const float rz = 2.0f * diffuse * nz - lz / ll;
                    const float specular = std::pow(std::max(0.0f, rz), 20.0f);
                    float shade = 0.40f + 0.65f * diffuse;
                    // The rim: darker towards the edge, so touching points stay apart.
                    const float t = std::clamp((q2 - 0.72f) / 0.28f, 0.0f, 1.0f);
                    shade *= 1.0f - 0.45f * t * t * (3.0f - 2.0f * t);
                    taps.push_back({dx, dy, coverage, shade, 0.30f * specular});
                }
        }
    }
}

PointSplatter::Image &PointSplatter::render(const float *xyz, int count, const Params &params,
                                            const QRect &include)
{
    prepare(xyz, count, params, include);
    drawRows(params, 0, m_image.height);
    return m_image;
}

PointSplatter::Image &PointSplatter::prepare(const float *xyz, int count, const Params &params,
                                             const QRect &include)
{
    sortPoints(xyz, count, params);
    return prepareImage(params, include);
}

void PointSplatter::sortPoints(const float *xyz, int count, const Params &params)
{
    m_pointsArea = QRect();
    m_sorted.clear();
    const int n = std::min(count, static_cast<int>(m_rgb.size() / 3));
    m_projected.resize(static_cast<std::size_t>(std::max(0, n)));
    m_order.clear();
    m_keys.clear();
    const QMatrix4x4 vp = params.projection * params.view;
    const float *v = params.view.constData(); // column-major
    const float *m = vp.constData();
    const float w = static_cast<float>(params.width), h = static_cast<float>(params.height);
    int x0 = params.width, y0 = params.height, x1 = 0, y1 = 0;
    for (int i = 0; i < n; ++i) {
        const float px = xyz[3 * i], py = xyz[3 * i + 1], pz = xyz[3 * i + 2];
        const float cw = m[3] * px + m[7] * py + m[11] * pz + m[15];
        if (!(cw > 1e-6f)) continue;
        const float cx = m[0] * px + m[4] * py + m[8] * pz + m[12];
        const float cy = m[1] * px + m[5] * py + m[9] * pz + m[13];
        const float cz = m[2] * px + m[6] * py + m[10] * pz + m[14];
        const float ndcZ = cz / cw;
        if (!(ndcZ >= -1.0f && ndcZ <= 1.0f)) continue; // also NaN (an infinite coordinate)
        const float eyeDepth = -(v[2] * px + v[6] * py + v[10] * pz + v[14]);
        Projected &p = m_projected[static_cast<std::size_t>(i)];
        p.x = (cx / cw * 0.5f + 0.5f) * w;
        p.y = (0.5f - cy / cw * 0.5f) * h;
        // Far outside the view (or NaN): skipped before anything is rounded to an integer.
        if (!(std::abs(p.x) < 1e6f && std::abs(p.y) < 1e6f)) continue;
        p.depth = ndcZ * 0.5f + 0.5f;
        p.radius =
            0.5f * std::clamp(params.pointSize * params.refDistance / std::max(eyeDepth, 1e-4f),
                              1.5f, 64.0f);
        p.fog = std::clamp((eyeDepth - params.fogNear) /
                               std::max(params.fogFar - params.fogNear, 1e-4f),
                           0.0f, 1.0f) *
                params.fogStrength;
        const int reach = static_cast<int>(std::ceil(p.radius + 0.5f)) + 1;
        const int ix = static_cast<int>(std::floor(p.x)), iy = static_cast<int>(std::floor(p.y));
        if (ix + reach < 0 || iy + reach < 0 || ix - reach >= params.width ||
            iy - reach >= params.height)
            continue;
        x0 = std::min(x0, ix - reach);
        y0 = std::min(y0, iy - reach);
        x1 = std::max(x1, ix + reach + 1);
        y1 = std::max(y1, iy + reach + 1);
        m_order.push_back(static_cast<std::uint32_t>(i));
        // Far first: a larger window depth sorts earlier.
        m_keys.push_back(static_cast<std::uint16_t>(65535.0f - p.depth * 65535.0f));
    }
    if (m_order.empty()) return;
    m_pointsArea = QRect(QPoint(x0, y0), QPoint(x1 - 1, y1 - 1));

    // A stable two-pass radix sort on the 16-bit keys: linear, and a frame sorts 50,000 points in
    // well under a millisecond.
    {
        const std::size_t k = m_order.size();
        m_scratch.resize(k);
        m_keys2.resize(k);
        for (int pass = 0; pass < 2; ++pass) {
            std::size_t counts[257] = {};
            const int shift = pass * 8;
            for (std::size_t j = 0; j < k; ++j)
                ++counts[((m_keys[j] >> shift) & 0xffu) + 1];
            for (int b = 0; b < 256; ++b)
                counts[b + 1] += counts[b];
            for (std::size_t j = 0; j < k; ++j) {
                const std::size_t to = counts[(m_keys[j] >> shift) & 0xffu]++;
                m_scratch[to] = m_order[j];
                m_keys2[to] = m_keys[j];
            }
            m_order.swap(m_scratch);
            m_keys.swap(m_keys2);
        }
    }

    // Far to near, as they are drawn.
    m_sorted.resize(m_order.size());
    float smallest = m_projected[m_order.front()].radius, largest = smallest;
    for (std::size_t j = 0, k = m_order.size(); j < k; ++j) {
        const std::uint32_t i = m_order[j];
        const float *rgb = &m_rgb[static_cast<std::size_t>(i) * 3];
        m_sorted[j] = {m_projected[i], rgb[0], rgb[1], rgb[2]};
        smallest = std::min(smallest, m_projected[i].radius);
        largest = std::max(largest, m_projected[i].radius);
    }
    // Made here, so that drawing only reads them (drawRows may run on two threads).
    for (std::size_t b = bucketOf(smallest), last = bucketOf(largest); b <= last; ++b)
        makeStamps(b);
}

PointSplatter::Image &PointSplatter::prepareImage(const Params &params, const QRect &include)
{
    QRect area = m_pointsArea;
    if (!include.isEmpty()) area |= include;
    area &= QRect(0, 0, params.width, params.height);
    m_image.width = m_image.height = 0;
    if (area.isEmpty()) return m_image;
    // Cleared by drawRows, band by band. Blended straight into the 8-bit image, as a GPU blends
    // into its framebuffer, the four channels of a tap at once.
    const std::size_t pixels =
        static_cast<std::size_t>(area.width()) * static_cast<std::size_t>(area.height());
    m_image.pixels.resize(pixels);
    m_image.depth.resize(pixels);
    m_image.x = area.x();
    m_image.y = area.y();
    m_image.width = area.width();
    m_image.height = area.height();
    return m_image;
}

int PointSplatter::balancedRow()
{
    // The median of the points' rows, so that each band has about half of the taps.
    if (m_sorted.empty()) return m_image.height / 2;
    std::vector<int> &rows = m_rowCounts;
    rows.assign(static_cast<std::size_t>(m_image.height) + 1, 0);
    for (const Sorted &s : m_sorted)
        ++rows[static_cast<std::size_t>(
            std::clamp(static_cast<int>(s.p.y) - m_image.y, 0, m_image.height))];
    std::size_t seen = 0;
    for (int r = 0; r <= m_image.height; ++r) {
        seen += static_cast<std::size_t>(rows[static_cast<std::size_t>(r)]);
        if (2 * seen >= m_sorted.size()) return std::clamp(r, 0, m_image.height);
    }
    return m_image.height / 2;
}

void PointSplatter::drawRows(const Params &params, int rowBegin, int rowEnd)
{
    const int x0 = m_image.x, y0 = m_image.y, iw = m_image.width;
    rowBegin = std::max(rowBegin, 0);
    rowEnd = std::min(rowEnd, m_image.height);
    if (rowBegin >= rowEnd) return;
    // A band reads the points and stamps and writes only its own rows of the image.
    std::uint32_t *image = m_image.pixels.data();
    float *depth = m_image.depth.data();
    const auto bandBegin = static_cast<std::ptrdiff_t>(rowBegin) * iw;
    const auto bandEnd = static_cast<std::ptrdiff_t>(rowEnd) * iw;
    std::fill(image + bandBegin, image + bandEnd, 0u);
    std::fill(depth + bandBegin, depth + bandEnd, 1.0f);
    const Pixel4 one = splat4(1.0f);
    const float bg[3] = {static_cast<float>(params.background.redF()),
                         static_cast<float>(params.background.greenF()),
                         static_cast<float>(params.background.blueF())};
    for (const Sorted &point : m_sorted) {
        const Projected &p = point.p;
        const int ix = static_cast<int>(std::floor(p.x)), iy = static_cast<int>(std::floor(p.y));
        const int sx =
            std::clamp(static_cast<int>((p.x - static_cast<float>(ix)) * kSub), 0, kSub - 1);
        const int sy =
            std::clamp(static_cast<int>((p.y - static_cast<float>(iy)) * kSub), 0, kSub - 1);
        const std::vector<Tap> &taps = stamp(p.radius, sy * kSub + sx);
        // A tap shows min(1, rgb * shade + specular) * keep + fogged, in bytes; alpha's lane has
        // a colour so large that it is always 255.
        const float keep = 255.0f * (1.0f - p.fog);
        const Pixel4 colour = set4(point.r, point.g, point.b, 1e6f);
        const Pixel4 keeps = set4(keep, keep, keep, 255.0f);
        const Pixel4 fogged =
            set4(255.0f * bg[0] * p.fog, 255.0f * bg[1] * p.fog, 255.0f * bg[2] * p.fog, 0.0f);
        // Only a point cut by the view's edge or the band's needs each tap checked (the image is
        // the union of every point's reach).
        const int reach = static_cast<int>(std::ceil(p.radius + 0.5f)) + 1;
        const int top = iy - y0 - reach, bottom = iy - y0 + reach;
        if (bottom < rowBegin || top >= rowEnd) continue;
        const bool inside =
            ix - reach >= x0 && ix + reach < x0 + iw && top >= rowBegin && bottom < rowEnd;
        for (const Tap &t : taps) {
            const int x = ix + t.dx - x0, y = iy + t.dy - y0;
            if (!inside && (x < 0 || y < rowBegin || x >= iw || y >= rowEnd)) continue;
            const std::size_t at = static_cast<std::size_t>(y) * iw + x;
            const Pixel4 lit = add4(
                mul4(min4(add4(mul4(colour, splat4(t.shade)), splat4(t.specular)), one), keeps),
                fogged);
            image[at] = blend4(lit, image[at], t.coverage);
            if (t.coverage >= 0.5f) depth[at] = p.depth;
        }
    }
}

} // namespace ui
